/**
 * Size caps. Every field and every output has one, inside GitHub's limits
 * (1 MB per step output, 1 MiB per job summary): a server that sends a 3 MB
 * message must not turn it into megabytes of outputs and log.
 */

/** An operation's `message` in outputs, the log and the summary. */
export const MESSAGE_CAP = 4096
/** One log or terminal line (a message plus what the line says about it). */
export const LINE_CAP = 8192
/** A log group title or an annotation title. */
export const TITLE_CAP = 512
/** One step output or state value, in UTF-8 bytes (GitHub: 1 MB). */
export const OUTPUT_CAP_BYTES = 900_000
/** The job summary this step appends, in UTF-8 bytes (GitHub: 1 MiB). */
export const SUMMARY_CAP_BYTES = 900_000

/**
 * The first `max` characters of a text, marked as cut. Never splits a
 * surrogate pair; the marker says how much was left out.
 */
export function cap(text: string, max: number): string {
  if (text.length <= max) return text
  let end = Math.max(0, max)
  const code = text.charCodeAt(end - 1)
  if (code >= 0xd800 && code <= 0xdbff) end--
  return `${text.slice(0, end)}… [cut: ${text.length - end} more characters]`
}

/**
 * A bounded piece of the text to redact and neutralise, when it is later
 * capped at `max`: redaction of a 3 MB message must not cost seconds. The
 * piece runs well past `max`, so a token cut at its end (too short a tail
 * for redaction to recognise) lies beyond the final cap.
 */
export function window(text: string, max: number): string {
  const keep = max * 2 + 64
  return text.length > keep ? text.slice(0, keep) : text
}

/** UTF-8 size of a text. */
export function bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8')
}

/** Cut a text to at most `max` UTF-8 bytes, marked as cut. */
export function capBytes(text: string, max: number): string {
  if (bytes(text) <= max) return text
  // Characters take 1 to 4 bytes: cut by characters until it fits.
  let chars = Math.max(0, Math.floor((max - 64) / 4))
  for (let step = max; step >= 1; step = Math.floor(step / 2)) {
    while (bytes(cap(text, chars + step)) <= max && chars + step < text.length)
      chars += step
  }
  return cap(text, chars)
}

/**
 * The way out, as pure functions: every text that leaves the process goes
 * redact → neutralise (for its destination) → cap, in that order. Redaction
 * sees the raw text, before any escaping could hide the token from it; the
 * cap comes last so a marker of ours is never escaped or cut. The action's
 * and the command line's writers are thin layers over these.
 */
import {
  bytes,
  cap,
  capBytes,
  LINE_CAP,
  OUTPUT_CAP_BYTES,
  TITLE_CAP,
  window
} from './cap.js'
import {
  forLog,
  forSummary,
  forTerminalBlock,
  forTerminalLine,
  safeJson
} from './neutralise.js'
import type { Redactor } from './redact.js'

/** Each destination's full treatment, with one redaction. */
export interface SafeText {
  readonly redact: Redactor
  /** A log line or an annotation's message. */
  logLine: (text: string) => string
  /** A log group title or an annotation title. */
  title: (text: string) => string
  /** One terminal line (no breaks, no control sequences). */
  terminalLine: (text: string) => string
  /** Plain text for a terminal or a file, breaks kept. */
  terminalBlock: (text: string) => string
  /** A step output or state value (its own text: no command can live in a file command). */
  value: (text: string) => string
  /** JSON for an output, stdout or a file; still valid JSON. */
  json: (json: string) => string
  /** One string in the job summary. */
  summaryText: (text: string) => string
}

/** The way out for one secret. */
export function createSafeText(redact: Redactor): SafeText {
  const clean = (text: string, max: number): string =>
    redact(window(String(text), max))
  return {
    redact,
    logLine: text => cap(forLog(clean(text, LINE_CAP)), LINE_CAP),
    title: text => cap(forLog(clean(text, TITLE_CAP)), TITLE_CAP),
    terminalLine: text => cap(forTerminalLine(clean(text, LINE_CAP)), LINE_CAP),
    terminalBlock: text => forTerminalBlock(redact(text)),
    value: text => capValue(redact(window(text, OUTPUT_CAP_BYTES))),
    json: json => safeJson(redact(json)),
    summaryText: text => forSummary(redact(text))
  }
}

/** An output value within GitHub's limit. */
function capValue(text: string): string {
  return bytes(text) <= OUTPUT_CAP_BYTES
    ? text
    : capBytes(text, OUTPUT_CAP_BYTES)
}

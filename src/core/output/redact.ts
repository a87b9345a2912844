/** What stands in for the token wherever it would have appeared. */
export const MASK = '***'

/**
 * Shortest run of token characters treated as a leak. Shorter runs (`eyJ`)
 * occur in ordinary text; eight characters of a random token do not.
 */
const MIN_LEAK = 8

/** A function that removes every trace of one secret from a text. */
export type Redactor = (text: string) => string

/**
 * Build the one redaction every message, log line, output and summary goes
 * through. It removes the token, its URL-encoded and base64 forms, and any
 * run of at least eight consecutive characters of them: servers echo partial
 * tokens ("token eyJhbGciOi... is invalid") as well as whole ones.
 */
export function createRedactor(secret: string): Redactor {
  if (secret === '') return text => text
  const variants = [
    ...new Set([
      secret,
      encodeURIComponent(secret),
      Buffer.from(secret).toString('base64')
    ])
  ]
  if (secret.length < MIN_LEAK) {
    return text => variants.reduce((t, v) => t.split(v).join(MASK), text)
  }
  const grams = new Set<string>()
  for (const variant of variants) {
    for (let i = 0; i + MIN_LEAK <= variant.length; i++) {
      grams.add(variant.slice(i, i + MIN_LEAK))
    }
  }
  return text => maskRuns(text, grams)
}

/** Replace each stretch of text covered by a known 8-gram with one mask. */
function maskRuns(text: string, grams: Set<string>): string {
  if (text.length < MIN_LEAK) return text
  const covered = new Uint8Array(text.length)
  let any = false
  for (let i = 0; i + MIN_LEAK <= text.length; i++) {
    if (grams.has(text.slice(i, i + MIN_LEAK))) {
      covered.fill(1, i, i + MIN_LEAK)
      any = true
    }
  }
  if (!any) return text
  let out = ''
  for (let i = 0; i < text.length; i++) {
    if (!covered[i]) out += text[i]
    else if (i === 0 || !covered[i - 1]) out += MASK
  }
  return out
}

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
 * Every form in which a server or a library might echo the secret: as is,
 * URL-encoded, base64 (plain and URL-safe, at each of the three byte
 * alignments, so `Bearer <token>` or any other text around it encodes to
 * text that still holds one of them), hex, JSON-escaped and HTML-escaped.
 * Redaction runs on raw text before any escaping of ours, but a server may
 * escape on its side. Case is folded later, so hex in either case matches.
 */
function variantsOf(secret: string): string[] {
  const base64 = alignedBase64(Buffer.from(secret))
  return [
    ...new Set(
      [
        secret,
        encodeURIComponent(secret),
        ...base64,
        ...base64.map(b => b.replace(/\+/g, '-').replace(/\//g, '_')),
        Buffer.from(secret).toString('hex'),
        JSON.stringify(secret).slice(1, -1),
        secret.replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`),
        secret.replace(/[&<>"']/g, c => NAMED[c] ?? c)
      ].map(lower)
    )
  ].filter(v => v !== '')
}

/**
 * The base64 characters that depend on the secret's bytes alone, for the
 * secret starting 0, 1 or 2 bytes into a 3-byte group: a character that
 * mixes in a byte before or after it is dropped (and so is padding).
 */
function alignedBase64(bytes: Buffer): string[] {
  return [0, 1, 2].map(offset => {
    const text = Buffer.concat([Buffer.alloc(offset), bytes])
      .toString('base64')
      .replace(/=+$/, '')
    // A leading filler byte shares the group's first one or two characters.
    const from = offset === 0 ? 0 : offset + 1
    // The last character holds bits of whatever follows unless the bytes end a group.
    const to = (offset + bytes.length) % 3 === 0 ? text.length : text.length - 1
    return text.slice(from, to)
  })
}

const NAMED: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;'
}

/**
 * Lower-case without changing the length, so that positions in the lowered
 * text are positions in the original (full Unicode lower-casing turns `İ`
 * into two code units).
 */
function lower(text: string): string {
  const all = text.toLowerCase()
  return all.length === text.length
    ? all
    : text.replace(/[A-Z]+/g, s => s.toLowerCase())
}

/**
 * Build the one redaction every message, log line, output and summary goes
 * through. It removes the token in any letter case (a token used as the URL
 * host comes back lowercased), its encoded forms, and any run of at least
 * eight consecutive characters of them: servers echo partial tokens
 * ("token eyJhbGciOi... is invalid") as well as whole ones.
 */
export function createRedactor(secret: string): Redactor {
  const trimmed = secret.trim()
  if (trimmed === '') return text => text
  const variants = variantsOf(trimmed)
  if (trimmed.length < MIN_LEAK) {
    const pattern = new RegExp(
      variants
        // A shifted base64 of a short secret may be a letter or two long.
        .filter(v => v.length >= trimmed.length)
        .sort((a, b) => b.length - a.length)
        .map(v => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('|'),
      'gi'
    )
    return text => text.replace(pattern, MASK)
  }
  const grams = new Set<string>()
  for (const variant of variants) {
    for (let i = 0; i + MIN_LEAK <= variant.length; i++) {
      grams.add(variant.slice(i, i + MIN_LEAK))
    }
  }
  return text => maskRuns(text, grams)
}

/** One redaction for several secrets, applied in turn. */
export function createRedactors(secrets: readonly string[]): Redactor {
  const each = [...new Set(secrets.map(s => s.trim()).filter(Boolean))].map(
    createRedactor
  )
  return text => each.reduce((t, redact) => redact(t), text)
}

/**
 * What to treat as secret, given the `token` and `url` as the user set
 * them. When they are swapped (`token` holds a URL, or `url` holds no
 * URL but something token-shaped), the `url` value is the token: it is
 * printed as the URL's host, lowercased, where the runner's exact-match
 * mask misses it.
 */
export function secretsOf(token: string, url: string): string[] {
  const swapped =
    /^[a-z][a-z0-9+.-]*:\/\//i.test(token.trim()) ||
    /^eyJ[\w-]*\.[\w-]*\.?/.test(url.trim())
  return swapped && url.trim() !== '' ? [token, url] : [token]
}

/**
 * Characters that render as nothing: zero-width space, non-joiner and
 * joiner, word joiner, byte-order mark and soft hyphen. A token split by
 * them still reads as the token to whoever copies it.
 */
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/

/**
 * The text without invisible characters, and for each of its positions
 * the position in the original.
 */
function visible(text: string): { text: string; at: number[] } {
  if (!INVISIBLE.test(text)) return { text, at: [] }
  let out = ''
  const at: number[] = []
  for (let i = 0; i < text.length; i++) {
    if (INVISIBLE.test(text[i] as string)) continue
    out += text[i]
    at.push(i)
  }
  return { text: out, at }
}

/**
 * Replace each stretch of text covered by a known 8-gram with one mask,
 * looking through invisible characters (which the mask swallows too).
 */
function maskRuns(text: string, grams: Set<string>): string {
  if (text.length < MIN_LEAK) return text
  const seen = visible(text)
  const lowered = lower(seen.text)
  const place = (i: number): number =>
    seen.at.length === 0 ? i : (seen.at[i] as number)
  let covered: Uint8Array | null = null
  for (let i = 0; i + MIN_LEAK <= lowered.length; i++) {
    if (grams.has(lowered.slice(i, i + MIN_LEAK))) {
      covered ??= new Uint8Array(text.length)
      // From the gram's first visible character to its last, in the original.
      covered.fill(1, place(i), place(i + MIN_LEAK - 1) + 1)
    }
  }
  if (!covered) return text
  let out = ''
  let from = 0
  for (let i = 0; i <= text.length; i++) {
    const masked = i < text.length && covered[i] === 1
    const wasMasked = i > 0 && covered[i - 1] === 1
    if (masked && !wasMasked) out += text.slice(from, i) + MASK
    if (!masked && wasMasked) from = i
  }
  if (covered[text.length - 1] !== 1) out += text.slice(from)
  return out
}

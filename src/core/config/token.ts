import { PreflightError } from '../errors.js'

/** What to do about a token that is rejected, expired or about to expire. */
export const TOKEN_HINT =
  'Create a service token in Qualytics (Settings > Tokens; a service account with the Editor role is recommended for automation) and update the QUALYTICS_TOKEN secret.'

/** Tokens that expire sooner than this get a warning on every run. */
const EXPIRY_WARNING_MS = 14 * 24 * 3_600_000

/** What the token's own `exp` claim says, read without verifying the signature. */
export type TokenExpiry =
  | { state: 'expired'; expiresAt: Date }
  | { state: 'expiring'; expiresAt: Date }
  | { state: 'valid'; expiresAt: Date }
  /** A JWT without `exp` (a "Never" token), or not a JWT at all. */
  | { state: 'unknown' }

/**
 * Read a JWT's `exp` locally. Qualytics tokens are JWTs; "Never" tokens have
 * no `exp`. Anything that does not decode is used as it is: the server has
 * the last word, and a non-JWT token may be perfectly valid.
 */
export function readTokenExpiry(token: string, nowMs: number): TokenExpiry {
  const parts = token.split('.')
  if (parts.length !== 3 || !parts[1]) return { state: 'unknown' }
  let claims: unknown
  try {
    claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'))
  } catch {
    return { state: 'unknown' }
  }
  const exp = (claims as { exp?: unknown } | null)?.exp
  if (typeof exp !== 'number' || !Number.isFinite(exp))
    return { state: 'unknown' }
  const expiresAt = new Date(exp * 1000)
  if (Number.isNaN(expiresAt.getTime())) return { state: 'unknown' }
  if (expiresAt.getTime() <= nowMs) return { state: 'expired', expiresAt }
  if (expiresAt.getTime() - nowMs <= EXPIRY_WARNING_MS) {
    return { state: 'expiring', expiresAt }
  }
  return { state: 'valid', expiresAt }
}

/**
 * The check both front ends make before any request: an expired JWT throws
 * PreflightError (nothing is sent); one about to expire returns a warning
 * with the date, so a schedule does not break silently one morning.
 */
export function checkTokenExpiry(token: string, nowMs: number): string | null {
  const expiry = readTokenExpiry(token, nowMs)
  if (expiry.state === 'expired') {
    throw new PreflightError(
      `The Qualytics token expired on ${expiry.expiresAt.toISOString()}; nothing was sent.`,
      TOKEN_HINT
    )
  }
  if (expiry.state === 'expiring') {
    return `The Qualytics token expires on ${expiry.expiresAt.toISOString().slice(0, 10)}; scheduled exports will fail from then on. ${TOKEN_HINT}`
  }
  return null
}

/** Pure retry rules shared by every read the client makes. */

/** How hard to try one read. */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number
  /** Backoff base: the first retry waits up to this long. */
  baseDelayMs: number
  /** Backoff ceiling for one pause. */
  maxDelayMs: number
  /** Clock time after which no retry starts. */
  deadline: number
}

/** Longest Retry-After we honour; a server asking for more is treated as down. */
const MAX_RETRY_AFTER_MS = 5 * 60_000

/**
 * Full-jitter exponential backoff (AWS architecture blog, "Exponential
 * Backoff And Jitter"): a random pause in [0, min(cap, base * 2^n)], so
 * many clients retrying together spread out. A server's Retry-After is a
 * floor.
 */
export function backoffDelay(
  retry: number,
  policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs'>,
  random: () => number,
  retryAfterMs?: number
): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry)
  const jittered = Math.floor(random() * ceiling)
  return Math.max(jittered, retryAfterMs ?? 0)
}

/**
 * Read a Retry-After header in either form RFC 9110 allows: delay-seconds
 * or an HTTP date. Returns milliseconds, or undefined when absent or
 * unreadable.
 */
export function parseRetryAfter(
  header: string | undefined,
  nowMs: number
): number | undefined {
  if (!header) return undefined
  const value = header.trim()
  let ms: number
  if (/^\d+$/.test(value)) ms = Number(value) * 1000
  else {
    const at = Date.parse(value)
    if (Number.isNaN(at)) return undefined
    ms = Math.max(0, at - nowMs)
  }
  return Math.min(ms, MAX_RETRY_AFTER_MS)
}

/**
 * Whether an HTTP status is worth repeating a read for: 5xx, 408, 429, and a
 * 403 that carries rate-limit headers (some gateways throttle with 403).
 */
export function isRetryableStatus(
  status: number,
  headers: Record<string, string | string[] | undefined>
): boolean {
  if (status >= 500 || status === 408 || status === 429) return true
  if (status === 403) {
    return (
      headers['retry-after'] !== undefined ||
      headers['x-ratelimit-remaining'] === '0' ||
      headers['ratelimit-remaining'] === '0'
    )
  }
  return false
}

/**
 * Network errors raised before the request could reach the server. Only
 * these make a failed POST safe to send again without looking first.
 */
export function isConnectError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return (
    code === 'ECONNREFUSED' ||
    code === 'ENOTFOUND' ||
    code === 'EAI_AGAIN' ||
    code === 'EHOSTUNREACH' ||
    code === 'ENETUNREACH' ||
    // A TLS handshake that failed sent no request.
    code === 'EPROTO'
  )
}

/** Quick retries for reads inside the loop; the loop itself keeps trying. */
export function readPolicy(maxAttempts: number, deadline: number): RetryPolicy {
  return { maxAttempts, baseDelayMs: 250, maxDelayMs: 2000, deadline }
}

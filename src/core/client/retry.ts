/** Pure retry rules shared by every read the client makes, and the named policies. */

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

/*
 * The policies: how hard each request of a job is tried, in one place.
 * Reads inside the run are quick (the loop keeps trying on its own); the
 * preflight is patient (nothing has started yet); the POST is never
 * repeated blindly (trigger.ts decides), only paced.
 */

/** Preflight reads give up after about this long (the contract's 30 s). */
const PREFLIGHT_BUDGET_MS = 30_000
/** The look before the first POST waits no longer than this. */
const LOOK_BUDGET_MS = 5000
/** A count read gets at most this long: it is a nicety. */
const COUNT_READ_MS = 10_000
/** One verification read (listing or rows) gets at most this long. */
const VERIFY_READ_MS = 20_000

/** Quick retries for reads inside the loop; the loop itself keeps trying. */
export function readPolicy(maxAttempts: number, deadline: number): RetryPolicy {
  return { maxAttempts, baseDelayMs: 250, maxDelayMs: 2000, deadline }
}

/** A policy for one preflight phase starting now. */
export function preflightPolicy(now: number): RetryPolicy {
  return {
    maxAttempts: 8,
    baseDelayMs: 500,
    maxDelayMs: 8000,
    deadline: now + PREFLIGHT_BUDGET_MS
  }
}

/** A status read of watched exports (single or batch). */
export function statusPolicy(deadline: number): RetryPolicy {
  return readPolicy(2, deadline)
}

/** The count of what Qualytics holds for an export. */
export function countPolicy(now: number, deadline: number): RetryPolicy {
  return readPolicy(2, Math.min(deadline, now + COUNT_READ_MS))
}

/** A read of an enrichment datastore's tables or rows (verify). */
export function verifyPolicy(now: number, deadline: number): RetryPolicy {
  return readPolicy(3, Math.min(deadline, now + VERIFY_READ_MS))
}

/** A list read of a datastore's exports before one of its POSTs. */
export function lookPolicy(now: number, deadline: number): RetryPolicy {
  return {
    maxAttempts: 3,
    baseDelayMs: 250,
    maxDelayMs: 1000,
    deadline: Math.min(deadline, now + LOOK_BUDGET_MS)
  }
}

/**
 * Posting one export: at most this many POSTs (the first included), paced
 * by this backoff; the search for the export an uncertain POST may have
 * made reads with the same policy, since a list read is safe to repeat.
 */
export function triggerPolicy(deadline: number): RetryPolicy {
  return { maxAttempts: 6, baseDelayMs: 500, maxDelayMs: 4000, deadline }
}

/** One try, no retry (the post step, which lives for seconds). */
export function oncePolicy(deadline: number): RetryPolicy {
  return { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0, deadline }
}

/**
 * `heartbeat-url`: one GET when a run that exports ends, the dead man's
 * switch that notices the nights GitHub never starts the workflow. The URL
 * is a secret: nothing here puts it, or any part of it, into a message.
 */
import type { Result } from '../types.js'

/** A ping may hold the end of a run up this long, no longer. */
const PING_TIMEOUT_MS = 10_000

/** Results that ping the URL itself; every other ends at `<url>/fail`. */
const HEALTHY: readonly Result[] = ['success', 'warning', 'running']

/** The address a run with this result pings: the URL, or `<url>/fail`. */
function pingTarget(url: string, result: Result): string {
  if (HEALTHY.includes(result)) return url
  const target = new URL(url)
  target.pathname = `${target.pathname.replace(/\/+$/, '')}/fail`
  return target.href
}

/**
 * Send the ping. Resolves to null when the monitor answered 2xx, else to
 * what went wrong, in words that hold no part of the URL.
 */
export async function pingHeartbeat(
  url: string,
  result: Result,
  fetcher: typeof fetch = fetch,
  timeoutMs = PING_TIMEOUT_MS
): Promise<string | null> {
  try {
    const response = await fetcher(pingTarget(url, result), {
      method: 'GET',
      // A redirect could lead the key to another host or to plain http.
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs)
    })
    await response.body?.cancel().catch(() => undefined)
    return response.status >= 200 && response.status < 300
      ? null
      : `the monitor answered HTTP ${response.status}`
  } catch (error) {
    if (error instanceof Error && error.name === 'TimeoutError')
      return `no answer within ${timeoutMs / 1000} s`
    const cause = (error as { cause?: { code?: unknown } }).cause
    const code = typeof cause?.code === 'string' ? cause.code : 'network error'
    return `the request failed (${code})`
  }
}

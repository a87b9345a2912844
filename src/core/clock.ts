/** Time, injectable so tests can run a 30-minute timeout in milliseconds. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number
  /** Wait; resolves early (without throwing) when the signal aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>
}

/** The real clock: wall time read through the monotonic performance timer. */
export const systemClock: Clock = {
  now: () => performance.timeOrigin + performance.now(),
  sleep: (ms, signal) =>
    new Promise<void>(resolve => {
      if (signal?.aborted || ms <= 0) return resolve()
      const done = (): void => {
        clearTimeout(timer)
        signal?.removeEventListener('abort', done)
        resolve()
      }
      const timer = setTimeout(done, ms)
      signal?.addEventListener('abort', done, { once: true })
    })
}

/**
 * Wait for `work`, but no longer than `ms`: true when it settled in time.
 * The timer is cleared either way, so it never holds the process open.
 */
export async function settleWithin(
  clock: Clock,
  ms: number,
  work: Promise<unknown>
): Promise<boolean> {
  const timer = new AbortController()
  let settled = false
  await Promise.race([
    work.then(
      () => (settled = true),
      () => (settled = true)
    ),
    clock.sleep(ms, timer.signal)
  ])
  timer.abort()
  return settled
}

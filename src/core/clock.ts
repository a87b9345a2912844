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

/**
 * The run loop's sleep: until a given time, or until work beside the loop
 * (a trigger, a status read) settles and wakes it, or until the run is
 * cancelled, whichever comes first. A wake that comes while the loop is
 * busy is kept, so the next sleep returns at once and nothing is missed.
 */
export class LoopSleeper {
  #controller?: AbortController
  #woken = false

  constructor(
    private readonly clock: Clock,
    private readonly signal?: AbortSignal
  ) {}

  async until(at: number): Promise<void> {
    if (this.#woken) {
      this.#woken = false
      return
    }
    const controller = new AbortController()
    this.#controller = controller
    const cancel = (): void => controller.abort()
    this.signal?.addEventListener('abort', cancel, { once: true })
    await this.clock.sleep(at - this.clock.now(), controller.signal)
    this.signal?.removeEventListener('abort', cancel)
    this.#controller = undefined
    this.#woken = false
  }

  wake(): void {
    this.#woken = true
    this.#controller?.abort()
  }
}

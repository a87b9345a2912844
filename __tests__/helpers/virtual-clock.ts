import type { Clock } from '../../src/core/clock.js'

/**
 * A clock whose pauses take no real time: `sleep` moves it forward at once.
 * Retry budgets of 30 s and backoffs of seconds then run in milliseconds,
 * while requests still go over real sockets.
 */
export class VirtualClock implements Clock {
  offset = 0
  readonly sleeps: number[] = []
  now(): number {
    return Date.now() + this.offset
  }
  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted || ms <= 0) return Promise.resolve()
    this.sleeps.push(ms)
    this.offset += ms
    return new Promise(resolve => setImmediate(resolve))
  }
}

/**
 * A clock that runs `speed` times faster than real time, for the whole
 * system at once (client and simulator share it). Unlike VirtualClock, a
 * sleep can still be cut short by its signal, so the run loop's wake-ups
 * behave as they do for real; network round trips simply look slow.
 */
export class FastClock implements Clock {
  readonly #origin = Date.now()
  constructor(readonly speed: number) {}
  now(): number {
    return this.#origin + (Date.now() - this.#origin) * this.speed
  }
  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise(resolve => {
      if (signal?.aborted || ms <= 0) return resolve()
      const done = (): void => {
        clearTimeout(timer)
        signal?.removeEventListener('abort', done)
        resolve()
      }
      const timer = setTimeout(done, ms / this.speed)
      signal?.addEventListener('abort', done, { once: true })
    })
  }
}

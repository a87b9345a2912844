/**
 * The run's request budget: every request the client sends takes a slot
 * from here first (style.md section 10, after the AWS SDKs' adaptive retry
 * mode). Slots are spaced 1/rate apart, so no one-second window ever holds
 * more than `rate` requests; a 429 halves the rate (multiplicative
 * decrease) and it climbs back slowly while answers are not 429 (additive
 * increase, over time), never above the configured `max-request-rate`.
 */

/** The rate never drops below this many requests per second. */
export const MIN_RATE = 0.5
/** A 429 multiplies the rate by this. */
export const DECREASE_FACTOR = 0.5
/** After a cut, the rate climbs back by this many requests per second, per second. */
const INCREASE_PER_SECOND = 0.5
/**
 * 429s within this long of a cut answer requests sent before it: they cut
 * no further (as TCP cuts once per round trip), so one burst of refusals
 * halves the rate once instead of to nothing.
 */
const CUT_COOLDOWN_MS = 1000

/** Time as the budget sees it (the run's clock). */
export interface BudgetClock {
  now(): number
  sleep(ms: number, signal?: AbortSignal): Promise<void>
}

/** Raised when the run is cancelled while a request waits for its slot. */
export class BudgetCancelledError extends Error {
  /** Never sent, so a POST cancelled here is safe: no export was created. */
  readonly code = 'EBUDGETCANCELLED'
  constructor() {
    super('cancelled before the request was sent')
    this.name = 'BudgetCancelledError'
  }
}

interface Waiter {
  priority: boolean
  resolve: () => void
  reject: (error: Error) => void
}

/**
 * AIMD rate (pure): the rate after a cut at `cutAt` to `cutRate`, at time
 * `now`, climbing INCREASE_PER_SECOND per second up to `maxRate`.
 */
export function rateAt(
  maxRate: number,
  cutRate: number,
  cutAt: number,
  now: number
): number {
  const climbed = cutRate + (INCREASE_PER_SECOND * (now - cutAt)) / 1000
  return Math.min(maxRate, climbed)
}

/**
 * One queue in front of every request. Normal requests go in order of
 * arrival; priority ones (aborts on timeout and cancel, which must get out
 * before the runner kills the job) take the next slot ahead of every waiting
 * normal request, are never cancelled by the run's signal, and are spaced
 * by the configured rate, not the lowered one: they are the last requests
 * of the run, and the post step tries again what they miss.
 */
export class RequestBudget {
  /** Answers 429 seen (the AIMD cuts made). */
  throttled = 0
  readonly #maxRate: number
  #cutRate: number
  #cutAt = Number.NEGATIVE_INFINITY
  /** When the last slot was handed out. */
  #lastSlotAt = Number.NEGATIVE_INFINITY
  readonly #queue: Waiter[] = []
  #pumping = false
  /** Ends the pump's pause early (a priority request arrived). */
  #nap?: AbortController

  constructor(
    maxRate: number,
    private readonly clock: BudgetClock,
    private readonly signal?: AbortSignal
  ) {
    this.#maxRate = maxRate
    this.#cutRate = maxRate
    signal?.addEventListener('abort', () => this.#cancelNormal(), {
      once: true
    })
  }

  /** Requests per second allowed now. */
  get rate(): number {
    return rateAt(this.#maxRate, this.#cutRate, this.#cutAt, this.clock.now())
  }

  /** Wait for a slot; rejects with BudgetCancelledError on cancel (normal requests only). */
  take(priority = false): Promise<void> {
    if (!priority && this.signal?.aborted)
      return Promise.reject(new BudgetCancelledError())
    return new Promise<void>((resolve, reject) => {
      const waiter = { priority, resolve, reject }
      if (priority) {
        const firstNormal = this.#queue.findIndex(w => !w.priority)
        if (firstNormal < 0) this.#queue.push(waiter)
        else this.#queue.splice(firstNormal, 0, waiter)
        this.#nap?.abort()
      } else this.#queue.push(waiter)
      void this.#pump()
    })
  }

  /** Tell the budget what the server answered (0: no answer). */
  answered(status: number): void {
    if (status !== 429) return
    this.throttled++
    const now = this.clock.now()
    if (now - this.#cutAt < CUT_COOLDOWN_MS) return
    this.#cutRate = Math.max(MIN_RATE, this.rate * DECREASE_FACTOR)
    this.#cutAt = now
  }

  async #pump(): Promise<void> {
    if (this.#pumping) return
    this.#pumping = true
    try {
      while (this.#queue.length > 0) {
        const head = this.#queue[0] as Waiter
        const rate = head.priority ? this.#maxRate : this.rate
        const due = this.#lastSlotAt + 1000 / rate
        const wait = due - this.clock.now()
        if (wait > 0) {
          // A cancel or a priority arrival ends the pause at once.
          const nap = new AbortController()
          this.#nap = nap
          const stop = (): void => nap.abort()
          if (!head.priority) this.signal?.addEventListener('abort', stop)
          await this.clock.sleep(wait, nap.signal)
          this.signal?.removeEventListener('abort', stop)
          this.#nap = undefined
          continue
        }
        this.#queue.shift()
        this.#lastSlotAt = Math.max(this.clock.now(), due)
        head.resolve()
      }
    } finally {
      this.#pumping = false
    }
  }

  #cancelNormal(): void {
    for (let i = this.#queue.length - 1; i >= 0; i--) {
      const waiter = this.#queue[i] as Waiter
      if (waiter.priority) continue
      this.#queue.splice(i, 1)
      waiter.reject(new BudgetCancelledError())
    }
  }
}

/** A source of wall-clock time in milliseconds since the epoch. */
export interface Clock {
  now(): number
}

/** The real clock. */
export const systemClock: Clock = { now: () => Date.now() }

/** 2026-01-01T00:00:00Z: a fixed start keeps timestamps in tests stable. */
const DEFAULT_START = Date.UTC(2026, 0, 1)

/**
 * A clock the test moves by hand, so exports lasting minutes run in
 * milliseconds. The simulator computes every operation's state lazily from
 * it, so advancing the clock is all it takes to finish an export.
 */
export class ManualClock implements Clock {
  #now: number

  /** @param startMs initial time; default 2026-01-01T00:00:00Z */
  constructor(startMs: number = DEFAULT_START) {
    this.#now = startMs
  }

  /** The current manual time. */
  now(): number {
    return this.#now
  }

  /** Move time forward; negative steps are refused (time does not rewind). */
  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) {
      throw new RangeError(`ManualClock.advance: bad step ${ms}`)
    }
    this.#now += ms
  }

  /** Jump to an absolute time. */
  set(ms: number): void {
    this.#now = ms
  }
}

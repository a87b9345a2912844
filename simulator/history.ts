/**
 * What the simulator grows for version 1.1's history features: operations
 * seeded before the run (earlier exports, running ones, other types), a
 * server-side rate limiter, and durations drawn around a history.
 */
import { mulberry32 } from './random.js'
import type { AssetType, SeedOperation } from './types.js'

/** Options of historyAround. */
export interface HistoryShape {
  datastoreId: number
  assetType: AssetType
  /** Typical length of one export. */
  durationMs: number
  /** How many earlier successes (default 5). */
  count?: number
  /** Total relative spread of the durations (default 0.02: ±1%). */
  spread?: number
  /** Time between two earlier exports (default a day). */
  everyMs?: number
  /** The latest earlier export started this long before the simulator's start (default everyMs). */
  lastStartedAgoMs?: number
}

/**
 * Earlier successful exports of one datastore and asset type, evenly spread
 * over [1 - spread/2, 1 + spread/2] of `durationMs`, latest last.
 */
export function historyAround(shape: HistoryShape): SeedOperation[] {
  const count = shape.count ?? 5
  const spread = shape.spread ?? 0.02
  const every = shape.everyMs ?? 86_400_000
  const lastAgo = shape.lastStartedAgoMs ?? every
  return Array.from({ length: count }, (_, i) => {
    const f = count === 1 ? 0 : i / (count - 1) - 0.5
    return {
      datastoreId: shape.datastoreId,
      assetType: shape.assetType,
      startOffsetMs: -lastAgo - (count - 1 - i) * every,
      durationMs: Math.round(shape.durationMs * (1 + f * spread))
    }
  })
}

/**
 * A duration drawn uniformly within the history's spread, seeded so runs
 * repeat: what the next export of that kind takes.
 */
export function drawAround(
  durationMs: number,
  spread = 0.02,
  seed = 1
): () => number {
  const rng = mulberry32(seed)
  return () => Math.round(durationMs * (1 + (rng() - 0.5) * spread))
}

/**
 * A gateway's limiter: more than `perSecond` requests in the trailing
 * second get 429 with Retry-After. Counts every request, answered or not.
 */
export class SlidingLimiter {
  readonly #arrivals: number[] = []

  constructor(readonly perSecond: number) {}

  /** Record an arrival; true when it is over the limit. */
  over(nowMs: number): boolean {
    while (
      this.#arrivals.length > 0 &&
      (this.#arrivals[0] as number) <= nowMs - 1000
    )
      this.#arrivals.shift()
    this.#arrivals.push(nowMs)
    return this.#arrivals.length > this.perSecond
  }
}

/** Most requests in any one-second window of these arrival times. */
export function peakPerSecond(times: readonly number[]): number {
  const sorted = [...times].sort((a, b) => a - b)
  let best = 0
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while ((sorted[i] as number) - (sorted[j] as number) >= 1000) j++
    best = Math.max(best, i - j + 1)
  }
  return best
}

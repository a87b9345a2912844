/** Unit tests of the request budget (token bucket, AIMD, priority, cancel) and of missed runs. */
import { describe, expect, it } from '@jest/globals'
import {
  BudgetCancelledError,
  DECREASE_FACTOR,
  MIN_RATE,
  RequestBudget,
  rateAt
} from '../src/core/client/rate-limit.js'
import { countMissedRuns } from '../src/core/schedule/missed-runs.js'

/**
 * Like VirtualClock (helpers), but a pause moves time only when it ends (VirtualClock
 * moves it at once, so a grant seen after the pump went to sleep would look
 * late).
 */
class StepClock {
  offset = 0
  now(): number {
    return 1_000_000 + this.offset
  }
  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted || ms <= 0) return Promise.resolve()
    return new Promise(resolve =>
      setImmediate(() => {
        if (!signal?.aborted) this.offset += ms
        resolve()
      })
    )
  }
}

/** Take `n` slots; return the clock time at which each was granted. */
async function grants(
  budget: RequestBudget,
  clock: StepClock,
  n: number
): Promise<number[]> {
  const at: number[] = []
  await Promise.all(
    Array.from({ length: n }, () =>
      budget.take().then(() => at.push(clock.now()))
    )
  )
  return at
}

/** Most grants in any one-second window. */
function peak(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b)
  let best = 0
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while ((sorted[i] as number) - (sorted[j] as number) >= 1000) j++
    best = Math.max(best, i - j + 1)
  }
  return best
}

describe('request budget', () => {
  it('never grants more than the rate in any one-second window', async () => {
    const clock = new StepClock()
    const budget = new RequestBudget(20, clock)
    const times = await grants(budget, clock, 100)
    expect(peak(times)).toBeLessThanOrEqual(20)
    // ...and not much less: 100 slots take about 5 s.
    const span = Math.max(...times) - Math.min(...times)
    expect(span).toBeGreaterThanOrEqual(4900)
    expect(span).toBeLessThan(5100)
  })

  it('halves the rate on a 429 and climbs back slowly, never above the maximum', () => {
    const clock = new StepClock()
    const budget = new RequestBudget(20, clock)
    budget.answered(200)
    expect(budget.rate).toBe(20)
    budget.answered(429)
    expect(budget.rate).toBeCloseTo(20 * DECREASE_FACTOR)
    // A burst of refusals to requests sent before the cut: one cut only.
    budget.answered(429)
    budget.answered(429)
    expect(budget.rate).toBeCloseTo(10)
    clock.offset += 1000
    budget.answered(429)
    expect(budget.rate).toBeCloseTo(5.25) // (10 + 0.5) / 2
    expect(budget.throttled).toBe(4)
    clock.offset += 4000
    expect(budget.rate).toBeCloseTo(7.25)
    clock.offset += 600_000
    expect(budget.rate).toBe(20)
    for (let i = 0; i < 20; i++) {
      clock.offset += 1000
      budget.answered(429)
    }
    expect(budget.rate).toBeCloseTo(MIN_RATE, 2)
    expect(rateAt(20, 10, 0, 1000)).toBeCloseTo(10.5)
  })

  it('lets a priority request (an abort) go ahead of queued reads', async () => {
    const clock = new StepClock()
    const budget = new RequestBudget(2, clock)
    const order: string[] = []
    const reads = Array.from({ length: 4 }, (_, i) =>
      budget.take().then(() => order.push(`read${i}`))
    )
    const abort = budget.take(true).then(() => order.push('abort'))
    await Promise.all([...reads, abort])
    expect(order.indexOf('abort')).toBeLessThanOrEqual(1)
  })

  it('on cancel rejects queued reads at once but still grants queued aborts', async () => {
    const clock = new StepClock()
    const controller = new AbortController()
    const budget = new RequestBudget(1, clock, controller.signal)
    await budget.take()
    const read = budget.take()
    const abort = budget.take(true)
    controller.abort()
    await expect(read).rejects.toBeInstanceOf(BudgetCancelledError)
    await expect(abort).resolves.toBeUndefined()
    await expect(budget.take()).rejects.toBeInstanceOf(BudgetCancelledError)
  })
})

describe('missed runs', () => {
  const at = (iso: string): number => Date.parse(iso)

  it('counts fire times strictly between the last success’s start and this run’s fire time', async () => {
    // Daily at 06:00 UTC; last success started 06:05 on the 1st; now the 4th, 06:40.
    const r = await countMissedRuns(
      '0 6 * * *',
      'UTC',
      at('2026-03-01T06:05:00Z'),
      at('2026-03-04T06:40:00Z')
    )
    expect(r).toEqual({ firedAt: at('2026-03-04T06:00:00Z'), missed: 2 })
  })

  it('counts nothing after a run that came on time, and nothing when the success started after this fire time', async () => {
    expect(
      (
        await countMissedRuns(
          '0 6 * * *',
          'UTC',
          at('2026-03-03T06:20:00Z'),
          at('2026-03-04T07:00:00Z')
        )
      )?.missed
    ).toBe(0)
    expect(
      (
        await countMissedRuns(
          '0 6 * * *',
          'UTC',
          at('2026-03-04T06:10:00Z'),
          at('2026-03-04T07:00:00Z')
        )
      )?.missed
    ).toBe(0)
  })

  it('reads the cron in the schedule time zone', async () => {
    // 06:00 in New York is 10:00 UTC after the change to EDT (8 March 2026).
    const r = await countMissedRuns(
      '0 6 * * *',
      'America/New_York',
      at('2026-03-20T10:30:00Z'),
      at('2026-03-22T10:30:00Z')
    )
    // 20th 10:00Z is before the start, 21st 10:00Z was missed, 22nd 10:00Z is this run.
    expect(r).toEqual({ firedAt: at('2026-03-22T10:00:00Z'), missed: 1 })
  })

  it('looks back at most 35 days', async () => {
    const r = await countMissedRuns(
      '0 6 * * *',
      'UTC',
      at('2025-01-01T00:00:00Z'),
      at('2026-03-04T06:40:00Z')
    )
    // Daily fire times strictly inside the 35 days before this run's own.
    expect(r?.missed).toBe(34)
  })

  it('answers null for a cron it cannot read', async () => {
    expect(await countMissedRuns('not a cron', 'UTC', 0, Date.now())).toBeNull()
  })
})

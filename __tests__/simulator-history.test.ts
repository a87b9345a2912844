/** The simulator's 1.1 growth: seeded history, list filters (and ignoring them), the limiter. */
import { afterEach, describe, expect, it } from '@jest/globals'
import {
  drawAround,
  historyAround,
  ManualClock,
  peakPerSecond,
  QualyticsSimulator,
  SlidingLimiter
} from '../simulator/index.js'
import { DATASTORES } from './helpers/fixtures.js'

let sim: QualyticsSimulator | undefined
afterEach(async () => {
  await sim?.close()
  sim = undefined
})

async function list(
  s: QualyticsSimulator,
  query: string
): Promise<{
  status: number
  body: { items: Array<Record<string, unknown>> }
}> {
  const res = await fetch(`${s.url}/api/operations?${query}`, {
    headers: { Authorization: `Bearer ${s.token}` }
  })
  return { status: res.status, body: (await res.json()) as never }
}

describe('seeded history', () => {
  it('lists earlier and running exports, filtered and newest first', async () => {
    const clock = new ManualClock()
    sim = await QualyticsSimulator.start(
      {
        datastores: DATASTORES,
        history: [
          ...historyAround({
            datastoreId: 42,
            assetType: 'anomalies',
            durationMs: 60_000
          }),
          {
            datastoreId: 42,
            assetType: 'checks',
            startOffsetMs: -1000,
            durationMs: 10_000,
            scheduled: true
          },
          {
            datastoreId: 43,
            assetType: 'anomalies',
            startOffsetMs: -5000,
            durationMs: 1000,
            type: 'scan'
          }
        ]
      },
      { clock }
    )
    const { body } = await list(
      sim,
      'datastore=42&operation_type=export&sort_created=desc'
    )
    expect(body.items).toHaveLength(6)
    const [newest, ...earlier] = body.items
    expect(newest).toMatchObject({
      result: 'running',
      end_time: null,
      asset_type: 'checks',
      schedule: expect.objectContaining({ id: 1 })
    })
    expect(earlier.every(i => i.result === 'success')).toBe(true)
    const durations = earlier.map(
      i => Date.parse(i.end_time as string) - Date.parse(i.start_time as string)
    )
    expect(durations).toEqual([60_600, 60_300, 60_000, 59_700, 59_400])
    clock.advance(10_000)
    const later = await list(sim, 'datastore=42&result=running')
    expect(later.body.items).toEqual([])
  })

  it('in ignore mode answers everything, oldest first, whatever the filters', async () => {
    sim = await QualyticsSimulator.start({
      datastores: DATASTORES,
      ignoreListFilters: true,
      history: [
        {
          datastoreId: 43,
          assetType: 'checks',
          startOffsetMs: -9000,
          durationMs: 1
        },
        {
          datastoreId: 42,
          assetType: 'anomalies',
          startOffsetMs: -1000,
          durationMs: 1,
          type: 'scan'
        }
      ]
    })
    const { body } = await list(
      sim,
      'datastore=42&operation_type=export&sort_created=desc'
    )
    expect(
      body.items.map(i => [i.type, (i.datastore as { id: number }).id])
    ).toEqual([
      ['export', 43],
      ['scan', 42]
    ])
  })
})

describe('the gateway limiter', () => {
  it('answers 429 with Retry-After above N requests in a trailing second', async () => {
    sim = await QualyticsSimulator.start({
      datastores: DATASTORES,
      rateLimit: { perSecond: 3 }
    })
    const statuses: number[] = []
    for (let i = 0; i < 5; i++) statuses.push((await list(sim, '')).status)
    expect(statuses).toEqual([200, 200, 200, 429, 429])
    expect(sim.faults.throttled).toBe(2)
    const limiter = new SlidingLimiter(2)
    // Refused arrivals count too: a client that ignores 429 stays refused.
    expect([0, 10, 20, 1011, 1015].map(t => limiter.over(t))).toEqual([
      false,
      false,
      true,
      false,
      true
    ])
  })

  it('peakPerSecond counts the most arrivals in any one-second window', () => {
    expect(peakPerSecond([0, 100, 999, 1000, 1999, 2500])).toBe(3)
    expect(peakPerSecond([])).toBe(0)
    const draw = drawAround(100_000, 0.02, 3)
    for (let i = 0; i < 50; i++) {
      const d = draw()
      expect(d).toBeGreaterThanOrEqual(99_000)
      expect(d).toBeLessThanOrEqual(101_000)
    }
  })
})

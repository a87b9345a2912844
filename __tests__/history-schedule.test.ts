/** Unit tests of the pure history parts: the schedule, the summary of a history, matching a list. */
import { describe, expect, it } from '@jest/globals'
import {
  checksWithHistory,
  expectationFrom,
  historyPause,
  nextCheckWithHistory
} from '../src/core/run/polling.js'
import { checksOfSchedule, nextPause } from '../src/core/run/polling.js'
import {
  lastSuccess,
  recentDurations,
  judgeRunning,
  runningExports,
  stuckAfterMs,
  type ExportHistory
} from '../src/core/run/history.js'
import {
  listedExport as toListedExport,
  operation
} from '../src/core/client/schemas.js'
import { matchListed } from '../src/core/run/watch.js'
import type { PlannedExport } from '../src/core/types.js'

const POLL = 10_000
/** Five earlier durations spread about 2% around `d`. */
const spread = (d: number): number[] =>
  [-0.01, -0.005, 0, 0.005, 0.01].map(f => Math.round(d * (1 + f)))

describe('history-informed schedule', () => {
  it('costs fixed 10 s polling plus its one-second window, and sees the end within 1 s, 30 s to 60 min', () => {
    for (const d of [30_000, 45_000, 120_000, 600_000, 1_800_000, 3_600_000]) {
      const expect_ = expectationFrom(spread(d), POLL)
      expect(expect_).not.toBeNull()
      // Any length the history allows, the ends of the spread included.
      for (const actual of [d * 0.99, d, d * 1.01]) {
        const { checks, seenAtMs } = checksWithHistory(
          actual,
          expect_ as NonNullable<typeof expect_>,
          POLL
        )
        const e = expect_ as NonNullable<typeof expect_>
        const fixed = Math.ceil(actual / POLL)
        const window = e.dense
          ? Math.ceil((e.windowEndMs - e.windowStartMs) / 1000)
          : 0
        expect(checks).toBeLessThanOrEqual(fixed + window + 3)
        expect(seenAtMs - actual).toBeLessThanOrEqual(1000)
        expect(seenAtMs).toBeGreaterThanOrEqual(actual)
      }
    }
  })

  it('looks every poll-interval before the window, never longer', () => {
    const hour = expectationFrom(spread(3_600_000), POLL)!
    expect(historyPause(0, hour, POLL)).toBe(POLL)
    expect(historyPause(10_000, hour, POLL)).toBe(POLL)
    // Never past the window's start, where the one-second looks begin.
    const short = expectationFrom(spread(40_000), 60_000)!
    expect(historyPause(0, short, 60_000)).toBe(short.windowStartMs)
  })

  it('with poll-interval 2s and ten-minute exports behind it, checks every 2 s at most', () => {
    const tenMinutes = expectationFrom(spread(600_000), 2000)!
    let age = 0
    for (let i = 0; i < 50; i++) {
      const pause = historyPause(age, tenMinutes, 2000)
      expect(pause).toBeLessThanOrEqual(2000)
      age += pause
    }
  })

  it('falls back to the adaptive schedule once the export outlives its history', () => {
    const e = expectationFrom(spread(120_000), POLL)!
    const past = e.windowEndMs + 5000
    expect(historyPause(past, e, POLL)).toBe(nextPause(past, POLL))
    expect(nextCheckWithHistory(1000 + past, 1000, 0, POLL, e)).toBe(
      1000 + past + nextPause(past, POLL)
    )
  })

  it('without history is today’s schedule, and so is the pause after a failed read', () => {
    expect(expectationFrom([], POLL)).toBeNull()
    expect(nextCheckWithHistory(5000, 0, 0, POLL, null)).toBe(
      5000 + nextPause(5000, POLL)
    )
    const e = expectationFrom(spread(120_000), POLL)!
    // A failing read backs off as before rather than sleeping sparsely.
    expect(nextCheckWithHistory(5000, 0, 2, POLL, e)).toBe(
      nextCheckWithHistory(5000, 0, 2, POLL, null)
    )
  })

  it('does not poll every second across a wide history (1 min to 60 min)', () => {
    const e = expectationFrom([60_000, 600_000, 3_600_000], POLL)!
    expect(e.dense).toBe(false)
    const { checks } = checksWithHistory(3_000_000, e, POLL)
    const today = checksOfSchedule(
      3_000_000,
      a => nextPause(a, POLL),
      Math.min(1000, POLL)
    )
    expect(checks).toBeLessThanOrEqual(today)
  })

  it('counts the one-second steps from when the last check was sent, so slow answers do not stretch them', () => {
    const e = expectationFrom(spread(120_000), POLL)!
    const inWindow = e.windowStartMs + 2000
    // The check went out at inWindow and its answer took 400 ms.
    expect(
      nextCheckWithHistory(inWindow + 400, 0, 0, POLL, e, undefined, inWindow)
    ).toBe(inWindow + 1000)
    // An answer slower than the pause: look again at once, never in the past.
    expect(
      nextCheckWithHistory(inWindow + 1500, 0, 0, POLL, e, undefined, inWindow)
    ).toBe(inWindow + 1500)
  })

  it('widens the window when only one or two earlier runs are known', () => {
    const one = expectationFrom([100_000], POLL)!
    expect(one.windowStartMs).toBe(95_000)
    expect(one.windowEndMs).toBe(105_000)
  })
})

const item = (over: Record<string, unknown>): Record<string, unknown> => ({
  id: 1,
  type: 'export',
  result: 'success',
  datastore: { id: 42, name: 'Sales' },
  asset_type: 'anomalies',
  created: '2026-01-01T00:00:00Z',
  start_time: '2026-01-01T00:00:00Z',
  end_time: '2026-01-01T00:01:00Z',
  message: null,
  include_deleted: false,
  ...over
})

function historyOf(items: Record<string, unknown>[]): ExportHistory {
  return {
    state: 'read',
    exports: items.flatMap(i => toListedExport(i) ?? [])
  }
}

const planned: PlannedExport = {
  datastoreId: 42,
  assetType: 'anomalies',
  body: {
    type: 'export',
    datastore_id: 42,
    asset_type: 'anomalies',
    include_deleted: false
  }
}

describe('reading a history', () => {
  it('drops items that are not exports or lack an identity field', () => {
    expect(toListedExport(item({ type: 'scan' }))).toBeNull()
    expect(toListedExport(item({ type: undefined }))).toBeNull()
    expect(toListedExport(item({ datastore: null }))).toBeNull()
    expect(toListedExport(item({ asset_type: undefined }))).toBeNull()
    expect(toListedExport(item({ asset_type: 'field-profiles' }))).toBeNull()
    // Queued is documented (Queued → Running → an outcome); other words are not.
    expect(toListedExport(item({ result: 'queued' }))?.result).toBe('queued')
    expect(toListedExport(item({ result: 'pending' }))).toBeNull()
    // A decimal string id reads as the id it names (schema.ts).
    expect(toListedExport(item({ id: '1' }))?.id).toBe(1)
    expect(toListedExport(item({ id: 1.5 }))).toBeNull()
    expect(toListedExport(item({}))?.datastoreId).toBe(42)
    expect(
      toListedExport(item({ datastore: undefined, datastore_id: 9 }))
        ?.datastoreId
    ).toBe(9)
  })

  it('takes durations of the last five successes of the asset type only, latest first', () => {
    const h = historyOf([
      ...[1, 2, 3, 4, 5, 6].map(n =>
        item({
          id: n,
          start_time: `2026-01-0${n}T00:00:00Z`,
          end_time: `2026-01-0${n}T00:00:${10 + n}Z`
        })
      ),
      item({ id: 7, result: 'failure', end_time: '2026-01-09T00:00:00Z' }),
      item({ id: 8, asset_type: 'checks', end_time: '2026-01-01T05:00:00Z' }),
      item({ id: 9, end_time: null, result: 'running' })
    ])
    expect(recentDurations(h, 'anomalies')).toEqual([
      16000, 15000, 14000, 13000, 12000
    ])
    expect(
      recentDurations({ state: 'unknown', reason: 'x' }, 'anomalies')
    ).toEqual([])
  })

  it('finds the last success that ended before now', () => {
    const h = historyOf([
      item({
        id: 1,
        start_time: '2026-01-01T00:00:00Z',
        end_time: '2026-01-01T00:02:00Z'
      }),
      item({
        id: 2,
        start_time: '2026-01-02T00:00:00Z',
        end_time: '2026-01-02T00:02:00Z'
      })
    ])
    expect(lastSuccess(h, 'anomalies', Date.parse('2026-01-03'))).toEqual({
      startMs: Date.parse('2026-01-02T00:00:00Z'),
      endTime: '2026-01-02T00:02:00.000Z'
    })
    expect(
      lastSuccess(h, 'anomalies', Date.parse('2026-01-01T12:00:00Z'))?.endTime
    ).toBe('2026-01-01T00:02:00.000Z')
    expect(lastSuccess(h, 'checks', Date.now())).toBeNull()
  })

  it('follows a running export of the same kind only, oldest first, never a claimed one', () => {
    const h = historyOf([
      item({ id: 5, result: 'running', end_time: null }),
      item({ id: 3, result: 'running', end_time: null }),
      item({ id: 4, result: 'running', end_time: null, asset_type: 'checks' }),
      item({ id: 2, result: 'running', end_time: null, include_deleted: true })
    ])
    const ids = (claimed: number[]): number[] =>
      runningExports(h, planned, new Set(claimed)).map(e => e.id)
    expect(ids([])).toEqual([3, 5])
    expect(ids([3])).toEqual([5])
    expect(ids([3, 5])).toEqual([])
    const filtered = {
      ...planned,
      body: { ...planned.body, container_ids: [1] }
    }
    expect(runningExports(h, filtered, new Set())).toEqual([])
  })

  it('calls an export stuck past a day, or past five times the longest success of its kind', () => {
    const day = 24 * 3_600_000
    expect(stuckAfterMs({ state: 'unknown', reason: 'x' }, 'anomalies')).toBe(
      day
    )
    const long = historyOf([
      item({
        id: 1,
        start_time: '2026-01-01T00:00:00Z',
        end_time: '2026-01-01T10:00:00Z'
      }),
      item({
        id: 2,
        asset_type: 'checks',
        start_time: '2026-01-01T00:00:00Z',
        end_time: '2026-01-02T00:00:00Z'
      })
    ])
    expect(stuckAfterMs(long, 'anomalies')).toBe(50 * 3_600_000)
  })

  it('follows only what its own read says is queued or running, and not stuck', () => {
    const now = Date.parse('2026-01-10T00:00:00Z')
    const own = (over: Record<string, unknown>) =>
      operation(
        item({
          id: 9,
          result: 'running',
          end_time: null,
          start_time: '2026-01-09T23:00:00Z',
          ...over
        }),
        'own'
      )
    const day = 24 * 3_600_000
    expect(judgeRunning(own({ result: 'queued' }), planned, now, day)).toEqual(
      expect.objectContaining({ follow: true })
    )
    expect(
      judgeRunning(
        own({ result: 'success', end_time: '2026-01-07T00:00:00Z' }),
        planned,
        now,
        day
      )
    ).toEqual(expect.objectContaining({ follow: false }))
    expect(
      judgeRunning(own({ result: 'pending' }), planned, now, day).follow
    ).toBe(false)
    expect(
      judgeRunning(own({ datastore: { id: 43 } }), planned, now, day).follow
    ).toBe(false)
    const old = judgeRunning(
      own({ start_time: '2025-12-10T00:00:00Z' }),
      planned,
      now,
      day
    )
    expect(old).toMatchObject({ follow: false, stuck: true })
    expect(old.follow === false && old.why).toMatch(/export 9 .*stuck/)
    // A start in the future is not stuck.
    expect(
      judgeRunning(
        own({ start_time: '2026-02-01T00:00:00Z' }),
        planned,
        now,
        day
      ).follow
    ).toBe(true)
  })
})

describe('matching a list page to the watched exports', () => {
  it('vouches only for ids whose datastore and asset type match', () => {
    const listed = [
      item({ id: 11, result: 'success' }),
      item({ id: 12, datastore: { id: 43 } }),
      item({ id: 13, asset_type: 'checks' }),
      item({ id: 99 })
    ].flatMap(i => toListedExport(i) ?? [])
    const wanted = [11, 12, 13, 14].map(id => ({
      id,
      datastoreId: 42,
      assetType: 'anomalies' as const
    }))
    const found = matchListed(wanted, listed)
    expect([...found.keys()]).toEqual([11])
    expect(found.get(11)?.result).toBe('success')
  })
})

/**
 * Version 1.1's history features through the action's entry point,
 * in-process, against the simulator on one fast clock: seeded history,
 * exports already running, list filters ignored, missed snapshots. The
 * request budget and a cancel by signal run in the bundle, in
 * blackbox/history-action.test.ts.
 */
import { describe, expect, it } from '@jest/globals'
import { CronExpressionParser } from 'cron-parser'
import {
  historyAround,
  type QualyticsSimulator,
  type SeedOperation
} from '../simulator/index.js'
import { inProcessSuite } from './helpers/action-in-process.js'
import { inputsFor, operationsOf, triggers } from './helpers/fixtures.js'

const { simulate, runAction, clock } = inProcessSuite()

const singleReads = (s: QualyticsSimulator): number =>
  s.count('GET', '/api/operations/')

describe('history-informed polling', () => {
  it('reads the history and follows the export to its end', async () => {
    const d = 5000
    const sim = await simulate(
      {
        history: historyAround({
          datastoreId: 42,
          assetType: 'anomalies',
          durationMs: d
        }),
        // No queue: this export lasts exactly as long as its history says.
        queuedMs: 0
      },
      d
    )
    const run = await runAction({ inputs: inputsFor(sim) })
    expect(run.code).toBe(0)
    const [row] = operationsOf(run.outputs)
    expect(row?.result).toBe('success')
    // When it looks is the schedule's business (history-schedule.test.ts,
    // on computed times): counted here against the wall, the looks came out
    // 3 or 5 depending on the machine's load.
    expect(singleReads(sim)).toBeGreaterThanOrEqual(1)
    expect(row?.last_success_at).toEqual(expect.any(String))
    expect(row?.missed_runs).toBeNull() // not a scheduled run
    expect(row?.adopted).toBe(false)
  })

  it('without a list endpoint (404) polls as before and still succeeds', async () => {
    const sim = await simulate({ missingEndpoints: ['operations'] }, 3000)
    const run = await runAction({ inputs: inputsFor(sim) })
    expect(run.code).toBe(0)
    const [row] = operationsOf(run.outputs)
    expect(row?.result).toBe('success')
    expect(row?.last_success_at).toBeNull()
    // The adaptive schedule: first look at 1 s, then about every second.
    expect(singleReads(sim)).toBeGreaterThanOrEqual(3)
    expect(run.warnings).toEqual([])
  })

  it('an unreadable history page falls back to today’s behaviour, never to a failure', async () => {
    const sim = await simulate(
      {
        history: historyAround({
          datastoreId: 42,
          assetType: 'anomalies',
          durationMs: 3000
        }),
        chaos: { corruptRate: { operations: 1 } }
      },
      3000
    )
    const run = await runAction({ inputs: inputsFor(sim) })
    expect(run.code).toBe(0)
    const [row] = operationsOf(run.outputs)
    expect(row?.result).toBe('success')
    expect(row?.last_success_at).toBeNull()
    expect(triggers(sim)).toHaveLength(1)
  })
})

describe('batch status reads', () => {
  it('a server that ignores the filters (oldest first, other datastores, other types) costs single reads, never a wrong result', async () => {
    // More than the three pages a batch tick reads, oldest first: our
    // exports are never on them.
    const noise: SeedOperation[] = Array.from({ length: 320 }, (_, i) => ({
      datastoreId: 43,
      assetType: 'checks',
      startOffsetMs: -86_400_000 + i * 1000,
      durationMs: 500,
      result: 'failure'
    }))
    const sim = await simulate(
      {
        ignoreListFilters: true,
        history: [
          ...noise,
          // Not exports: never evidence, never followed.
          {
            datastoreId: 42,
            assetType: 'anomalies',
            startOffsetMs: -1000,
            durationMs: 60_000,
            type: 'scan'
          }
        ]
      },
      2000
    )
    const run = await runAction({
      inputs: inputsFor(sim, { datastore: '42', options: 'anomalies,checks' })
    })
    expect(run.code).toBe(0)
    const rows = operationsOf(run.outputs)
    expect(rows.map(r => [r.result, r.adopted])).toEqual([
      ['success', false],
      ['success', false]
    ])
    expect(triggers(sim)).toHaveLength(2)
    expect(singleReads(sim)).toBeGreaterThanOrEqual(2)
  })
})

describe('if-running', () => {
  const running = (over: Partial<SeedOperation> = {}): SeedOperation => ({
    datastoreId: 42,
    assetType: 'anomalies',
    startOffsetMs: -1000,
    durationMs: 3000,
    ...over
  })

  it('trigger starts a new one anyway', async () => {
    const sim = await simulate({ history: [running()] })
    const run = await runAction({
      inputs: inputsFor(sim, { 'if-running': 'trigger' })
    })
    expect(run.code).toBe(0)
    expect(triggers(sim)).toHaveLength(1)
    expect(operationsOf(run.outputs)[0]?.adopted).toBe(false)
  })

  it('never follows an export of another asset type, another datastore or other include_deleted', async () => {
    const sim = await simulate({
      history: [
        running({ assetType: 'checks' }),
        running({ datastoreId: 43 }),
        running({ includeDeleted: true })
      ]
    })
    const run = await runAction({ inputs: inputsFor(sim) })
    expect(run.code).toBe(0)
    expect(triggers(sim)).toHaveLength(1)
    expect(operationsOf(run.outputs)[0]?.adopted).toBe(false)
  })
})

describe('missed snapshots', () => {
  const cron = '0 6 * * *'
  /** This run's own fire time: the latest not after now (the run's clock). */
  const firedAt = (): number =>
    CronExpressionParser.parse(cron, {
      tz: 'UTC',
      currentDate: new Date(clock().now() + 1)
    })
      .prev()
      .getTime()

  it('counts the cron fire times since the last success and warns naming datastore, asset type and count', async () => {
    const fired = firedAt()
    // The last good snapshot started 5 minutes after the fire time three days ago.
    const start = fired - 3 * 86_400_000 + 5 * 60_000
    const sim = await simulate({
      history: [
        {
          datastoreId: 42,
          assetType: 'anomalies',
          startOffsetMs: start - clock().now(),
          durationMs: 2000
        }
      ]
    })
    const run = await runAction({
      inputs: inputsFor(sim),
      scheduleCron: cron
    })
    expect(run.code).toBe(0)
    const [row] = operationsOf(run.outputs)
    expect(row?.missed_runs).toBe(2)
    // The seed is placed relative to the simulator's start, a moment later.
    const ended = Date.parse(row?.last_success_at as string)
    expect(Math.abs(ended - (start + 2000))).toBeLessThan(1000)
    const warning = run.warnings.find(w => w.includes('missed'))
    expect(warning).toContain('Datastore 42 (Sales Warehouse)')
    expect(warning).toContain('anomalies')
    expect(warning).toContain('2 scheduled runs were missed')
  })

  it('is 0 without a warning when the last run came on time, and null with no earlier success', async () => {
    const fired = firedAt()
    const sim = await simulate({
      history: [
        {
          datastoreId: 42,
          assetType: 'anomalies',
          startOffsetMs: fired - 86_400_000 + 60_000 - clock().now(),
          durationMs: 2000
        }
      ]
    })
    const run = await runAction({
      inputs: inputsFor(sim, { options: 'anomalies,checks' }),
      scheduleCron: cron
    })
    expect(run.code).toBe(0)
    const rows = operationsOf(run.outputs)
    expect(rows.map(r => r.missed_runs)).toEqual([0, null])
    expect(run.warnings.filter(w => w.includes('missed'))).toEqual([])
  })
})

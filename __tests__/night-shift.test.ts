/**
 * `retry-failed` and `skip-if-fresh` through the action's entry point,
 * in-process, against the simulator on one fast clock: a failed export is triggered again (one POST per retry, ids
 * kept), never after a refused trigger or an abort; a recent success with
 * the same filters is reported instead of triggered (no request beyond the
 * history read), never one with other containers or include_deleted.
 * The cases in helpers/night-shift-edges.ts run in the bundle too
 * (blackbox/night-shift.test.ts).
 */
import { describe, expect, it } from '@jest/globals'
import { historyAround } from '../simulator/index.js'
import { inProcessSuite } from './helpers/action-in-process.js'
import {
  anHourAgo,
  FAST_RETRY,
  nightShiftCases
} from './helpers/night-shift-edges.js'
import { inputsFor, operationsOf, triggers } from './helpers/fixtures.js'

const { simulate, runAction } = inProcessSuite()

nightShiftCases({ simulate, runAction })

describe('retry-failed', () => {
  it('stops after the given number of retries and fails', async () => {
    const sim = await simulate({
      queuedMs: 0,
      behaviour: () => ({
        durationMs: 100,
        result: 'failure',
        message: 'still down'
      })
    })
    const run = await runAction({
      inputs: inputsFor(sim, { 'retry-failed': '1' }),
      env: FAST_RETRY
    })
    expect(run.code).toBe(1)
    const [row] = operationsOf(run.outputs)
    expect(row).toMatchObject({
      result: 'failure',
      attempts: 2,
      retried_ids: [1001]
    })
    expect(triggers(sim)).toHaveLength(2)
  })
})

describe('skip-if-fresh', () => {
  it('reuses an export of exactly the planned containers', async () => {
    const sim = await simulate({
      history: [anHourAgo({ containerIds: [6, 5] })]
    })
    const run = await runAction({
      inputs: inputsFor(sim, {
        'skip-if-fresh': '2h',
        containers: '5,6',
        verify: 'false'
      })
    })
    expect(operationsOf(run.outputs)[0]).toMatchObject({ reused: true })
    expect(triggers(sim)).toHaveLength(0)
  })

  it('still verifies the reused export table', async () => {
    const sim = await simulate({ history: [anHourAgo()] })
    const run = await runAction({
      inputs: inputsFor(sim, { 'skip-if-fresh': '20h' })
    })
    const [row] = operationsOf(run.outputs)
    expect(row?.reused).toBe(true)
    expect(row?.table).toMatch(/anomalies/)
    // The enrichment datastore (100) was read for the reused export's table.
    expect(
      sim.requests.some(r => r.path.startsWith('/api/datastores/100/'))
    ).toBe(true)
  })
})

describe('the durations chart', () => {
  it.each([
    [5, true],
    [2, false]
  ])('with %i earlier successes: a chart is %s', async (count, shown) => {
    const sim = await simulate({
      history: historyAround({
        datastoreId: 42,
        assetType: 'anomalies',
        durationMs: 2000,
        count
      }),
      queuedMs: 0
    })
    const run = await runAction({ inputs: inputsFor(sim, { verify: 'false' }) })
    expect(run.code).toBe(0)
    const chart =
      /<details><summary>📈 Durations against earlier exports<\/summary>\n\n```mermaid\n---\n[^`]*\n---\nxychart-beta\n {2}title "anomalies of datastore 42"\n {2}x-axis "[^"]+" \[("-\d", )+"this"\]\n {2}y-axis "seconds" 0 --> \d+\n {2}bar \[([\d.]+, )+[\d.]+\]\n```/
    if (shown) {
      expect(run.summary).toMatch(chart)
      const bars = /bar \[(.*)\]/.exec(run.summary)?.[1]?.split(', ') ?? []
      expect(bars).toHaveLength(count + 1)
    } else expect(run.summary).not.toContain('mermaid')
  })
})

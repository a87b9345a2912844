/**
 * Version 1.1's history features in the bundled action, where a real
 * process and the wall clock matter: the request budget against a gateway
 * rate limiter (requests per real second), a cancel by signal, and one
 * run that follows an export already running. The rest runs in-process in
 * ../history-action.test.ts.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import {
  peakPerSecond,
  type QualyticsSimulator
} from '../../simulator/index.js'
import { runAction, startAction } from '../helpers/bundle.js'
import {
  closeSimulators,
  inputsFor,
  operationsOf,
  startSimulator,
  triggers,
  waitFor
} from '../helpers/fixtures.js'

afterEach(closeSimulators)

const singleReads = (s: QualyticsSimulator): number =>
  s.count('GET', '/api/operations/')
const listReads = (s: QualyticsSimulator): number =>
  s.requests.filter(r => r.method === 'GET' && r.path === '/api/operations')
    .length

describe('batch status reads', () => {
  // Counted against the wall: on a fast clock the reads come out otherwise.
  it('reads the status of six exports with list reads, single reads only where the list cannot tell', async () => {
    const sim = await startSimulator({}, 2500)
    const run = await runAction({
      inputs: inputsFor(sim, { datastore: '42,43', options: 'all' })
    })
    expect(run.code).toBe(0)
    const rows = operationsOf(run.outputs)
    expect(rows).toHaveLength(6)
    for (const row of rows) {
      expect(row.result).toBe('success')
      const op = sim.operations.get(row.id as number)
      expect([op?.datastoreId, op?.assetType]).toEqual([
        row.datastore_id,
        row.asset_type
      ])
    }
    // Six exports of 2.5 s cost 18 single reads or more today.
    expect(singleReads(sim)).toBeLessThanOrEqual(2)
    expect(listReads(sim)).toBeGreaterThanOrEqual(3) // 2 history reads + batches
  })
})

describe('request budget', () => {
  it('stays under max-request-rate in every second: no 429 from a limiter just above it', async () => {
    const sim = await startSimulator({ rateLimit: { perSecond: 6 } }, 1500)
    const run = await runAction({
      inputs: inputsFor(sim, {
        datastore: '42,43',
        options: 'all',
        'max-request-rate': '5'
      })
    })
    expect(run.code).toBe(0)
    expect(sim.requests.filter(r => r.status === 429)).toEqual([])
    // Slots leave the client 200 ms apart (the unit test holds the budget
    // to 5 in every second); arrival adds the loaded machine's jitter, for
    // which the limiter's one request of headroom is there.
    expect(peakPerSecond(sim.requests.map(r => r.at))).toBeLessThanOrEqual(6)
    // 6 POSTs, 4 counts, 2 history reads, preflight: the budget shows in the wall time.
    const span = (sim.requests.at(-1)?.at ?? 0) - (sim.requests[0]?.at ?? 0)
    expect(span).toBeGreaterThanOrEqual(((sim.requests.length - 5) / 5) * 1000)
    expect(operationsOf(run.outputs).every(r => r.result === 'success')).toBe(
      true
    )
  })

  it('slows down after 429s from a limiter below the budget and still finishes every export', async () => {
    const sim = await startSimulator({ rateLimit: { perSecond: 4 } }, 1500)
    const run = await runAction({
      inputs: inputsFor(sim, { datastore: '42,43', options: 'all' })
    })
    const throttled = sim.requests.filter(r => r.status === 429).length
    expect(throttled).toBeGreaterThan(0)
    expect(run.code).toBe(0)
    expect(operationsOf(run.outputs).every(r => r.result === 'success')).toBe(
      true
    )
    // AIMD: after the first cuts the rest of the run stays near the limit.
    expect(throttled).toBeLessThan(sim.requests.length / 2)
    // A POST refused with 429 created nothing and was sent again.
    expect(sim.operations.size).toBe(6)
  })
})

describe('stopping under the budget', () => {
  it('a cancel rejects queued reads and sends every abort ahead of them', async () => {
    const sim = await startSimulator({}, 60_000)
    const { child, done } = startAction({
      inputs: inputsFor(sim, {
        datastore: '42,43',
        options: 'all',
        'max-parallel': '6',
        'max-request-rate': '3'
      })
    })
    await waitFor(() => sim.operations.size >= 6, 20_000)
    const cancelledAt = Date.now()
    child.kill('SIGINT')
    const run = await done
    expect(run.code).toBe(1)
    expect(run.outputs.result).toBe('cancelled')
    const aborts = sim.requests.filter(r => r.method === 'PUT')
    expect(aborts).toHaveLength(6)
    // Nothing but aborts was sent after the cancel.
    const after = sim.requests.filter(r => r.at >= cancelledAt + 50)
    expect(after.every(r => r.method === 'PUT')).toBe(true)
    expect(operationsOf(run.outputs).every(r => r.result === 'cancelled')).toBe(
      true
    )
  })
})

describe('if-running', () => {
  it('wait (the default) follows an export already running instead of starting another', async () => {
    // Running for 8 s: a loaded machine takes seconds to start the bundle,
    // and an export that ended meanwhile is rightly not followed.
    const sim = await startSimulator({
      history: [
        {
          datastoreId: 42,
          assetType: 'anomalies',
          startOffsetMs: -1000,
          durationMs: 8000,
          scheduled: true
        }
      ]
    })
    const seeded = [...sim.operations.keys()][0]
    const run = await runAction({ inputs: inputsFor(sim) })
    expect(run.code).toBe(0)
    expect(triggers(sim)).toEqual([])
    const [row] = operationsOf(run.outputs)
    expect(row).toMatchObject({ id: seeded, adopted: true, result: 'success' })
    expect(run.stdout).toContain(`Following export ${seeded}`)
  })
})

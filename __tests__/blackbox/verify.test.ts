/**
 * `verify` end to end: the bundled action against the simulator, whose
 * exports write their table to the enrichment datastore fresh, stale or
 * not at all, or whose enrichment endpoints are absent.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { runAction } from '../helpers/bundle.js'
import type {
  Landing,
  QualyticsSimulator,
  Scenario
} from '../../simulator/index.js'
import {
  closeSimulators,
  inputsFor,
  operationsOf,
  startSimulator,
  SALES_PREFIXED
} from '../helpers/fixtures.js'
import { hostileInputs, startHostileServer } from '../helpers/hostile-server.js'

afterEach(closeSimulators)

async function start(
  scenario: Partial<Scenario> = {},
  durationMs = 300
): Promise<QualyticsSimulator> {
  return startSimulator({ datastores: SALES_PREFIXED, ...scenario }, durationMs)
}

const landing =
  (byDatastore: Record<number, Landing>) =>
  ({ datastoreId }: { datastoreId: number }): Landing =>
    byDatastore[datastoreId] ?? 'fresh'

describe('verify', () => {
  it('confirms a freshly written table and names it in the row', async () => {
    const s = await start()
    const run = await runAction({
      inputs: inputsFor(s, { datastore: '42,43', options: 'anomalies,checks' })
    })
    expect(run.code).toBe(0)
    expect(run.outputs.result).toBe('success')
    expect(run.warnings).toEqual([])
    const rows = operationsOf(run.outputs)
    expect(rows.map(r => [r.datastore_id, r.table, r.verified])).toEqual([
      [42, '_sales_anomalies_export', true],
      [42, '_sales_checks_export', true],
      [43, '_qualytics_anomalies_export', true],
      [43, '_qualytics_checks_export', true]
    ])
    // One listing per enrichment datastore, one row read per export.
    expect(s.count('GET', '/api/datastores/100/listing')).toBe(1)
    expect(s.count('GET', '/api/datastores/101/listing')).toBe(1)
    const reads = s.requests.filter(r => r.path.endsWith('/source-records'))
    expect(reads).toHaveLength(4)
    expect(reads.map(r => r.query.path)).toContain('_sales_checks_export')
    expect(reads.every(r => r.query.limit === '1')).toBe(true)
    // Each read asks for its own datastore's rows.
    expect(reads.map(r => r.query.filter).sort()).toEqual([
      "datastore_id='42'",
      "datastore_id='42'",
      "datastore_id='43'",
      "datastore_id='43'"
    ])
  })

  it('warns about a stale table once in the bundle, a warning that says its note once', async () => {
    const s = await start({ landing: landing({ 42: 'stale' }) })
    // 2 s: no re-check fits, so the bundle reports after one look.
    const run = await runAction({ inputs: inputsFor(s, { timeout: '2s' }) })
    expect(run.code).toBe(0)
    expect(run.outputs.result).toBe('warning')
    expect(run.warnings).toHaveLength(1)
    expect(run.warnings[0]?.split('before the export started')).toHaveLength(2)
    expect(s.count('GET', '/api/datastores/100/listing')).toBe(1)
  }, 30_000)

  it('stops waiting for a listing that never answers at the timeout, leaving verified null', async () => {
    const started = new Date().toISOString()
    const operation = (result: string): Record<string, unknown> => ({
      id: 5,
      type: 'export',
      result,
      message: null,
      start_time: started,
      end_time: result === 'running' ? null : new Date().toISOString(),
      datastore: { id: 42 },
      asset_type: 'anomalies'
    })
    const server = await startHostileServer((req, _res, x) => {
      if (req.method === 'POST') return (x.json(operation('running')), true)
      if (req.url === '/api/operations/5')
        return (x.json(operation('success')), true)
      // The listing is taken and never answered.
      return Boolean(req.url?.includes('/listing'))
    })
    try {
      const run = await runAction({
        inputs: hostileInputs(server.url, {
          options: 'anomalies',
          timeout: '3s'
        }),
        env: { QUALYTICS_TIMEOUT: '120' }
      })
      expect(run.outputs.result).toBe('success')
      expect(operationsOf(run.outputs)[0]).toMatchObject({ verified: null })
      // The listing would hang for the 120 s request timeout: ending
      // within the test's timeout means verify stopped at the deadline.
      expect(server.seen.some(r => r.path.includes('/listing'))).toBe(true)
    } finally {
      await server.close()
    }
  }, 30_000)

  // Timing against the deadline: real time, as on a runner.
  it('never re-checks past the timeout', async () => {
    const s = await start({ landing: () => 'missing' }, 2500)
    const run = await runAction({ inputs: inputsFor(s, { timeout: '4s' }) })
    // Export 2.5 s, then one look: the 2 s and 5 s re-checks would pass 4 s.
    expect(run.outputs.result).toBe('warning')
    expect(s.count('GET', '/api/datastores/100/listing')).toBe(1)
  }, 30_000)
})

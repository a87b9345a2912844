/**
 * `verify` end to end through the action's entry point, in-process, against
 * the simulator on one fast clock, whose exports write their table to the
 * enrichment datastore fresh, stale or not at all, or whose enrichment
 * endpoints are absent. The bundle runs it in blackbox/verify.test.ts.
 */
import { describe, expect, it } from '@jest/globals'
import { inProcessSuite } from './helpers/action-in-process.js'
import type {
  Landing,
  QualyticsSimulator,
  Scenario,
  SimDatastore
} from '../simulator/index.js'
import {
  inputsFor,
  operationsOf,
  startSimulator,
  SALES_PREFIXED
} from './helpers/fixtures.js'
import { FastClock } from './helpers/virtual-clock.js'
import { parseConfig } from '../src/core/config/config.js'
import { runExportJob } from '../src/core/run/job.js'
import { createRedactor } from '../src/core/output/redact.js'

const { simulate, runAction } = inProcessSuite()

async function start(
  scenario: Partial<Scenario> = {},
  durationMs = 300
): Promise<QualyticsSimulator> {
  return simulate({ datastores: SALES_PREFIXED, ...scenario }, durationMs)
}

const landing =
  (byDatastore: Record<number, Landing>) =>
  ({ datastoreId }: { datastoreId: number }): Landing =>
    byDatastore[datastoreId] ?? 'fresh'

describe('verify', () => {
  it('finds the older naming form in a listing that comes as a page', async () => {
    const s = await start({ tableNaming: 'old', listingShape: 'envelope' })
    const run = await runAction({ inputs: inputsFor(s) })
    const [row] = operationsOf(run.outputs)
    expect(row).toMatchObject({
      table: '_sales_export_anomalies',
      verified: true
    })
    expect(run.warnings).toEqual([])
  })

  it('warns about a stale table, naming datastore and table, and the run still succeeds', async () => {
    // In-process, fifty times real time: the 2 s and 5 s re-checks take 140 ms.
    const clock = new FastClock(50)
    const s = await startSimulator(
      { datastores: SALES_PREFIXED, landing: landing({ 42: 'stale' }) },
      300,
      clock
    )
    const config = parseConfig(
      inputsFor(s, { datastore: '42,43', timeout: '5m' })
    )
    const log: string[] = []
    const outcome = await runExportJob(config, {
      clock,
      redact: createRedactor(config.token),
      hooks: { log: m => log.push(m) }
    })
    expect(outcome.result).toBe('warning')
    const [stale, fresh] = outcome.records
    expect(stale).toMatchObject({
      datastoreId: 42,
      table: '_sales_anomalies_export',
      verified: false,
      result: 'warning',
      // Qualytics' message is left alone.
      message: null
    })
    expect(fresh).toMatchObject({ verified: true, result: 'success' })
    const note = stale?.notes.join(' ') ?? ''
    expect(note).toContain('datastore 42 (Sales Warehouse)')
    expect(note).toContain(
      'table _sales_anomalies_export in enrichment datastore 100 (Sales Enrichment)'
    )
    expect(note).toContain('before the export started')
    expect(note).toContain('Activity in Qualytics')
    // It looked twice more before it said so.
    expect(s.count('GET', '/api/datastores/100/listing')).toBe(3)
    expect(s.count('GET', '/api/datastores/101/listing')).toBe(1)
    expect(log.filter(l => l.startsWith('Looking again'))).toHaveLength(2)
  })

  it('warns about a missing table, and fails the step with fail-on-warning', async () => {
    const s = await start({ landing: landing({ 43: 'missing' }) })
    const run = await runAction({
      inputs: inputsFor(s, {
        datastore: '43',
        'fail-on-warning': 'true',
        // No re-check fits: one look, without seven real seconds.
        timeout: '2s'
      })
    })
    expect(run.code).toBe(1)
    expect(run.outputs.result).toBe('warning')
    const [row] = operationsOf(run.outputs)
    expect(row).toMatchObject({ table: null, verified: false })
    expect(run.warnings.join('\n')).toContain(
      'its table is not in enrichment datastore 101 (Marketing Enrichment): looked for _qualytics_anomalies_export'
    )
    expect(run.warnings.join('\n')).toContain('datastore 43 (Marketing Lake)')
  }, 30_000)

  it('says nothing and leaves verified null when the enrichment endpoints are absent', async () => {
    const s = await start({ missingEndpoints: ['listing', 'source-records'] })
    const run = await runAction({ inputs: inputsFor(s) })
    expect(run.code).toBe(0)
    expect(run.outputs.result).toBe('success')
    expect(run.warnings).toEqual([])
    expect(operationsOf(run.outputs)[0]).toMatchObject({
      table: null,
      verified: null
    })
  })

  it('leaves verified null, with the table named, when only source-records is absent', async () => {
    const s = await start({ missingEndpoints: ['source-records'] })
    const run = await runAction({ inputs: inputsFor(s) })
    expect(run.outputs.result).toBe('success')
    expect(run.warnings).toEqual([])
    expect(operationsOf(run.outputs)[0]).toMatchObject({
      table: '_sales_anomalies_export',
      verified: null
    })
  })

  it('cannot tell when an empty export wrote a table without rows', async () => {
    const s = await start({
      datastores: [{ ...SALES_PREFIXED[0], anomalies: 0 } as SimDatastore]
    })
    const run = await runAction({ inputs: inputsFor(s) })
    // The empty export is its own warning; verify adds no second one.
    expect(run.outputs.result).toBe('warning')
    expect(run.warnings).toHaveLength(1)
    expect(run.warnings[0]).toContain('wrote an empty table')
    expect(operationsOf(run.outputs)[0]).toMatchObject({
      table: '_sales_anomalies_export',
      verified: null
    })
  })

  it('does not look with verify: false, nor after a failed export', async () => {
    const s = await start({
      behaviour: ({ datastoreId }) => ({
        durationMs: 300,
        result: datastoreId === 43 ? 'failure' : 'success',
        message: datastoreId === 43 ? 'Enrichment write failed' : null
      })
    })
    const off = await runAction({ inputs: inputsFor(s, { verify: 'false' }) })
    expect(operationsOf(off.outputs)[0]).toMatchObject({ verified: null })
    expect(s.count('GET', '/api/datastores/100/listing')).toBe(0)
    const failed = await runAction({
      inputs: inputsFor(s, { datastore: '43' })
    })
    expect(failed.outputs.result).toBe('failure')
    expect(operationsOf(failed.outputs)[0]).toMatchObject({
      result: 'failure',
      verified: null
    })
    expect(s.count('GET', '/api/datastores/101/listing')).toBe(0)
  })
})

/**
 * The simulator as the documentation describes Qualytics: the datastore
 * list's filters, per-datastore prefixes, the enrichment listing and
 * source records, teams and tags as objects, and /api/openapi.json.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import {
  demoScenario,
  EXPORT_COLUMNS,
  ManualClock,
  QualyticsSimulator,
  type RowTimeForm
} from '../../simulator/index.js'
import { runAction } from '../helpers/bundle.js'
import {
  call,
  closeAll,
  SHARED,
  start,
  trigger
} from '../helpers/sim-client.js'

afterEach(closeAll)

async function ended(datastores = SHARED) {
  const clock = new ManualClock()
  const sim = await start({ datastores, queuedMs: 0 }, clock)
  return { sim, clock }
}

type Row = Record<string, unknown>

describe('simulator: datastores as documented', () => {
  it('filters the list by tag (exact names, repeatable), name and enrichment_only', async () => {
    const { sim } = await ended()
    const ids = async (query: string) => {
      const r = await call(sim, 'GET', `/api/datastores?${query}`)
      expect(r.status).toBe(200)
      return (r.body.items ?? []).map(d => d.id)
    }
    expect(await ids('tag=nightly-export')).toEqual([43, 42])
    expect(await ids('tag=finance')).toEqual([42])
    expect(await ids('tag=finance&tag=Finance')).toEqual([42, 7])
    expect(await ids('name=MARK')).toEqual([43])
    expect(await ids('enrichment_only=true')).toEqual([100])
    expect(await ids('enrichment_only=false&tag=Finance')).toEqual([7])
    const page = await call(sim, 'GET', '/api/datastores?tag=nightly-export')
    expect(page.body).toMatchObject({ total: 2, page: 1, pages: 1 })
    const bad = await call(sim, 'GET', '/api/datastores?enrichment_only=maybe')
    expect(bad.status).toBe(422)
  })

  it('carries teams and global tags as objects, and each datastore its own prefix', async () => {
    const { sim } = await ended()
    const sales = (await call(sim, 'GET', '/api/datastores/42')).body
    expect(sales.teams).toEqual([
      expect.objectContaining({ id: 1, name: 'Public' })
    ])
    expect(sales.global_tags).toEqual([
      expect.objectContaining({ name: 'nightly-export', type: 'global' }),
      expect.objectContaining({ name: 'finance', weight_modifier: 0 })
    ])
    expect(sales).toMatchObject({
      enrich_container_prefix: '_sales',
      enrichment_prefix: '_sales'
    })
    const marketing = (await call(sim, 'GET', '/api/datastores/43')).body
    expect(marketing.enrich_container_prefix).toBe('_marketing')
    const me = (await call(sim, 'GET', '/api/users/me')).body
    expect(me.teams).toEqual([expect.objectContaining({ name: 'Public' })])
  })
})

describe('simulator: the enrichment datastore as documented', () => {
  it('lists tables as {name, label, datastore}, each under its own datastore and prefix', async () => {
    const { sim, clock } = await ended()
    await trigger(sim, 42, 'anomalies')
    await trigger(sim, 43, 'anomalies')
    clock.advance(5000)
    const r = await call(sim, 'GET', '/api/datastores/100/listing')
    const items = r.body as unknown as Row[]
    expect(Array.isArray(items)).toBe(true)
    const byName = new Map(items.map(i => [i.name, i]))
    expect(byName.get('_sales_anomalies_export')).toMatchObject({
      label: 'anomalies_export',
      datastore: { id: 42, enrich_container_prefix: '_sales' }
    })
    expect(byName.get('_marketing_anomalies_export')).toMatchObject({
      label: 'anomalies_export',
      datastore: { id: 43 }
    })
    expect(byName.get('_sales_source_records')).toMatchObject({
      label: 'source_records'
    })
  })

  it('gives rows as a JSON string with lower-case keys, every documented column, and honours filter', async () => {
    const { sim, clock } = await ended()
    await trigger(sim, 42, 'anomalies')
    await trigger(sim, 42, 'checks')
    clock.advance(5000)
    const read = async (path: string, filter?: string) => {
      const q = new URLSearchParams({ path, ...(filter && { filter }) })
      const r = await call(
        sim,
        'GET',
        `/api/datastores/100/source-records?${q.toString()}`
      )
      return r
    }
    const r = await read('_sales_anomalies_export')
    expect(typeof r.body.source_records).toBe('string')
    const rows = JSON.parse(r.body.source_records as string) as Row[]
    expect(rows).toHaveLength(3)
    for (const row of rows) {
      expect(Object.keys(row).sort()).toEqual(
        [...EXPORT_COLUMNS.anomalies].sort()
      )
      expect(row.datastore_id).toBe(42)
      expect(row.generated_at).toMatch(
        /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\+0000$/
      )
    }
    expect(rows[0]?.generated_at).toBe('2026-01-01 00:00:02+0000')
    const checks = await read('_sales_checks_export')
    const checkRows = JSON.parse(checks.body.source_records as string) as Row[]
    expect(Object.keys(checkRows[0] ?? {})).toHaveLength(26)
    const mine = await read('_sales_anomalies_export', "datastore_id='42'")
    expect(JSON.parse(mine.body.source_records as string)).toHaveLength(3)
    const theirs = await read('_sales_anomalies_export', "datastore_id='43'")
    expect(theirs.body.source_records).toBe('[]')
    const bad = await read('_sales_anomalies_export', "nonsense='1'")
    expect(bad.status).toBe(400)
  })
})

describe('simulator: enrichment tables as a warehouse may hand them back', () => {
  const rowsOf = async (
    sim: Awaited<ReturnType<typeof start>>,
    path: string,
    filter?: string
  ): Promise<Row[]> => {
    const q = new URLSearchParams({ path, ...(filter && { filter }) })
    const r = await call(
      sim,
      'GET',
      `/api/datastores/100/source-records?${q.toString()}`
    )
    return JSON.parse(r.body.source_records as string) as Row[]
  }

  it('gives generated_at in the form the scenario asks for', async () => {
    const clock = new ManualClock()
    const sim = await start({ datastores: SHARED, queuedMs: 0 }, clock)
    await trigger(sim, 42, 'anomalies')
    clock.advance(5000)
    const at = Date.UTC(2026, 0, 1, 0, 0, 2, 500)
    const forms: [RowTimeForm, unknown][] = [
      ['documented', '2026-01-01 00:00:02+0000'],
      ['zoneless', '2026-01-01 00:00:02'],
      ['epoch-s', Math.floor(at / 1000)],
      ['epoch-ms', at],
      ['epoch-us', at * 1000]
    ]
    for (const [form, expected] of forms) {
      sim.scenario.rowTimes = form
      const [row] = await rowsOf(sim, '_sales_anomalies_export')
      expect([form, row?.generated_at]).toEqual([form, expected])
    }
  })

  it('overwrites a table two datastores share through one prefix, and can ignore filter', async () => {
    const clock = new ManualClock()
    const clash = SHARED.map(d =>
      d.enrichment ? { ...d, enrichment: { ...d.enrichment, prefix: 'x' } } : d
    )
    const sim = await start({ datastores: clash, queuedMs: 0 }, clock)
    await trigger(sim, 42, 'anomalies')
    clock.advance(5000)
    await trigger(sim, 43, 'anomalies')
    clock.advance(5000)
    const rows = await rowsOf(sim, '_x_anomalies_export')
    expect(new Set(rows.map(r => r.datastore_id))).toEqual(new Set([43]))
    expect(
      await rowsOf(sim, '_x_anomalies_export', "datastore_id='42'")
    ).toEqual([])
    sim.scenario.ignoreRecordFilter = true
    const ignored = await rowsOf(
      sim,
      '_x_anomalies_export',
      "datastore_id='42'"
    )
    expect(ignored.map(r => r.datastore_id)).toEqual([43, 43])
  })
})

describe('simulator: /api/openapi.json', () => {
  it('describes every route it serves, with the build in info.version', async () => {
    const { sim } = await ended()
    const r = await call(sim, 'GET', '/api/openapi.json', { token: null })
    expect(r.status).toBe(200)
    const doc = r.body as {
      info?: { version?: string }
      paths?: Record<
        string,
        Record<string, { parameters?: { name: string }[] }>
      >
    }
    expect(doc.info?.version).toMatch(/^20251024-/)
    const paths = doc.paths ?? {}
    for (const [path, method] of [
      ['/api/users/me', 'get'],
      ['/api/datastores', 'get'],
      ['/api/datastores/{datastore_id}', 'get'],
      ['/api/datastores/{datastore_id}/listing', 'get'],
      ['/api/datastores/{datastore_id}/source-records', 'get'],
      ['/api/operations/run', 'post'],
      ['/api/operations/{operation_id}', 'get'],
      ['/api/operations', 'get'],
      ['/api/operations/abort/{operation_id}', 'put'],
      ['/api/anomalies', 'get'],
      ['/api/quality-checks', 'get']
    ] as const)
      expect(paths[path]?.[method]).toBeDefined()
    const listParams = paths['/api/operations']?.get?.parameters ?? []
    expect(listParams.map(p => p.name)).toEqual(
      expect.arrayContaining(['datastore', 'result', 'id', 'operation_type'])
    )
  })
})

describe('simulator: the demo scenario', () => {
  it("demonstrates the fan-out recipe: its plan step selects the demo's tagged, linked datastores", async () => {
    const workflow = parse(readFileSync('examples/fan-out.yml', 'utf8')) as {
      jobs: { plan: { steps: { with: Record<string, string> }[] } }
    }
    const planned = workflow.jobs.plan.steps[0]?.with ?? {}
    const sim = await QualyticsSimulator.start(demoScenario())
    try {
      const run = await runAction({
        inputs: { ...planned, url: sim.url, token: sim.token }
      })
      expect(run.code).toBe(0)
      expect(planned['datastore-tags']).toBe('nightly-export')
      expect(JSON.parse(run.outputs.datastores ?? '')).toEqual([42, 43])
      expect(run.outputs.matrix).toMatch(/42/)
      expect(sim.count('POST')).toBe(0)
    } finally {
      await sim.close()
    }
  }, 30_000)
})

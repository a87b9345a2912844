/**
 * The datastore list and the enrichment datastore's side of an export:
 * GET /api/datastores (paginated, enrichment datastores included),
 * GET /api/datastores/{id}/listing (its tables) and
 * GET /api/datastores/{id}/source-records?path=<table> (their rows).
 * An export that succeeds writes its table when it ends, as the scenario's
 * `landing` says (fresh, stale or missing).
 */
import { fail, invalid, type Answer, type ValidationItem } from './http.js'
import { pagination } from './listing.js'
import type { OperationStore } from './operations.js'
import {
  datastoreJson,
  enrichmentJson,
  iso,
  normalisePrefix
} from './payloads.js'
import type { AssetType, Scenario, SimDatastore } from './types.js'
import { laxInt } from './validate.js'

const ASSET_PART: Record<AssetType, string> = {
  anomalies: 'anomalies',
  checks: 'checks',
  profiles: 'field_profiles'
}

/** How much older than its export a stale table is. */
export const STALE_AGE_MS = 3_600_000

/** The list per datastores array: a 1,000-datastore page is rebuilt only when the array changes. */
const LISTS = new WeakMap<
  SimDatastore[],
  { length: number; items: Record<string, unknown>[] }
>()

/** Every datastore the list shows: sources and their enrichment datastores. */
function allDatastores(scenario: Scenario): Record<string, unknown>[] {
  const cached = LISTS.get(scenario.datastores)
  if (cached?.length === scenario.datastores.length) return cached.items
  const items = buildList(scenario)
  LISTS.set(scenario.datastores, { length: scenario.datastores.length, items })
  return items
}

function buildList(scenario: Scenario): Record<string, unknown>[] {
  const seen = new Set<number>()
  const links: Record<string, unknown>[] = []
  for (const ds of scenario.datastores) {
    const link = ds.enrichment
    if (!link || seen.has(link.id)) continue
    seen.add(link.id)
    links.push(enrichmentJson(link))
  }
  // Newest first, as a product list usually is: the action must sort.
  return [...scenario.datastores.map(datastoreJson), ...links].sort(
    (a, b) => (b.id as number) - (a.id as number)
  )
}

/** GET /api/datastores?page&size: the page envelope (a `tag` parameter is ignored). */
export function listDatastores(
  params: URLSearchParams,
  scenario: Scenario
): Answer {
  const errors: ValidationItem[] = []
  const { page, size } = pagination(params, errors)
  if (errors.length > 0) return invalid(errors)
  const all = allDatastores(scenario)
  return {
    status: 200,
    body: {
      items: all.slice((page - 1) * size, page * size),
      total: all.length,
      page,
      size,
      pages: Math.ceil(all.length / size)
    }
  }
}

/** The export table of a datastore and asset type, as this scenario names it. */
export function tableName(
  scenario: Scenario,
  ds: SimDatastore,
  assetType: AssetType
): string {
  const prefix = normalisePrefix(ds.enrichment?.prefix)
  const part = ASSET_PART[assetType]
  return scenario.tableNaming === 'old'
    ? `${prefix}_export_${part}`
    : `${prefix}_${part}_export`
}

/** A table an export left: its name and when its rows say they were generated. */
interface Written {
  name: string
  generatedAt: number
  rows: number
}

/** The export tables of an enrichment datastore now, from the exports that ended. */
function tablesOf(
  enrichmentId: number,
  scenario: Scenario,
  store: OperationStore
): Map<string, Written> {
  store.refreshAll()
  const tables = new Map<string, Written>()
  const ops = [...store.operations.values()]
    .filter(op => op.result === 'success' && op.endTime !== null)
    .sort((a, b) => (a.endTime as number) - (b.endTime as number))
  for (const op of ops) {
    const ds = scenario.datastores.find(d => d.id === op.datastoreId)
    if (ds?.enrichment?.id !== enrichmentId) continue
    const landing =
      scenario.landing?.({
        datastoreId: op.datastoreId,
        assetType: op.assetType
      }) ?? 'fresh'
    if (landing === 'missing') continue
    const name = tableName(scenario, ds, op.assetType)
    const held =
      op.assetType === 'anomalies'
        ? (ds.anomalies ?? 0)
        : op.assetType === 'checks'
          ? (ds.checks ?? 0)
          : 3
    tables.set(name, {
      name,
      generatedAt:
        landing === 'stale'
          ? op.startTime - STALE_AGE_MS
          : (op.endTime as number),
      rows: held
    })
  }
  return tables
}

function enrichmentIdOf(scenario: Scenario, raw: string): number | Answer {
  const id = laxInt(raw)
  if (id === undefined)
    return invalid([
      {
        type: 'int_parsing',
        loc: ['path', 'datastore_id'],
        msg: 'Input should be a valid integer, unable to parse string as an integer',
        input: raw
      }
    ])
  if (!scenario.datastores.some(d => d.enrichment?.id === id))
    return fail(404, `Datastore id: ${id} not found`)
  return id
}

/** GET /api/datastores/{id}/listing: the tables, a plain array or a page. */
export function listing(
  scenario: Scenario,
  store: OperationStore,
  raw: string
): Answer {
  const id = enrichmentIdOf(scenario, raw)
  if (typeof id !== 'number') return id
  const names = [
    '_qualytics_source_records',
    ...tablesOf(id, scenario, store).keys()
  ]
  const items = names.map(name => ({ name, type: 'table' }))
  if (scenario.listingShape === 'envelope')
    return {
      status: 200,
      body: { items, total: items.length, page: 1, size: 100, pages: 1 }
    }
  return { status: 200, body: items }
}

/** GET /api/datastores/{id}/source-records?path=<table>[&limit=N]. */
export function sourceRecords(
  scenario: Scenario,
  store: OperationStore,
  raw: string,
  params: URLSearchParams
): Answer {
  const id = enrichmentIdOf(scenario, raw)
  if (typeof id !== 'number') return id
  const path = params.get('path')
  if (path === null)
    return invalid([
      {
        type: 'missing',
        loc: ['query', 'path'],
        msg: 'Field required',
        input: null
      }
    ])
  const table = tablesOf(id, scenario, store).get(path)
  if (!table) return fail(404, `Table ${path} not found`)
  const limit = Math.max(1, laxInt(params.get('limit') ?? '') ?? 10)
  // Warehouse style: no zone, space between date and time.
  const generated = iso(table.generatedAt).replace('T', ' ').replace('Z', '')
  const rows = Array.from({ length: Math.min(limit, table.rows) }, (_, i) => ({
    ID: i + 1,
    CREATED: generated,
    DATASTORE_ID: null,
    GENERATED_AT: generated
  }))
  return { status: 200, body: { source_records: JSON.stringify(rows) } }
}

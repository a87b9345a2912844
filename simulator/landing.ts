/**
 * The datastore list and the enrichment datastore's side of an export:
 * GET /api/datastores (paginated, enrichment datastores included),
 * GET /api/datastores/{id}/listing (its tables) and
 * GET /api/datastores/{id}/source-records?path=<table> (their rows).
 * An export that succeeds writes its table when it ends, as the scenario's
 * `landing` says (fresh, stale or missing).
 */
import { fail, invalid, type Answer, type ValidationItem } from './http.js'
import { laxBool, pagination } from './listing.js'
import { EXPORT_COLUMNS, exportRows } from './export-rows.js'
import type { OperationStore } from './operations.js'
import {
  datastoreJson,
  enrichmentJson,
  listingDatastoreJson,
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
const STALE_AGE_MS = 3_600_000

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

/**
 * GET /api/datastores?page&size, with the filters the vendor CLI sends:
 * `name` (part of the name, any case), `tag` (repeatable: carries one of
 * these tag names, spelt exactly) and `enrichment_only`.
 */
export function listDatastores(
  params: URLSearchParams,
  scenario: Scenario
): Answer {
  const errors: ValidationItem[] = []
  const { page, size } = pagination(params, errors)
  const enrichmentOnly = laxBool(params, 'enrichment_only', errors)
  if (errors.length > 0) return invalid(errors)
  const name = params.get('name')?.toLowerCase()
  const tags = params.getAll('tag')
  const all = allDatastores(scenario).filter(
    d =>
      (name === undefined || String(d.name).toLowerCase().includes(name)) &&
      (tags.length === 0 ||
        (d.global_tags as { name: string }[]).some(t =>
          tags.includes(t.name)
        )) &&
      (enrichmentOnly === undefined || d.enrichment_only === enrichmentOnly)
  )
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
function tableName(
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

/** A table an export left: whose it is and when its rows say they were generated. */
interface Written {
  name: string
  prefix: string
  assetType: AssetType
  /** The datastore whose export wrote it last (a shared prefix overwrites). */
  datastore: SimDatastore
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
      prefix: normalisePrefix(ds.enrichment.prefix),
      assetType: op.assetType,
      datastore: ds,
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

/**
 * GET /api/datastores/{id}/listing: a plain array of
 * `{name, label, datastore}` (model GetDatastorePathListing), one source
 * records table per linked datastore and the export tables; a page
 * envelope when the scenario asks for one.
 */
export function listing(
  scenario: Scenario,
  store: OperationStore,
  raw: string
): Answer {
  const id = enrichmentIdOf(scenario, raw)
  if (typeof id !== 'number') return id
  const item = (name: string, prefix: string, ds: SimDatastore) => ({
    name,
    label: name.slice(prefix.length + 1),
    datastore: listingDatastoreJson(ds, prefix)
  })
  const linked = scenario.datastores.filter(d => d.enrichment?.id === id)
  const seen = new Set<string>()
  const items = [
    ...linked.map(ds => {
      const prefix = normalisePrefix(ds.enrichment?.prefix)
      return item(`${prefix}_source_records`, prefix, ds)
    }),
    ...[...tablesOf(id, scenario, store).values()].map(t =>
      item(t.name, t.prefix, t.datastore)
    )
  ].filter(i => !seen.has(i.name) && seen.add(i.name))
  if (scenario.listingShape === 'envelope')
    return {
      status: 200,
      body: { items, total: items.length, page: 1, size: 100, pages: 1 }
    }
  return { status: 200, body: items }
}

/** Most rows one source-records answer holds (UNCONFIRMED: no limit is documented). */
const SOURCE_RECORDS_CAP = 50

/**
 * The documented `filter` (`datastore_id='42'`, conditions joined by AND):
 * column and value pairs, or null when it does not read.
 */
function parseFilter(text: string): [string, string][] | null {
  const pairs: [string, string][] = []
  for (const part of text.split(/\s+and\s+/i)) {
    const m =
      /^\s*([a-z_][a-z0-9_]*)\s*=\s*(?:'([^']*)'|(-?[\w.:+-]+))\s*$/i.exec(part)
    if (!m) return null
    pairs.push([(m[1] as string).toLowerCase(), m[2] ?? m[3] ?? ''])
  }
  return pairs
}

/**
 * GET /api/datastores/{id}/source-records?path=<table>[&filter=...]:
 * `{"source_records": "<JSON string of rows>"}` (model
 * GetContainerSourceRecords), rows with the table's documented columns in
 * lower case. `limit` is not documented and is ignored, as FastAPI ignores
 * any unknown parameter.
 */
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
  const filterText = params.get('filter')
  const filter = filterText === null ? [] : parseFilter(filterText)
  const columns = EXPORT_COLUMNS[table.assetType]
  const unknown = filter?.find(([c]) => !columns.includes(c))
  // UNCONFIRMED: the wording and status of a filter the server refuses.
  if (filter === null || unknown)
    return fail(
      400,
      `Invalid filter ${JSON.stringify(filterText)} for ${path}${unknown ? `: no column ${unknown[0]}` : ''}`
    )
  const rows = exportRows(table.assetType, table.rows, {
    datastoreId: table.datastore.id,
    datastoreName: table.datastore.name,
    generatedAtMs: table.generatedAt,
    timeForm: scenario.rowTimes
  })
    .filter(
      row =>
        scenario.ignoreRecordFilter ||
        filter.every(([c, v]) => String(row[c]) === v)
    )
    .slice(0, SOURCE_RECORDS_CAP)
  return { status: 200, body: { source_records: JSON.stringify(rows) } }
}

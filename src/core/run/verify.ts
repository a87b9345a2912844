import type { TableRow, TableRows } from '../client/client-types.js'
import type { DatastoreInfo } from '../types.js'

import type { OperationRecord, AssetType } from '../types.js'
import { verifyPolicy } from '../client/retry.js'
import { readServerTime } from '../client/schema.js'
import type { RunContext } from './context.js'
import {
  DOCUMENTED_COLUMNS,
  exportTableNames,
  findExportTable
} from '../domain/export-tables.js'

/**
 * `verify`: after an export succeeded, look in the enrichment datastore
 * for its table and check that the newest row was generated no earlier
 * than the export started. The finding goes to `table`, `verified` and
 * `notes`; Qualytics' own `message` is left alone, and nothing here can
 * turn a failed export into a success (only successes are looked at).
 */

/**
 * Pauses before looking again at a table that is missing or stale. The
 * export writes its table before Qualytics marks it a success, so a table
 * is normally there at once; the userguide's "in a couple of minutes" is
 * the export's own run time. Two short re-checks (7 s in all) cover a
 * listing that lags the write, without holding a scheduled job for minutes.
 */
const VERIFY_RECHECK_MS: readonly number[] = [2000, 5000]

/** GENERATED_AT may be cut to whole seconds where start_time is not. */
const GENERATED_AT_SLACK_MS = 1000

/** Most verifications in flight at once. */
const VERIFY_PARALLEL = 4

/** One look at one export's table. */
type Look = (
  | { state: 'verified'; table: string }
  | { state: 'missing'; looked: string[] }
  | { state: 'stale'; table: string; newestMs: number; startMs: number }
  /** Cannot tell: endpoints absent, no readable row of this datastore, or a read failed. */
  | { state: 'unknown'; table: string | null; why: string | null }
) & {
  /** Documented columns the rows lack. */
  lacking?: string[]
}

/**
 * Verify every export that succeeded (with or without a message). A
 * missing or stale table makes a success a warning, with a note that
 * names datastore and table; an unknown leaves `verified` null.
 */
async function verifyExports(
  records: readonly OperationRecord[],
  datastores: readonly DatastoreInfo[],
  ctx: RunContext,
  recheckMs: readonly number[] = VERIFY_RECHECK_MS
): Promise<void> {
  const info = new Map(datastores.map(d => [d.id, d]))
  let pending = records.filter(
    r =>
      r.id !== null &&
      (r.result === 'success' || r.result === 'warning') &&
      info.get(r.datastoreId)?.enrichment?.id != null
  )
  const looks = new Map<OperationRecord, Look>()
  const pauses = [...recheckMs]
  for (;;) {
    if (stopped(ctx)) break
    // One listing per enrichment datastore and round: many exports share one.
    const listings = new Map<number, Promise<string[] | null>>()
    await pool(pending, VERIFY_PARALLEL, async record => {
      if (stopped(ctx)) return
      const ds = info.get(record.datastoreId) as DatastoreInfo
      looks.set(record, await lookOnce(record, ds, listings, ctx))
    })
    pending = pending.filter(r => {
      const state = looks.get(r)?.state
      return state === 'missing' || state === 'stale'
    })
    const pause = pauses.shift()
    if (pending.length === 0 || pause === undefined) break
    if (ctx.clock.now() + pause >= ctx.deadline) break
    ctx.hooks.log?.(
      `Looking again in ${pause / 1000} s for the export tables of ${pending.length} export${pending.length === 1 ? '' : 's'}.`
    )
    await ctx.clock.sleep(pause, ctx.signal)
  }
  // Stopped (cancel, deadline): the caller stopped waiting and may be
  // writing the outputs; what was learnt is dropped, rows stay unverified.
  if (ctx.signal?.aborted) return
  for (const [record, look] of looks)
    apply(record, info.get(record.datastoreId) as DatastoreInfo, look, m =>
      ctx.hooks.log?.(m)
    )
}

/**
 * verifyExports, but never waiting past the deadline or a cancel: a read
 * that hangs for its whole request timeout would otherwise hold a
 * cancelled job past the runner's kill. Rows not verified in time stay
 * `verified: null`.
 */
export async function verifyWithin(
  records: readonly OperationRecord[],
  datastores: readonly DatastoreInfo[],
  ctx: RunContext
): Promise<void> {
  const stop = new AbortController()
  const onAbort = (): void => stop.abort()
  if (ctx.signal?.aborted) return
  ctx.signal?.addEventListener('abort', onAbort, { once: true })
  const timer = ctx.clock
    .sleep(Math.max(0, ctx.deadline - ctx.clock.now()), stop.signal)
    .then(onAbort)
  try {
    await Promise.race([
      verifyExports(records, datastores, { ...ctx, signal: stop.signal }),
      timer
    ])
  } finally {
    ctx.signal?.removeEventListener('abort', onAbort)
    stop.abort()
  }
}

function stopped(ctx: RunContext): boolean {
  return Boolean(ctx.signal?.aborted) || ctx.clock.now() >= ctx.deadline
}

async function lookOnce(
  record: OperationRecord,
  ds: DatastoreInfo,
  listings: Map<number, Promise<string[] | null>>,
  ctx: RunContext
): Promise<Look> {
  const enrichmentId = ds.enrichment?.id as number
  const policy = verifyPolicy(ctx.clock.now(), ctx.deadline)
  let table: string | null = null
  try {
    let listing = listings.get(enrichmentId)
    if (!listing) {
      listing = ctx.client.listTables(enrichmentId, policy)
      listings.set(enrichmentId, listing)
    }
    const names = await listing
    if (names === null) return { state: 'unknown', table: null, why: null }
    const prefix = ds.enrichmentPrefix
    table = findExportTable(names, prefix, record.assetType)
    if (table === null)
      return {
        state: 'missing',
        looked: exportTableNames(prefix, record.assetType)
      }
    const read = await ctx.client.tableRows(enrichmentId, table, ds.id, policy)
    if (read === null) return { state: 'unknown', table, why: null }
    const lacking = lackingColumns(read.rows, record.assetType)
    return { ...judge(read, table, ds.id, record.startTime), lacking }
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error)
    return { state: 'unknown', table, why: `could not verify: ${why}` }
  }
}

/**
 * What the rows of this datastore say about the export: only rows whose
 * own datastore id is this datastore's count, and only a time with a zone
 * can show that the table was written after the export started.
 */
function judge(
  read: TableRows,
  table: string,
  datastoreId: number,
  startTime: string | null
): Look {
  const startMs = readServerTime(startTime ?? '')?.ms ?? Number.NaN
  const unknown = (why: string): Look => ({ state: 'unknown', table, why })
  if (Number.isNaN(startMs))
    return unknown(
      `Qualytics gave no start time for the export to compare ${table} with`
    )
  if (read.rows.length === 0)
    return unknown(
      read.filtered
        ? `table ${table} holds no rows of datastore ${datastoreId}, so when it was written cannot be read`
        : `table ${table} holds no rows, so when it was written cannot be read`
    )
  const ours = read.rows.filter(r => r.datastoreId === datastoreId)
  if (ours.length === 0) {
    const others = [
      ...new Set(read.rows.map(r => r.datastoreId).filter(id => id !== null))
    ]
    return unknown(
      others.length > 0
        ? `the rows read from ${table} are of datastore ${others.slice(0, 5).join(', ')}, not ${datastoreId}, so they cannot show that this export wrote it`
        : `the rows of ${table} carry no DATASTORE_ID, so whose they are cannot be told`
    )
  }
  let newestMs: number | null = null
  let zoneless: string | null = null
  for (const { generatedAt: at } of ours) {
    if (at.kind === 'zoned') newestMs = Math.max(newestMs ?? at.ms, at.ms)
    else if (at.kind === 'zoneless') zoneless ??= at.text
  }
  if (newestMs === null)
    return unknown(
      zoneless === null
        ? `the rows of ${table} carry no readable GENERATED_AT`
        : `GENERATED_AT in ${table} (${zoneless}) names no time zone, so it cannot show that the table was written after the export started at ${new Date(startMs).toISOString()}`
    )
  if (newestMs + GENERATED_AT_SLACK_MS < startMs)
    return { state: 'stale', table, newestMs, startMs }
  return { state: 'verified', table }
}

/** Documented columns missing from any of the rows, in documented order. */
function lackingColumns(
  rows: readonly TableRow[],
  assetType: AssetType
): string[] {
  return DOCUMENTED_COLUMNS[assetType].filter(column =>
    rows.some(row => !row.columns.includes(column))
  )
}

/**
 * Write a look into the record. A finding that cannot tell (a time
 * without a zone, rows of another datastore) is a note in the row and the
 * log, not a warning: the export itself may well be fine.
 */
function apply(
  record: OperationRecord,
  ds: DatastoreInfo,
  look: Look,
  log: ((message: string) => void) | undefined
): void {
  const where = `enrichment datastore ${ds.enrichment?.id}${ds.enrichment?.name ? ` (${ds.enrichment.name})` : ''}`
  const what = `Export ${record.id} (${record.assetType} of datastore ${ds.id} (${ds.name}))`
  const check =
    "Check the export's log under Activity in Qualytics and that the enrichment datastore's connection can write; `verify: false` turns this check off."
  let warned = false
  switch (look.state) {
    case 'verified':
      record.table = look.table
      record.verified = true
      break
    case 'unknown':
      record.table = look.table
      record.verified = null
      if (look.why) {
        const note = `Not verified: ${look.why}.`
        record.notes.push(note)
        log?.(`${what}: ${note}`)
      }
      break
    case 'missing':
      record.table = null
      record.verified = false
      record.notes.push(
        `${what} succeeded, but its table is not in ${where}: looked for ${look.looked[0]} (also ${look.looked.slice(1).join(', ')}). ${check}`
      )
      warned = true
      break
    case 'stale':
      record.table = look.table
      record.verified = false
      record.notes.push(
        `${what} succeeded, but table ${look.table} in ${where} was last written at ${new Date(look.newestMs).toISOString()}, before the export started at ${new Date(look.startMs).toISOString()}: the export did not replace it. ${check}`
      )
      warned = true
      break
  }
  if (look.lacking?.length) {
    // Not the table Qualytics documents: whatever its times say, it is not
    // the export's output as the user expects to read it.
    record.verified = false
    record.notes.push(
      `Table ${record.table} in ${where} lacks the column${look.lacking.length === 1 ? '' : 's'} ${look.lacking.join(', ')} that Qualytics documents for the ${record.assetType} export table; whatever reads it may break.`
    )
    warned = true
  }
  // The run still succeeds, as with an empty export, unless fail-on-warning.
  if (warned && record.result === 'success') record.result = 'warning'
}

/** Run `fn` over items, at most `limit` at once. */
async function pool<T>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<void>
): Promise<void> {
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < items.length) await fn(items[next++] as T)
  }
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, worker)
  )
}

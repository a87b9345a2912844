import type { DatastoreInfo } from '../client/client-types.js'
import { listTables, readNewestRows } from '../client/enrichment.js'
import type { OperationRecord, AssetType } from '../types.js'
import { verifyPolicy } from '../client/retry.js'
import type { RunContext } from './context.js'

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
export const VERIFY_RECHECK_MS: readonly number[] = [2000, 5000]

/** GENERATED_AT may be cut to whole seconds where start_time is not. */
export const GENERATED_AT_SLACK_MS = 1000

/** Most verifications in flight at once. */
const VERIFY_PARALLEL = 4

/** One look at one export's table. */
type Look =
  | { state: 'verified'; table: string }
  | { state: 'missing'; looked: string[] }
  | { state: 'stale'; table: string; newestMs: number; startMs: number }
  /** Cannot tell: endpoints absent, no readable row, or a read failed. */
  | { state: 'unknown'; table: string | null; why: string | null }

/**
 * Verify every export that succeeded (with or without a message). A
 * missing or stale table makes a success a warning, with a note that
 * names datastore and table; an unknown leaves `verified` null.
 */
export async function verifyExports(
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
    apply(record, info.get(record.datastoreId) as DatastoreInfo, look)
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
      listing = listTables(ctx.client, enrichmentId, policy)
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
    const rows = await readNewestRows(ctx.client, enrichmentId, table, policy)
    if (rows === null) return { state: 'unknown', table, why: null }
    const startMs = Date.parse(record.startTime ?? '')
    if (Number.isNaN(startMs))
      return {
        state: 'unknown',
        table,
        why: `Qualytics gave no start time for the export to compare ${table} with`
      }
    if (rows.newestMs === null)
      return {
        state: 'unknown',
        table,
        why:
          rows.rows === 0
            ? `table ${table} holds no rows, so when it was written cannot be read`
            : `the rows of ${table} carry no readable GENERATED_AT`
      }
    if (rows.newestMs + GENERATED_AT_SLACK_MS < startMs)
      return { state: 'stale', table, newestMs: rows.newestMs, startMs }
    return { state: 'verified', table }
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error)
    return { state: 'unknown', table, why: `could not verify: ${why}` }
  }
}

/** Write a look into the record. */
function apply(record: OperationRecord, ds: DatastoreInfo, look: Look): void {
  const where = `enrichment datastore ${ds.enrichment?.id}${ds.enrichment?.name ? ` (${ds.enrichment.name})` : ''}`
  const what = `Export ${record.id} (${record.assetType} of datastore ${ds.id} (${ds.name}))`
  const check =
    "Check the export's log under Activity in Qualytics and that the enrichment datastore's connection can write; `verify: false` turns this check off."
  switch (look.state) {
    case 'verified':
      record.table = look.table
      record.verified = true
      return
    case 'unknown':
      record.table = look.table
      record.verified = null
      if (look.why) record.notes.push(`Not verified: ${look.why}.`)
      return
    case 'missing':
      record.table = null
      record.verified = false
      record.notes.push(
        `${what} succeeded, but its table is not in ${where}: looked for ${look.looked[0]} (also ${look.looked.slice(1).join(', ')}). ${check}`
      )
      break
    case 'stale':
      record.table = look.table
      record.verified = false
      record.notes.push(
        `${what} succeeded, but table ${look.table} in ${where} was last written at ${new Date(look.newestMs).toISOString()}, before the export started at ${new Date(look.startMs).toISOString()}: the export did not replace it. ${check}`
      )
      break
  }
  // The run still succeeds, as with an empty export, unless fail-on-warning.
  if (record.result === 'success') record.result = 'warning'
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

/**
 * The names of the export tables in the enrichment datastore. Two naming
 * forms are documented (`_<prefix>_anomalies_export`, newest userguide;
 * `_<prefix>_export_anomalies`, older page), and whether the leading
 * underscore doubles with a prefix that already starts with one is
 * unconfirmed: every variant is a candidate, compared case-insensitively
 * (warehouses such as Snowflake list names in upper case).
 */

/** The product's default prefix. */
export const DEFAULT_PREFIX = '_qualytics'

const ASSET_PART: Record<AssetType, string> = {
  anomalies: 'anomalies',
  checks: 'checks',
  profiles: 'field_profiles'
}

/**
 * The prefix as the product normalises it: snake_case with one leading
 * underscore, at most 60 characters; the default when none is known.
 */
export function normalisePrefix(prefix: string | null | undefined): string {
  const snake = (prefix ?? '')
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
  return snake === '' ? DEFAULT_PREFIX : `_${snake}`.slice(0, 60)
}

/** Candidate table names, most likely first (newest form, single underscore). */
export function exportTableNames(
  prefix: string | null | undefined,
  assetType: AssetType
): string[] {
  const base = normalisePrefix(prefix) // `_qualytics`
  const part = ASSET_PART[assetType]
  const prefixes = [base, `_${base}`]
  return [
    ...prefixes.map(p => `${p}_${part}_export`),
    ...prefixes.map(p => `${p}_export_${part}`)
  ]
}

/**
 * The table an export wrote, among the listed names: the first candidate
 * that is listed (case-insensitively), as the server spells it; null when
 * none is.
 */
export function findExportTable(
  listed: readonly string[],
  prefix: string | null | undefined,
  assetType: AssetType
): string | null {
  const byFolded = new Map<string, string>()
  for (const name of listed) {
    const folded = name.toLowerCase()
    if (!byFolded.has(folded)) byFolded.set(folded, name)
  }
  for (const candidate of exportTableNames(prefix, assetType)) {
    const found = byFolded.get(candidate)
    if (found !== undefined) return found
  }
  return null
}

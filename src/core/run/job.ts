import type { ListedDatastore } from '../client/client-types.js'
import type { DatastoreInfo, PreflightReport, RetryInfo } from '../types.js'
import { QualyticsClient } from '../client/client.js'
import type { Clock } from '../clock.js'
import { overallResult } from '../domain/results.js'
import { verifyWithin } from './verify.js'
import { collisionWarnings, prefixCollisions } from '../domain/export-tables.js'
import type { Redactor } from '../output/redact.js'
import { RETRY_PAUSE_MS, runExports, type RunOutcome } from './runner.js'
import { runContext, type RunHooks } from './context.js'
import { markNotStarted, newRecord } from '../domain/records.js'
import type { PlannedExport } from '../types.js'
import { buildPlan, type ExportConfig } from '../config/config.js'
import { USER_AGENT } from '../version.js'
import type { RunSchedule } from './history.js'
import { ApiError, PreflightError, type DatastoreCheck } from '../errors.js'
import { preflightPolicy } from '../client/retry.js'
import { TOKEN_HINT } from '../config/token.js'

/** What a whole export job came to, for either adapter to report. */
export interface JobOutcome extends RunOutcome {
  preflight: PreflightReport
  /** Datastore names by id, for the summary. */
  datastoreNames: Map<number, string>
  /** Requests sent and retries made. */
  requests: number
  retries: number
  /** The plan run (for `datastore-tags`, of the datastores selected). */
  plan: PlannedExport[]
}

/** What the job needs from the adapter around it. */
export interface JobDeps {
  clock: Clock
  redact: Redactor
  hooks?: RunHooks
  signal?: AbortSignal
  onRetry?: (info: RetryInfo) => void
  /** Told once preflight passed and before anything is triggered. */
  onPreflight?: (report: PreflightReport) => void
  random?: () => number
  /** The cron that started this run (`on.schedule`), for missed runs. */
  schedule?: RunSchedule | null
  /**
   * Findings worth an annotation before the run (tag-selected datastores
   * skipped, export tables shared), with a title when it is not a skip.
   */
  warn?: (message: string, title?: string) => void
}

/**
 * The one core both front ends share: check the token and datastores, then
 * (unless dry-run) trigger and watch every planned export. Throws
 * PreflightError or ApiError when nothing could be started.
 */
export async function runExportJob(
  config: ExportConfig,
  deps: JobDeps
): Promise<JobOutcome> {
  const client = new QualyticsClient({
    apiBase: config.apiBase,
    token: config.token,
    userAgent: USER_AGENT,
    redact: deps.redact,
    clock: deps.clock,
    signal: deps.signal,
    onRetry: deps.onRetry,
    random: deps.random,
    maxRequestRate: config.maxRequestRate,
    requestTimeoutMs: requestTimeoutMs(process.env.QUALYTICS_TIMEOUT)
  })
  try {
    const now = (): number => deps.clock.now()
    const report = await untilCancelled(
      config.datastoreTags.length > 0
        ? preflightByTags(
            client,
            config.datastoreTags,
            now,
            m => deps.warn?.(m),
            m => deps.hooks?.log?.(m)
          )
        : preflight(client, config.datastores, now),
      deps.signal
    )
    // Tag-selected datastores are known only now, in ascending id order.
    const plan = buildPlan(
      report === null || config.datastoreTags.length === 0
        ? config
        : { ...config, datastores: report.datastores.map(d => d.id) }
    )
    if (report === null) {
      // Cancelled before anything started: nothing to abort, nothing to wait for.
      const records = plan.map(p => newRecord(p))
      records.forEach(r => markNotStarted(r, 'cancelled', ''))
      const preflightReport = {
        user: { name: null, role: null },
        datastores: []
      }
      return {
        records,
        result: 'cancelled',
        ended: 'cancelled',
        elapsedMs: 0,
        preflight: preflightReport,
        datastoreNames: new Map(),
        requests: client.stats.requests,
        retries: client.stats.retries,
        plan
      }
    }
    deps.onPreflight?.(report)
    // GitHub shows a step's first ten warnings: a bad fleet gets a few and a count.
    for (const warning of collisionWarnings(
      prefixCollisions(report.datastores)
    ))
      deps.warn?.(warning, 'Export tables shared')
    const datastoreNames = new Map(report.datastores.map(d => [d.id, d.name]))
    let outcome: RunOutcome
    if (config.dryRun) {
      const records = plan.map(p => newRecord(p, 'dry-run'))
      outcome = { records, result: 'dry-run', ended: 'finished', elapsedMs: 0 }
    } else {
      const ctx = runContext({
        client,
        clock: deps.clock,
        timeoutMs: config.timeoutMs,
        signal: deps.signal,
        hooks: deps.hooks,
        random: deps.random
      })
      outcome = await runExports(
        config,
        plan,
        ctx,
        deps.schedule ?? null,
        retryPauseMs(process.env.QUALYTICS_RETRY_PAUSE_MS)
      )
      // Only a run that saw every export end is verified: after a timeout
      // or a cancel there is no time left to look.
      if (config.verify && outcome.ended === 'finished') {
        await verifyWithin(outcome.records, report.datastores, ctx)
        outcome = { ...outcome, result: overallResult(outcome.records) }
      }
    }
    return {
      ...outcome,
      preflight: report,
      datastoreNames,
      requests: client.stats.requests,
      retries: client.stats.retries,
      plan
    }
  } finally {
    client.dispose()
  }
}

/**
 * The pause before a `retry-failed` attempt: 30 s, or
 * `QUALYTICS_RETRY_PAUSE_MS` when it is a number of at least 100 ms (tests
 * and demos only; the contract's pause is at least 30 s).
 */
function retryPauseMs(env: string | undefined): number {
  const ms = Number(env)
  return env && Number.isFinite(ms) && ms >= 100 ? ms : RETRY_PAUSE_MS
}

/** Per-request timeout: QUALYTICS_TIMEOUT seconds (as the vendor CLI reads it), else 30 s. */
function requestTimeoutMs(env: string | undefined): number {
  const seconds = Number(env)
  return env && Number.isFinite(seconds) && seconds > 0
    ? Math.min(seconds, 600) * 1000
    : 30_000
}

/**
 * Settle with the promise's value, or null as soon as the signal aborts: a
 * preflight read may hang for its whole request timeout, longer than a
 * cancelled job lives.
 */
async function untilCancelled<T>(
  promise: Promise<T>,
  signal: AbortSignal | undefined
): Promise<T | null> {
  if (!signal) return promise
  if (signal.aborted) return null
  let onAbort = (): void => undefined
  const aborted = new Promise<null>(resolve => {
    onAbort = () => resolve(null)
    signal.addEventListener('abort', onAbort, { once: true })
  })
  try {
    return await Promise.race([promise, aborted])
  } catch (error) {
    if (signal.aborted) return null
    throw error
  } finally {
    signal.removeEventListener('abort', onAbort)
  }
}

/*
 * Preflight: the token, then each datastore (or the tag selection), read
 * before anything is triggered, so a bad input fails the job with nothing
 * started.
 */

/**
 * Check the token and every datastore before anything is triggered: one
 * datastore without an enrichment link means nothing is exported, so a
 * half-done snapshot never passes for a whole one.
 */
export async function preflight(
  client: QualyticsClient,
  datastoreIds: readonly number[],
  now: () => number
): Promise<PreflightReport> {
  let user: PreflightReport['user']
  try {
    user = await checkToken(client, now)
  } catch (error) {
    throw withChecks(error as Error, datastoreIds, [])
  }
  // Every datastore is read to the end, so a failure can say which passed.
  const settled = await Promise.allSettled(
    datastoreIds.map(id => client.getDatastore(id, preflightPolicy(now())))
  )
  const failedAt = settled.findIndex(s => s.status === 'rejected')
  if (failedAt >= 0) {
    const reason: unknown = (settled[failedAt] as PromiseRejectedResult).reason
    throw withChecks(
      explainDatastoreError(datastoreIds[failedAt]!, reason),
      datastoreIds,
      settled
    )
  }
  const datastores = settled.map(
    s => (s as PromiseFulfilledResult<DatastoreInfo>).value
  )
  const unlinked = datastores.filter(d => d.enrichment === null)
  if (unlinked.length > 0) {
    const names = unlinked.map(d => `${d.id} (${d.name})`).join(', ')
    throw withChecks(
      new PreflightError(
        `Datastore ${names} has no enrichment datastore linked, so there is nowhere to export to. Nothing was exported.`,
        "Link an enrichment datastore in Qualytics (the datastore's Enrichment settings, or PATCH /api/datastores/{id}/enrichment/{enrichment_id}), then run again."
      ),
      datastoreIds,
      settled
    )
  }
  return { user, datastores }
}

/** Attach what each datastore's check found to a PreflightError. */
function withChecks(
  error: Error,
  ids: readonly number[],
  settled: readonly PromiseSettledResult<DatastoreInfo>[]
): Error {
  if (!(error instanceof PreflightError)) return error
  error.checked = ids.map((id, i): DatastoreCheck => {
    const s = settled[i]
    if (!s) return { id, name: null, enrichment: null, outcome: 'unchecked' }
    if (s.status === 'rejected')
      return { id, name: null, enrichment: null, outcome: 'failed' }
    const { name, enrichment } = s.value
    return enrichment === null
      ? { id, name, enrichment: null, outcome: 'unlinked' }
      : { id, name, enrichment: enrichment.name, outcome: 'passed' }
  })
  return error
}

/** GET /api/users/me, with a PreflightError that says what to do on 401 or 403. */
async function checkToken(
  client: QualyticsClient,
  now: () => number
): Promise<PreflightReport['user']> {
  try {
    return await client.me(preflightPolicy(now()))
  } catch (error) {
    throw explainTokenError(error)
  }
}

function explainTokenError(error: unknown): Error {
  if (error instanceof ApiError && error.status === 401) {
    return new PreflightError(
      `The Qualytics token was rejected or has expired (${error.message}).`,
      TOKEN_HINT
    )
  }
  if (error instanceof ApiError && error.status === 403) {
    return new PreflightError(
      `The Qualytics token works but lacks permission to read the current user (${error.message}).`,
      "Use a token of a user with at least the Member role; exporting needs Editor permission on the datastore's team."
    )
  }
  return error instanceof Error ? error : new Error(String(error))
}

/** Why a datastore read in preflight failed, as the user can act on it. */
function explainDatastoreError(id: number, error: unknown): Error {
  if (error instanceof ApiError && error.status === 404) {
    return new PreflightError(
      `Datastore ${id} was not found in Qualytics (${error.message}).`,
      "Check the `datastore` input: use the numeric id shown in the datastore's URL in Qualytics."
    )
  }
  if (error instanceof ApiError && error.status === 403) {
    return new PreflightError(
      `The token may not read datastore ${id} (${error.message}).`,
      "Give the token's user Editor permission on the team that owns the datastore."
    )
  }
  return error instanceof Error ? error : new Error(String(error))
}

/**
 * `datastore-tags`: which datastores a run exports, from the paginated
 * datastore list. Resolved before anything is triggered; the list stands in
 * for the per-datastore GETs of preflight, so a fleet of 1,000 costs one
 * request per page.
 */

/** What the tags select, before the detail of any datastore is read. */
export interface TagChoice {
  /** Carry a tag and have an enrichment link: exported, ascending ids. */
  linked: ListedDatastore[]
  /** Carry a tag, no enrichment link: skipped with a warning. */
  unlinked: ListedDatastore[]
  /** Carry a tag but are enrichment datastores themselves: never exported. */
  enrichmentOnly: ListedDatastore[]
  /** Carry a tag; the list item does not say whether they are linked. */
  unknown: ListedDatastore[]
}

/**
 * Sort the list by the tags (names compared case-insensitively, any one
 * tag suffices), in ascending id order. Pure: the list is filtered here
 * whatever the server did with a filter.
 */
export function chooseByTags(
  listed: readonly ListedDatastore[],
  tags: readonly string[]
): TagChoice {
  const wanted = new Set(tags.map(foldTag))
  const choice: TagChoice = {
    linked: [],
    unlinked: [],
    enrichmentOnly: [],
    unknown: []
  }
  const carrying = listed
    .filter(d => d.tags.some(t => wanted.has(foldTag(t))))
    .sort((a, b) => a.id - b.id)
  for (const d of carrying) {
    if (d.enrichmentOnly) choice.enrichmentOnly.push(d)
    else if (d.enrichment === undefined) choice.unknown.push(d)
    else if (d.enrichment === null) choice.unlinked.push(d)
    else choice.linked.push(d)
  }
  return choice
}

/** Tag names compare case-insensitively (and without surrounding space). */
function foldTag(tag: string): string {
  return tag.trim().toLocaleLowerCase('en-US')
}

/** `42 (Sales), 43 (Marketing)`, at most `limit` named. */
export function nameList(
  datastores: readonly { id: number; name: string }[],
  limit = 20
): string {
  const named = datastores
    .slice(0, limit)
    .map(d => `${d.id} (${d.name})`)
    .join(', ')
  const more = datastores.length - limit
  return more > 0 ? `${named} and ${more} more` : named
}

/**
 * Preflight for `datastore-tags`: the token, then every page of the list,
 * then the selection. Throws PreflightError when the list cannot be read
 * whole, when no datastore carries a tag, or when none of those is linked.
 * `warn` hears of skipped datastores (a `::warning::` in the action).
 */
async function preflightByTags(
  client: QualyticsClient,
  tags: readonly string[],
  now: () => number,
  warn: (message: string) => void,
  log: (message: string) => void = () => undefined
): Promise<PreflightReport> {
  const user = await checkToken(client, now)
  let listed: ListedDatastore[]
  try {
    listed = await client.listDatastores(() => preflightPolicy(now()))
  } catch (error) {
    throw explainListError(error)
  }
  const choice = chooseByTags(listed, tags)
  // A list item without `enrich_datastore` cannot tell; the detail can.
  const details = await Promise.all(
    choice.unknown.map(async d => {
      try {
        return await client.getDatastore(d.id, preflightPolicy(now()))
      } catch (error) {
        throw explainDatastoreError(d.id, error)
      }
    })
  )
  const linked: DatastoreInfo[] = [
    ...choice.linked.map(toInfo),
    ...details.filter(d => d.enrichment !== null)
  ].sort((a, b) => a.id - b.id)
  const unlinked = [
    ...choice.unlinked,
    ...details.filter(d => d.enrichment === null)
  ].sort((a, b) => a.id - b.id)
  const shown = tags.join(', ')
  if (choice.enrichmentOnly.length > 0)
    log(
      `Not exported: ${nameList(choice.enrichmentOnly)} carry the tags but are enrichment datastores.`
    )
  if (linked.length === 0 && unlinked.length === 0) {
    throw new PreflightError(
      `No source datastore carries any of the tags ${shown} (${listed.length} datastores listed). Nothing was exported.`,
      'Check the `datastore-tags` input against the tags on the datastores in Qualytics (names compare case-insensitively), or name the datastores with `datastore`.'
    )
  }
  if (linked.length === 0) {
    throw new PreflightError(
      `Every datastore with the tags ${shown} has no enrichment datastore linked: ${nameList(unlinked)}. Nothing was exported.`,
      "Link an enrichment datastore in Qualytics (the datastore's Enrichment settings, or PATCH /api/datastores/{id}/enrichment/{enrichment_id}), then run again."
    )
  }
  if (unlinked.length > 0)
    warn(
      `Skipped ${unlinked.length} datastore${unlinked.length === 1 ? '' : 's'} with the tags ${shown} that ha${unlinked.length === 1 ? 's' : 've'} no enrichment datastore linked: ${nameList(unlinked)}. Link one in Qualytics to export ${unlinked.length === 1 ? 'it' : 'them'}.`
    )
  return { user, datastores: linked }
}

function toInfo(d: ListedDatastore): DatastoreInfo {
  return {
    id: d.id,
    name: d.name,
    enrichment: d.enrichment ?? null,
    enrichmentPrefix: d.enrichmentPrefix
  }
}

/** A list that cannot be read whole is "cannot tell": nothing is exported. */
function explainListError(error: unknown): Error {
  if (error instanceof ApiError && error.status === 403) {
    return new PreflightError(
      `The token may not list datastores (${error.message}). Nothing was exported.`,
      "Give the token's user permission to read the datastores, or name them with the `datastore` input."
    )
  }
  if (error instanceof ApiError && error.status === 404) {
    return new PreflightError(
      `This Qualytics has no datastore list to select by tag from (${error.message}). Nothing was exported.`,
      'Name the datastores with the `datastore` input instead of `datastore-tags`.'
    )
  }
  const why = error instanceof Error ? error.message : String(error)
  return new PreflightError(
    `The datastore list could not be read whole, so the datastores with these tags cannot be told (${why}). Nothing was exported.`,
    'Re-run the workflow; if it persists, name the datastores with the `datastore` input.'
  )
}

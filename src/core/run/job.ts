import type { RetryInfo } from '../client/client-types.js'
import { QualyticsClient } from '../client/client.js'
import type { Clock } from '../clock.js'
import { buildPlan } from '../config/plan.js'
import { preflight, type PreflightReport } from './preflight.js'
import { overallResult } from '../domain/results.js'
import { preflightByTags } from './select.js'
import { verifyWithin } from './verify.js'
import type { Redactor } from '../output/redact.js'
import { runExports, type RunHooks, type RunOutcome } from './runner.js'
import { markNotStarted, newRecord } from '../domain/records.js'
import type { ExportConfig, PlannedExport } from '../types.js'
import { USER_AGENT } from '../version.js'
import type { RunSchedule } from './history-apply.js'

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
  /** Findings worth an annotation before the run (tag-selected datastores skipped). */
  warn?: (message: string) => void
  /** Plain log lines of the job itself (verification). */
  log?: (message: string) => void
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
            m => deps.log?.(m)
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
    const datastoreNames = new Map(report.datastores.map(d => [d.id, d.name]))
    let outcome: RunOutcome
    if (config.dryRun) {
      const records = plan.map(p => newRecord(p, 'dry-run'))
      outcome = { records, result: 'dry-run', ended: 'finished', elapsedMs: 0 }
    } else {
      const deadline = deps.clock.now() + config.timeoutMs
      outcome = await runExports(config, plan, {
        client,
        clock: deps.clock,
        hooks: deps.hooks,
        signal: deps.signal,
        random: deps.random,
        schedule: deps.schedule ?? null
      })
      // Only a run that saw every export end is verified: after a timeout
      // or a cancel there is no time left to look.
      if (config.verify && outcome.ended === 'finished') {
        await verifyWithin(outcome.records, report.datastores, {
          client,
          clock: deps.clock,
          deadline,
          signal: deps.signal,
          log: deps.log
        })
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

/** Per-request timeout: QUALYTICS_TIMEOUT seconds (as the vendor CLI reads it), else 30 s. */
export function requestTimeoutMs(env: string | undefined): number {
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

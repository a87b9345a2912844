import { formatDuration } from '../config/duration.js'
import { whenInZone } from '../schedule/zone-time.js'
import { RESULT_ICON } from './summary-text.js'
import { durationSeconds, isFailing } from '../domain/results.js'
import type { RetryInfo } from '../types.js'
import type { PreflightReport } from '../types.js'
import type { OperationRecord, PlannedExport, Result } from '../types.js'
import type { ExportConfig } from '../config/config.js'

/** `anomalies of datastore 42 (Sales Warehouse)` */
export function exportLabel(
  record: OperationRecord,
  names: ReadonlyMap<number, string>
): string {
  const name = names.get(record.datastoreId)
  return `${record.assetType} of datastore ${record.datastoreId}${name ? ` (${name})` : ''}`
}

/**
 * One line for an export's state, for logs and terminals:
 * `✅ Export 1001 · checks of datastore 42 (Sales): success after 2.5 s`.
 * `runningMs` shows a live clock on a running export (terminal progress).
 */
export function describeChange(
  record: OperationRecord,
  names: ReadonlyMap<number, string>,
  runningMs?: number
): string {
  // Not triggered yet (waiting for a max-parallel slot), or waiting in
  // Qualytics' own queue for a worker: two different waits, named apart.
  const notStarted = record.id === null && record.result === 'running'
  const queued = record.result === 'running' && record.queued === true
  const icon = notStarted || queued ? '○' : RESULT_ICON[record.result]
  const id = record.id === null ? 'Export' : `Export ${record.id}`
  const took = durationSeconds(record)
  const state = notStarted
    ? 'not started yet'
    : queued
      ? 'queued in Qualytics'
      : record.result === 'running' && runningMs !== undefined
        ? `running ${formatDuration(Math.max(0, runningMs))}`
        : record.result
  const after =
    took === null || record.result === 'running'
      ? ''
      : ` after ${formatDuration(took * 1000)}`
  const said = [record.message, ...record.notes].filter(Boolean).join(' — ')
  const message = said ? ` — ${said}` : ''
  return `${icon} ${id} · ${exportLabel(record, names)}: ${state}${after}${message}`
}

/**
 * The run in one sentence, naming the ids of every export that did not end
 * well, grouped by result: `2 of 3 exports failed: timeout 1002 after 30 min;
 * failure 1003.`
 */
export function verdict(
  records: readonly OperationRecord[],
  result: Result,
  elapsedMs: number | null
): string {
  const bad = records.filter(r => isFailing(r.result, false))
  const took = elapsedMs === null ? '' : ` (${formatDuration(elapsedMs)})`
  const total = `${records.length} export${records.length === 1 ? '' : 's'}`
  if (bad.length === 0) {
    return `${total} ended ${result === 'running' ? 'triggered and left running' : `with result ${result}`}${took}.`
  }
  const groups = new Map<Result, string[]>()
  for (const r of bad)
    groups.set(r.result, [
      ...(groups.get(r.result) ?? []),
      r.id === null
        ? `(not started: ${r.assetType} of ${r.datastoreId})`
        : String(r.id)
    ])
  const listed = [...groups]
    .map(([res, ids]) => `${res} ${ids.join(', ')}`)
    .join('; ')
  const after = elapsedMs === null ? '' : ` after ${formatDuration(elapsedMs)}`
  return `${bad.length} of ${total} did not succeed${after}: ${listed}.`
}

/** One line for a retry: `Retrying GET /api/users/me in 1.2 s (attempt 1 failed: ...)`. */
export function describeRetry(retry: RetryInfo): string {
  return `Retrying ${retry.what} in ${formatDuration(retry.delayMs)} (attempt ${retry.attempt} failed: ${retry.reason})`
}

/** The plan in one line, before preflight: `Plan: 6 exports (anomalies, checks, profiles) of datastore 42, 43 on …`. */
export function describePlan(
  config: Pick<
    ExportConfig,
    'assetTypes' | 'datastores' | 'datastoreTags' | 'origin'
  >,
  plan: readonly PlannedExport[]
): string {
  if (config.datastoreTags.length > 0)
    return `${config.assetTypes.join(', ')} of every datastore with the tags ${config.datastoreTags.join(', ')} on ${config.origin}`
  return `${plan.length} export${plan.length === 1 ? '' : 's'} (${config.assetTypes.join(', ')}) of datastore ${config.datastores.join(', ')} on ${config.origin}`
}

/** Datastores named in one preflight line at the most (a tag may select hundreds). */
const NAMED_DATASTORES = 20

/** What preflight found, in one line: the user and where each datastore exports to. */
export function describePreflight(report: PreflightReport): string {
  const { user, datastores } = report
  const who = user.name
    ? ` (user ${user.name}${user.role ? `, ${user.role}` : ''})`
    : ''
  const shown = datastores.slice(0, NAMED_DATASTORES)
  const more = datastores.length - shown.length
  const where = shown
    .map(
      d =>
        `datastore ${d.id} (${d.name}) exports to ${d.enrichment?.name ?? `enrichment datastore ${d.enrichment?.id}`}`
    )
    .join('; ')
  return `Token accepted${who}; ${where}${more > 0 ? `; and ${more} more datastores` : ''}.`
}

/**
 * `This run belongs to the schedule's slot of Mon 2026-11-30 06:00 UTC and
 * started 4 h 46 min after it.`: how late GitHub started a scheduled run.
 * Null when the run was not scheduled or the slot is unknown.
 */
export function lateLine(
  schedule: {
    scheduledAt?: string | null
    lateSeconds?: number | null
    timezone: string
  } | null
): string | null {
  if (!schedule?.scheduledAt || schedule.lateSeconds == null) return null
  const slot = whenInZone(schedule.scheduledAt, schedule.timezone)
  const late = schedule.lateSeconds
  const by =
    late < 60
      ? 'on time (within a minute)'
      : `${formatDuration(late * 1000)} after it`
  return `This run belongs to the schedule's slot of ${slot} and started ${by}.`
}

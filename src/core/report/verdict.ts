import { formatDuration } from '../config/duration.js'
import { RESULT_ICON } from './summary.js'
import { durationSeconds, isFailing } from './results.js'
import type { RetryInfo } from '../client/client-types.js'
import type { OperationRecord, Result } from '../types.js'

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
  const queued = record.id === null && record.result === 'running'
  const icon = queued ? '○' : RESULT_ICON[record.result]
  const id = record.id === null ? 'Export' : `Export ${record.id}`
  const took = durationSeconds(record)
  const state = queued
    ? 'queued'
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
  elapsedMs: number
): string {
  const bad = records.filter(r => isFailing(r.result, false))
  const total = `${records.length} export${records.length === 1 ? '' : 's'}`
  if (bad.length === 0) {
    return `${total} ended ${result === 'running' ? 'triggered and left running' : `with result ${result}`} (${formatDuration(elapsedMs)}).`
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
  return `${bad.length} of ${total} did not succeed after ${formatDuration(elapsedMs)}: ${listed}.`
}

/** One line for a retry: `Retrying GET /api/users/me in 1.2 s (attempt 1 failed: ...)`. */
export function describeRetry(retry: RetryInfo): string {
  return `Retrying ${retry.what} in ${formatDuration(retry.delayMs)} (attempt ${retry.attempt} failed: ${retry.reason})`
}

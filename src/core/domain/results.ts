import type { Operation, OperationRecord, Result } from '../types.js'

/**
 * Worst first: the overall result is the first of these any export has,
 * and the summary lists rows in this order. `dry-run` only ever stands
 * alone.
 */
export const WORST_FIRST: readonly Result[] = [
  'failure',
  'cancelled',
  'timeout',
  'aborted',
  'warning',
  'running',
  'dry-run',
  'success'
]

/**
 * An operation has ended when `end_time` is set or `result` is `success`,
 * `failure` or `aborted` (qualytics-api.md, "Results and the terminal
 * test"). `queued`, `running` and any word the action does not know, while
 * `end_time` is null, mean it is still going: only the timeout bounds that.
 */
export function isTerminal(op: Operation): boolean {
  return op.ended || hasOutcomeWord(op)
}

/**
 * Why an ended export whose `result` is not an outcome word counts as a
 * failure (null when the word is an outcome, or the export has not ended).
 */
export function unknownEnd(op: Operation): string | null {
  if (!op.ended || hasOutcomeWord(op)) return null
  return `ended (end_time set) with result ${op.resultText}, which is not success, failure or aborted`
}

function hasOutcomeWord(op: Operation): boolean {
  return (
    op.result === 'success' ||
    op.result === 'failure' ||
    op.result === 'aborted'
  )
}

/**
 * The action's word for an API operation: a success that carries a message
 * is a warning (the vendor CLI reads it the same way).
 */
export function classify(op: Operation): Result {
  switch (op.result) {
    case 'success':
      return op.message ? 'warning' : 'success'
    case 'failure':
      return 'failure'
    case 'aborted':
      return 'aborted'
    case 'queued':
    case 'running':
      // end_time set while result still says queued or running: trust
      // end_time, but never call it a success without the server saying so.
      return op.ended ? 'failure' : 'running'
    case null:
      // A word the action does not know: never a success it did not state.
      return op.ended ? 'failure' : 'running'
  }
}

/** The worst result among the records; `success` for none. */
export function overallResult(records: readonly { result: Result }[]): Result {
  if (records.length > 0 && records.every(r => r.result === 'dry-run')) {
    return 'dry-run'
  }
  let worst = WORST_FIRST.length - 1
  for (const { result } of records) {
    const rank = WORST_FIRST.indexOf(result)
    if (rank >= 0 && rank < worst) worst = rank
  }
  return WORST_FIRST[worst] ?? 'success'
}

/** Whether a run with this overall result fails the step. */
export function isFailing(result: Result, failOnWarning: boolean): boolean {
  switch (result) {
    case 'failure':
    case 'aborted':
    case 'timeout':
    case 'cancelled':
      return true
    case 'warning':
      return failOnWarning
    default:
      return false
  }
}

/** Seconds between start and end, when both are known and sane. */
export function durationSeconds(record: OperationRecord): number | null {
  if (!record.startTime || !record.endTime) return null
  const ms = Date.parse(record.endTime) - Date.parse(record.startTime)
  return Number.isFinite(ms) && ms >= 0 ? Math.round(ms / 100) / 10 : null
}

/** One row of the `operations` output, with the contract's snake_case names. */
export function toOutputRow(record: OperationRecord): Record<string, unknown> {
  return {
    id: record.id,
    datastore_id: record.datastoreId,
    asset_type: record.assetType,
    result: record.result,
    message: record.message,
    start_time: record.startTime,
    end_time: record.endTime,
    duration_seconds: durationSeconds(record),
    total_containers: record.totalContainers,
    count: record.count,
    last_success_at: record.lastSuccessAt,
    missed_runs: record.missedRuns,
    adopted: record.adopted,
    table: record.table,
    verified: record.verified,
    reused: record.reused,
    attempts: record.attempts,
    retried_ids: record.retriedIds,
    // The action's own findings, apart from Qualytics' message.
    notes: record.notes
  }
}

import { classify, isTerminal, unknownEnd } from './results.js'
import type {
  Operation,
  OperationRecord,
  PlannedExport,
  Result
} from '../types.js'

/** What an abort request came to for one export. */
export type AbortOutcome =
  | { state: 'requested'; operation: Operation }
  | { state: 'already-ended'; operation: Operation }
  | { state: 'failed'; error: string }

/** A row for a planned export that has not been triggered yet. */
export function newRecord(
  planned: Pick<PlannedExport, 'datastoreId' | 'assetType'>,
  result: Result = 'running'
): OperationRecord {
  return {
    datastoreId: planned.datastoreId,
    assetType: planned.assetType,
    id: null,
    result,
    message: null,
    startTime: null,
    endTime: null,
    totalContainers: null,
    count: null,
    adopted: false,
    queued: false,
    lastSuccessAt: null,
    missedRuns: null,
    table: null,
    verified: null,
    reused: false,
    attempts: 0,
    retriedIds: [],
    notes: []
  }
}

/**
 * Copy what the server said into the record. Returns whether the export
 * has ended. A field the server left out keeps what was known before.
 */
export function applyOperation(
  record: OperationRecord,
  op: Operation
): boolean {
  applyFields(record, op)
  record.result = classify(op)
  const ended = isTerminal(op)
  record.queued = op.result === 'queued' && !ended
  const why = unknownEnd(op)
  if (why && !record.notes.includes(why)) record.notes.push(why)
  return ended
}

/**
 * Copy the times, message and container count the server sent, leaving
 * the result alone (an answer whose `result` word is unknown still tells
 * when the export started). Nothing the server sent before is dropped.
 */
export function applyFields(record: OperationRecord, op: Operation): void {
  record.startTime = op.startTime ?? record.startTime
  record.endTime = op.endTime ?? record.endTime
  record.message = op.message ?? record.message
  record.totalContainers = op.totalContainers ?? record.totalContainers
}

/**
 * Mark an export that was still running when the run stopped (timeout or
 * cancel), saying what became of the abort. Returns false when the abort
 * answer shows it had ended after all (the record then holds that end).
 */
export function markStopped(
  record: OperationRecord,
  result: 'timeout' | 'cancelled',
  waited: string,
  abort: boolean,
  outcome: AbortOutcome | undefined
): boolean {
  if (outcome?.state === 'already-ended') {
    applyOperation(record, outcome.operation)
    return false
  }
  const state = record.queued ? 'queued' : 'running'
  record.result = result
  // The post step tries again for aborts that did not get through.
  record.abortPending = abort && outcome?.state !== 'requested'
  const why =
    result === 'timeout'
      ? `${record.queued ? 'still queued after' : 'still running after'} ${waited}`
      : `the run was cancelled${record.queued ? ' while the export was queued' : ''}`
  record.queued = false
  const input = result === 'timeout' ? 'abort-on-timeout' : 'abort-on-cancel'
  if (record.adopted) {
    // Followed, not started by this run: someone else's export to stop.
    record.abortPending = false
    record.notes.push(
      `${why}; left ${state} in Qualytics: this run did not start it (adopted), so it never aborts it`
    )
    return true
  }
  record.notes.push(
    !abort
      ? `${why}; left ${state} in Qualytics (${input}: false)`
      : outcome?.state === 'requested'
        ? `${why}; abort requested`
        : `${why}; abort failed: ${outcome?.state === 'failed' ? outcome.error : 'no answer'}`
  )
  return true
}

/**
 * Report an earlier export that `skip-if-fresh` found fresh enough, in place
 * of triggering one; `window` is the input's value as the user reads it.
 */
export function markReused(
  record: OperationRecord,
  fresh: Operation,
  window: string
): void {
  applyOperation(record, fresh)
  record.id = fresh.id
  record.reused = true
  record.notes.push(
    `reused export ${fresh.id}, which succeeded at ${fresh.endTime ?? '?'} (skip-if-fresh: ${window}); nothing was triggered`
  )
}

/**
 * Ready a failed row for another attempt (`retry-failed`): what the server
 * said of the failed attempt goes, its id and why it failed stay in the row.
 */
export function markRetried(record: OperationRecord): void {
  record.notes.push(
    `attempt ${record.attempts} (export ${record.id}) failed${record.message ? `: ${record.message}` : ''}; triggered again (retry-failed)`
  )
  record.retriedIds.push(record.id as number)
  Object.assign(record, {
    id: null,
    result: 'running',
    message: null,
    startTime: null,
    endTime: null,
    totalContainers: null,
    count: null,
    table: null,
    verified: null
  })
}

/** Mark an export that never started because the run stopped first. */
export function markNotStarted(
  record: OperationRecord,
  result: 'timeout' | 'cancelled',
  waited: string
): void {
  record.result = result
  record.notes.push(
    result === 'timeout'
      ? `not started: the timeout (${waited}) came first`
      : 'not started: the run was cancelled'
  )
}

/**
 * Mark an export whose trigger was still on the wire when the run stopped:
 * it may have started, and nothing here can tell or abort it.
 */
export function markUnknown(
  record: OperationRecord,
  result: 'timeout' | 'cancelled',
  waited: string
): void {
  record.result = result
  record.notes.push(
    `may have started: its request was still open when the run stopped after ${waited}; check Activity in Qualytics`
  )
}

/**
 * An export of anomalies or checks when Qualytics held none replaced the
 * export table with an empty one: worth a warning, not a silent success.
 */
export function flagEmptyExports(records: OperationRecord[]): void {
  for (const record of records) {
    if (record.result === 'success' && record.count === 0) {
      record.result = 'warning'
      // Qualytics' own message stays as it was: this finding is the action's.
      record.notes.push(
        `Qualytics held no ${record.assetType} for datastore ${record.datastoreId} at export time, so the export wrote an empty table.`
      )
    }
  }
}

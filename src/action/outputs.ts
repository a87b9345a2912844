import { operationsJson } from '../core/output/records.js'
import { selectionOutputs } from '../core/report/matrix.js'
import type { OperationRecord, Result } from '../core/types.js'
import type { ActionWriter } from './writer.js'

/** Output names of action.yml. */
export const Outputs = {
  Result: 'result',
  OperationId: 'operation-id',
  OperationIds: 'operation-ids',
  Operations: 'operations',
  NextRun: 'next-run',
  ScheduledAt: 'scheduled-at',
  Datastores: 'datastores',
  Matrix: 'matrix'
} as const

/**
 * Set the id outputs as soon as ids are known, so a later `if: failure()`
 * or `if: cancelled()` step still sees them when this step dies.
 */
export function setIdOutputs(
  records: readonly OperationRecord[],
  out: ActionWriter
): void {
  const ids = records.flatMap(r => (r.id === null ? [] : [r.id]))
  out.output(Outputs.OperationId, ids[0] === undefined ? '' : String(ids[0]))
  out.output(Outputs.OperationIds, ids.join(','))
}

/**
 * Everything at the end of a run; `operations` in plan order, each field
 * redacted before it is JSON-escaped, messages capped, the whole inside
 * GitHub's 1 MB per output and still valid JSON.
 */
export function setFinalOutputs(
  result: Result,
  records: readonly OperationRecord[],
  out: ActionWriter
): void {
  setIdOutputs(records, out)
  out.jsonOutput(Outputs.Operations, operationsJson(records, out.redact))
  out.output(Outputs.Result, result)
}

/**
 * `datastores` and `matrix`, once preflight knows the plan's datastores
 * (also in a dry run, which is what a fan-out's first job is for).
 */
export function setSelectionOutputs(
  ids: readonly number[],
  out: ActionWriter
): void {
  const { datastores, matrix } = selectionOutputs(ids)
  out.jsonOutput(Outputs.Datastores, datastores)
  out.jsonOutput(Outputs.Matrix, matrix)
}

import * as core from '@actions/core'
import type { Redactor } from '../core/output/redact.js'
import { toOutputRow } from '../core/report/results.js'
import type { OperationRecord, Result } from '../core/types.js'
import { Outputs } from './constants.js'

/**
 * Set the id outputs as soon as ids are known, so a later `if: failure()`
 * or `if: cancelled()` step still sees them when this step dies.
 */
export function setIdOutputs(records: readonly OperationRecord[]): void {
  const ids = records.flatMap(r => (r.id === null ? [] : [r.id]))
  core.setOutput(
    Outputs.OperationId,
    ids[0] === undefined ? '' : String(ids[0])
  )
  core.setOutput(Outputs.OperationIds, ids.join(','))
}

/** Everything at the end of a run; `operations` in plan order, redacted. */
export function setFinalOutputs(
  result: Result,
  records: readonly OperationRecord[],
  redact: Redactor
): void {
  setIdOutputs(records)
  core.setOutput(
    Outputs.Operations,
    redact(JSON.stringify(records.map(toOutputRow)))
  )
  core.setOutput(Outputs.Result, result)
}

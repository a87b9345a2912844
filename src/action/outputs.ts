import * as core from '@actions/core'
import type { Redactor } from '../core/redact.js'
import { toOutputRow } from '../core/results.js'
import type { OperationRecord, Result } from '../core/types.js'
import { Outputs } from './constants.js'

/**
 * Set the id outputs (and the rows so far) as soon as ids are known, so a
 * later `if: failure()` or `if: cancelled()` step still sees them when this
 * step dies.
 */
export function setIdOutputs(
  records: readonly OperationRecord[],
  redact: Redactor
): void {
  const ids = records.flatMap(r => (r.id === null ? [] : [r.id]))
  core.setOutput(
    Outputs.OperationId,
    ids[0] === undefined ? '' : String(ids[0])
  )
  core.setOutput(Outputs.OperationIds, ids.join(','))
  setOperationsOutput(records, redact)
}

/** The `operations` JSON output: one row per planned export, in plan order. */
export function setOperationsOutput(
  records: readonly OperationRecord[],
  redact: Redactor
): void {
  core.setOutput(
    Outputs.Operations,
    redact(JSON.stringify(records.map(toOutputRow)))
  )
}

/** Everything at the end of a run. */
export function setFinalOutputs(
  result: Result,
  records: readonly OperationRecord[],
  redact: Redactor
): void {
  setIdOutputs(records, redact)
  core.setOutput(Outputs.Result, result)
}

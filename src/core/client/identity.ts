/**
 * Identity against the plan, checked once, right after the client parsed
 * an answer. Nothing read from the wire decides identity alone: a list
 * filter the server may ignore is re-checked on every item.
 */
import type { Operation } from '../types.js'

/** Which export the plan asked for. */
export interface PlannedIdentity {
  datastoreId: number
  assetType: string
}

/**
 * A list item is evidence of an export of this datastore and asset type
 * only when it says so: `type` export, and the datastore and asset type
 * present and equal. An item without them is not evidence of anything.
 */
export function isExportOf(op: Operation, planned: PlannedIdentity): boolean {
  return (
    op.type === 'export' &&
    op.datastoreId === planned.datastoreId &&
    op.assetType === planned.assetType
  )
}

/**
 * For a status read of an id this run holds: what the answer says that
 * contradicts the plan, or null. Absent fields contradict nothing (the id
 * came from our own POST); a present, different one means the answer is not
 * about this export.
 */
export function identityMismatch(
  op: Operation,
  planned: PlannedIdentity
): string | null {
  const wrong: string[] = []
  if (op.type !== null && op.type !== 'export') wrong.push(`type ${op.type}`)
  if (op.datastoreId !== null && op.datastoreId !== planned.datastoreId)
    wrong.push(`datastore ${op.datastoreId}`)
  if (op.assetType !== null && op.assetType !== planned.assetType)
    wrong.push(`asset type ${op.assetType}`)
  return wrong.length === 0
    ? null
    : `the answer for operation ${op.id} names ${wrong.join(', ')}, not ${planned.assetType} of datastore ${planned.datastoreId}`
}

/**
 * Work the run starts beside its loop and collects at the end: the count
 * of what Qualytics holds for an export, and the abort of an export whose
 * status could not be read. Neither ever holds up the loop.
 */
import type { QualyticsClient } from '../client/client.js'
import { readPolicy } from '../client/retry.js'
import { abortOperations } from './stopping.js'
import type { ExportConfig, OperationRecord, PlannedExport } from '../types.js'

/** An export the watch gave up on gets this long for its abort. */
const ABANDON_ABORT_MS = 5000
/** A count read gets at most this long: it is a nicety. */
const COUNT_READ_MS = 10_000

/**
 * How many anomalies or checks Qualytics holds now, into `record.count`;
 * null (no read) for profiles and for tag-filtered exports, whose count
 * the endpoints cannot give (they filter by container id, not by tag).
 */
export function startCount(
  client: QualyticsClient,
  config: Pick<ExportConfig, 'containers' | 'containerTags'>,
  { assetType, datastoreId }: PlannedExport,
  record: OperationRecord,
  { now, deadline }: { now: number; deadline: number }
): Promise<void> | null {
  if (assetType === 'profiles' || config.containerTags.length > 0) return null
  const policy = readPolicy(2, Math.min(deadline, now + COUNT_READ_MS))
  return client
    .countAssets(assetType, datastoreId, config.containers, policy)
    .then(n => void (record.count = n))
}

/**
 * The watch gave up on an export it cannot read. The run stops waiting
 * for it, as on a timeout: abort it under abort-on-timeout, or say it may
 * still be running. Never left running unwatched and unnamed.
 */
export function abandonExport(
  client: QualyticsClient,
  record: OperationRecord,
  abortOnTimeout: boolean
): Promise<void> | null {
  const id = record.id as number
  if (!abortOnTimeout) {
    record.notes.push(
      `Export ${id} may still be running in Qualytics (abort-on-timeout: false); check Activity.`
    )
    return null
  }
  return abortOperations(client, [id], ABANDON_ABORT_MS).then(outcomes => {
    const outcome = outcomes.get(id)
    record.notes.push(
      outcome?.state === 'failed'
        ? `Abort of export ${id} failed (${outcome.error}); it may still be running in Qualytics.`
        : `Abort of export ${id} requested, since its status could not be read.`
    )
    if (outcome?.state === 'failed') record.abortPending = true
  })
}

import type { QualyticsClient } from '../client/client.js'
import type { AbortOutcome } from '../domain/records.js'
import type { OperationRecord, PlannedExport } from '../types.js'
import type { ExportConfig } from '../config/config.js'
import { countPolicy } from '../client/retry.js'
import type { RunContext } from './context.js'

/**
 * Ask Qualytics to abort these operations, all at once, giving up after
 * `budgetMs` (a cancelled job is killed about ten seconds after SIGINT, so
 * the abort must leave well before). Abort is asynchronous and best-effort
 * on the server: an answer still `running` means "requested".
 */
export async function abortOperations(
  client: QualyticsClient,
  ids: readonly number[],
  budgetMs: number
): Promise<Map<number, AbortOutcome>> {
  const outcomes = new Map<number, AbortOutcome>()
  let timer: NodeJS.Timeout | undefined
  const overdue = new Promise<void>(resolve => {
    timer = setTimeout(resolve, budgetMs)
  })
  await Promise.race([
    Promise.all(
      ids.map(async id => {
        try {
          const operation = await client.abort(id)
          outcomes.set(id, {
            state:
              operation.result === 'success' || operation.result === 'failure'
                ? 'already-ended'
                : 'requested',
            operation
          })
        } catch (error) {
          outcomes.set(id, {
            state: 'failed',
            error: error instanceof Error ? error.message : String(error)
          })
        }
      })
    ),
    overdue
  ])
  clearTimeout(timer)
  for (const id of ids) {
    if (!outcomes.has(id))
      outcomes.set(id, {
        state: 'failed',
        error: `no answer within ${budgetMs} ms`
      })
  }
  return outcomes
}

/*
 * Stopping on a cancel is bounded phase by phase, well inside the 7.5 s
 * GitHub leaves between SIGINT and SIGTERM: triggers on the wire (their
 * requests are cancelled by the signal at once) 1 s, aborts 3 s, counts
 * and other late reads 0.5 s: 4.5 s in the worst case, plus writing the
 * outputs and summary.
 */

/** How long aborts may take when the run is cancelled. */
export const CANCEL_ABORT_BUDGET_MS = 3000
/** How long a cancel waits for triggers already on the wire. */
export const CANCEL_TRIGGER_GRACE_MS = 1000
/** After a cancel, counts and other late reads get this long. */
export const CANCEL_READS_BUDGET_MS = 500
/** How long aborts may take after the timeout. */
export const TIMEOUT_ABORT_BUDGET_MS = 10_000
/** After a timeout or cancel, the last reads (counts, last look) get this long. */
export const STOPPING_READS_BUDGET_MS = 2000

/**
 * Work the run starts beside its loop and collects at the end: the count
 * of what Qualytics holds for an export, and the abort of an export whose
 * status could not be read. Neither ever holds up the loop.
 */

/** An export the watch gave up on gets this long for its abort. */
const ABANDON_ABORT_MS = 5000

/**
 * How many anomalies or checks Qualytics holds now, into `record.count`;
 * null (no read) for profiles and for tag-filtered exports, whose count
 * the endpoints cannot give (they filter by container id, not by tag).
 */
export function startCount(
  ctx: RunContext,
  config: Pick<ExportConfig, 'containers' | 'containerTags'>,
  { assetType, datastoreId }: PlannedExport,
  record: OperationRecord
): Promise<void> | null {
  if (assetType === 'profiles' || config.containerTags.length > 0) return null
  const policy = countPolicy(ctx.clock.now(), ctx.deadline)
  return ctx.client
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
  if (record.adopted) {
    record.notes.push(
      `Export ${id} may still be running in Qualytics; this run did not start it, so it did not abort it.`
    )
    return null
  }
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

/**
 * Turn the runner's cancellation signals into an AbortSignal. On cancel,
 * GitHub sends SIGINT, then SIGTERM 7.5 s later, then kills the process
 * 2.5 s after that: the handler only flags the cancel, and the run loop
 * sends its aborts and writes its outputs well inside that window.
 */
export function onCancelSignals(log: (message: string) => void): {
  signal: AbortSignal
  /** The signal that cancelled the run, if one did. */
  received: () => NodeJS.Signals | null
  dispose: () => void
} {
  const controller = new AbortController()
  let received: NodeJS.Signals | null = null
  const handler = (name: NodeJS.Signals): void => {
    if (controller.signal.aborted) return
    received = name
    log(`Received ${name}: the workflow run is being cancelled.`)
    controller.abort()
  }
  process.on('SIGINT', handler)
  process.on('SIGTERM', handler)
  return {
    signal: controller.signal,
    received: () => received,
    dispose: () => {
      process.off('SIGINT', handler)
      process.off('SIGTERM', handler)
    }
  }
}

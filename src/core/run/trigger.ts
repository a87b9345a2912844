import type { TriggerOutcome } from '../client/client-types.js'
import type { QualyticsClient } from '../client/client.js'
import type { Clock } from '../clock.js'
import type { RetryPolicy } from '../client/retry.js'
import { backoffDelay } from '../client/retry.js'
import type { Operation, PlannedExport } from '../types.js'

/** Posts of one export at the most, counting the first. */
const MAX_TRIGGER_ATTEMPTS = 6
/**
 * An export counts as ours when the server created it no earlier than this
 * before our POST left (server clock). Covers the Date header's one-second
 * resolution and transit time.
 */
const ADOPTION_MARGIN_MS = 5000
/** Pauses before each look for an export an ambiguous POST may have made. */
const LOOK_PAUSES_MS = [0, 1000, 2000]

/** What triggering one planned export came to. */
export type TriggerResult =
  | { ok: true; operation: Operation }
  /** `stopped`: the run was cancelled or ran out of time before it could start. */
  | { ok: false; message: string; stopped?: boolean }

/** What triggering needs from the run around it. */
export interface TriggerContext {
  client: QualyticsClient
  clock: Clock
  /** No new attempt starts after this. */
  deadline: number
  /** Ids already owned by this run: never adopted twice. */
  claimed: Set<number>
  signal?: AbortSignal
  random?: () => number
  log: (message: string) => void
}

/**
 * Start one export. `POST /api/operations/run` is not idempotent, so it is
 * never simply repeated:
 * - 4xx other than 429: final, reported as this export's failure;
 * - 429 or a connection that never opened: the server did not act, post again;
 * - a dropped connection, a timeout, a 5xx or an unreadable 2xx: the export
 *   may exist. Look for one the server created for this datastore and asset
 *   type since just before our POST (finished or not: a short export may be
 *   over already) and adopt it; post again only when there is none, and
 *   never when the server cannot list its operations.
 */
export async function triggerExport(
  planned: PlannedExport,
  ctx: TriggerContext
): Promise<TriggerResult> {
  const policy: RetryPolicy = {
    maxAttempts: 3,
    baseDelayMs: 500,
    maxDelayMs: 4000,
    deadline: ctx.deadline
  }
  const what = `${planned.assetType} of datastore ${planned.datastoreId}`
  let last = ''
  for (let attempt = 1; attempt <= MAX_TRIGGER_ATTEMPTS; attempt++) {
    const sentAt = ctx.clock.now() + ctx.client.serverSkewMs
    const outcome: TriggerOutcome = await ctx.client.runExport(planned.body)
    if (outcome.kind === 'created') {
      if (ctx.claimed.has(outcome.operation.id)) {
        return {
          ok: false,
          message: `Qualytics returned operation ${outcome.operation.id} for ${what}, which this run already tracks`
        }
      }
      ctx.claimed.add(outcome.operation.id)
      return {
        ok: true,
        operation: outcome.operation
      }
    }
    last = outcome.error.message
    if (outcome.kind === 'rejected')
      return {
        ok: false,
        message: `Could not start the export: ${last}`
      }
    if (outcome.kind === 'ambiguous') {
      const found = await findOurExport(planned, sentAt, ctx, policy)
      if (found === 'cannot-tell') {
        return {
          ok: false,
          message: `The export may or may not have started (${last}), and Qualytics cannot list operations to tell; it was not sent again, to avoid a duplicate. Check Activity in Qualytics.`
        }
      }
      if (found) {
        ctx.claimed.add(found.id)
        ctx.log(
          `Adopted export ${found.id} (${what}) that Qualytics created before the connection failed: ${last}`
        )
        return { ok: true, operation: found }
      }
      ctx.log(
        `No export of ${what} was created by the failed request (${last}); sending it again.`
      )
    } else
      ctx.log(`Export of ${what} not accepted yet (${last}); sending it again.`)
    const delay = backoffDelay(
      attempt,
      policy,
      ctx.random ?? Math.random,
      outcome.error.retryAfterMs
    )
    // Cancelled, or out of time: not this export's failure. The run
    // reports it as never started (cancelled or timeout).
    if (ctx.signal?.aborted || ctx.clock.now() + delay >= ctx.deadline) {
      return { ok: false, stopped: true, message: last }
    }
    await ctx.clock.sleep(delay, ctx.signal)
    if (ctx.signal?.aborted) {
      return { ok: false, stopped: true, message: last }
    }
  }
  return {
    ok: false,
    message: `Could not start the export after retries: ${last}`
  }
}

/**
 * Look for an export of this datastore and asset type created at or after
 * `sentAt`, not yet claimed, and not started by a Qualytics schedule or
 * flow. Three looks over about three seconds: the list may lag the create,
 * and a backend behind a gateway that timed out may still be at work.
 * Oldest match first: that is the one our POST made.
 */
async function findOurExport(
  planned: PlannedExport,
  sentAt: number,
  ctx: TriggerContext,
  policy: RetryPolicy
): Promise<Operation | null | 'cannot-tell'> {
  for (const pause of LOOK_PAUSES_MS) {
    if (pause > 0) await ctx.clock.sleep(pause, ctx.signal)
    let exports: Operation[] | null
    try {
      // Looking is safe to repeat, so it gets more attempts than the POST.
      exports = await ctx.client.recentExports(planned.datastoreId, {
        ...policy,
        maxAttempts: 6
      })
    } catch {
      return 'cannot-tell'
    }
    if (exports === null) return 'cannot-tell'
    const matches = exports.filter(op => {
      const created = Date.parse(op.created ?? op.startTime ?? '')
      return (
        op.assetType === planned.assetType &&
        !op.startedByQualytics &&
        (op.datastoreId === null || op.datastoreId === planned.datastoreId) &&
        !ctx.claimed.has(op.id) &&
        Number.isFinite(created) &&
        created >= sentAt - ADOPTION_MARGIN_MS
      )
    })
    const oldest = matches.sort((a, b) => a.id - b.id)[0]
    if (oldest) return oldest
  }
  return null
}

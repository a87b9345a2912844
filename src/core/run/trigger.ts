import type { TriggerOutcome } from '../client/client-types.js'
import {
  backoffDelay,
  lookPolicy,
  triggerPolicy,
  type RetryPolicy
} from '../client/retry.js'
import type { RunContext } from './context.js'
import type { Operation, PlannedExport } from '../types.js'
import { identityMismatch } from '../client/identity.js'
import { Lookout, pickOurs, type Look, type Search } from './look.js'
/** Pauses before each look for an export an ambiguous POST may have made. */
const LOOK_PAUSES_MS = [0, 1000, 2000]

/** What triggering one planned export came to. */
export type TriggerResult =
  | { ok: true; operation: Operation }
  /**
   * `stopped`: the run was cancelled or ran out of time before it could
   * start; `uncertain`: a POST was open when it was cancelled, so the
   * export may exist.
   */
  | { ok: false; message: string; stopped?: boolean; uncertain?: boolean }

/**
 * What triggering keeps across the run's exports: the ids the run owns,
 * and the reads of each datastore's exports before its POSTs (look.ts).
 */
export class TriggerState {
  /** Ids already owned by this run: never adopted twice. */
  readonly claimed = new Set<number>()
  readonly lookout: Lookout

  constructor(ctx: RunContext) {
    this.lookout = new Lookout(
      datastoreId =>
        ctx.client.exportsOf(
          datastoreId,
          lookPolicy(ctx.clock.now(), ctx.deadline)
        ),
      () => ctx.clock.now()
    )
  }
}

/**
 * Read every planned datastore's exports, in parallel, before the first
 * POST: the POSTs then leave in plan order, each after its datastore's read.
 */
export async function takeLooks(
  plan: readonly PlannedExport[],
  state: TriggerState
): Promise<void> {
  await Promise.all(plan.map(p => state.lookout.first(p.datastoreId)))
}

/**
 * Start one export. `POST /api/operations/run` is not idempotent, so it is
 * never simply repeated:
 * - a 2xx with a readable id: this run's export, whatever else it holds;
 * - 4xx other than 429: final, reported as this export's failure;
 * - 429 or a connection that never opened: the server did not act, post again;
 * - a dropped connection, a timeout or a 5xx: the export may exist. Look
 *   for one (see pickOurs) and adopt it; post again only when a readable,
 *   whole list shows none;
 * - a 2xx that cannot be read: "cannot tell". Look, adopt what is found,
 *   and never post again.
 */
export async function triggerExport(
  planned: PlannedExport,
  ctx: RunContext,
  state: TriggerState
): Promise<TriggerResult> {
  const policy = triggerPolicy(ctx.deadline)
  const what = `${planned.assetType} of datastore ${planned.datastoreId}`
  let last = ''
  for (let attempt = 1; attempt <= policy.maxAttempts; attempt++) {
    // Before each POST: what is listed now is never this POST's doing.
    const look = await state.lookout.look(planned.datastoreId)
    if (ctx.signal?.aborted) return { ok: false, stopped: true, message: last }
    const outcome: TriggerOutcome = await ctx.client.runExport(planned.body)
    if (outcome.kind === 'created') {
      if (state.claimed.has(outcome.operation.id)) {
        return {
          ok: false,
          message: `Qualytics returned operation ${outcome.operation.id} for ${what}, which this run already tracks`
        }
      }
      state.claimed.add(outcome.operation.id)
      return { ok: true, operation: outcome.operation }
    }
    last = outcome.error.message
    // Cancelled while the POST was open: the run names it as may-have-started.
    if (ctx.signal?.aborted && outcome.kind !== 'rejected')
      return {
        ok: false,
        stopped: true,
        uncertain: outcome.kind !== 'not-sent',
        message: last
      }
    if (outcome.kind === 'rejected')
      return { ok: false, message: `Could not start the export: ${last}` }
    if (outcome.kind === 'ambiguous' || outcome.kind === 'unreadable') {
      const found = await findOurExport(planned, look, ctx, state, policy)
      if ('found' in found && found.found) {
        state.claimed.add(found.found.id)
        ctx.hooks.log?.(
          `Adopted export ${found.found.id} (${what}) that Qualytics created for the uncertain request: ${last}`
        )
        return { ok: true, operation: found.found }
      }
      if ('cannotTell' in found || outcome.kind === 'unreadable') {
        const why =
          'cannotTell' in found
            ? found.cannotTell
            : 'no export of it is listed yet'
        return {
          ok: false,
          message: `The export may or may not have started (${last}), and Qualytics cannot tell (${why}); it was not sent again, to avoid a duplicate. Check Activity in Qualytics.`
        }
      }
      ctx.hooks.log?.(
        `No export of ${what} was created by the failed request (${last}); sending it again.`
      )
    } else if (!outcome.error.retryable) {
      return { ok: false, message: `Could not start the export: ${last}` }
    } else
      ctx.hooks.log?.(
        `Export of ${what} not accepted yet (${last}); sending it again.`
      )
    const delay = backoffDelay(
      attempt,
      policy,
      ctx.random,
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
 * Look for the export an uncertain POST may have made. Three looks over
 * about three seconds: the list may lag the create, and a backend behind a
 * gateway that timed out may still be at work. "Cannot tell" ends the
 * search. The list only proposes: the export's own read decides (it must
 * exist and not contradict the plan) before it is adopted.
 */
async function findOurExport(
  planned: PlannedExport,
  look: Look,
  ctx: RunContext,
  state: TriggerState,
  policy: RetryPolicy
): Promise<Search> {
  let search: Search = { found: null }
  for (const pause of LOOK_PAUSES_MS) {
    if (pause > 0) await ctx.clock.sleep(pause, ctx.signal)
    if (ctx.signal?.aborted) return { cannotTell: 'the run was cancelled' }
    const sentAt = ctx.clock.now()
    // Looking is safe to repeat: the read retries on its own, unlike the POST.
    const list = await ctx.client.exportsOf(planned.datastoreId, policy)
    search = pickOurs(list, planned, look, state.claimed)
    if ('found' in search && search.found)
      return confirmOurs(search.found, planned, ctx, policy)
    if (!('found' in search)) return search
    // Nothing of ours on it: the next POST's look starts from this read.
    state.lookout.saw(planned.datastoreId, list, sentAt)
  }
  return search
}

/** The export's own read settles what the list proposed. */
async function confirmOurs(
  listed: Operation,
  planned: PlannedExport,
  ctx: RunContext,
  policy: RetryPolicy
): Promise<Search> {
  let own: Operation
  try {
    own = await ctx.client.getOperation(listed.id, policy)
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error)
    return {
      cannotTell: `the list shows export ${listed.id}, but its own read failed: ${why}`
    }
  }
  const mismatch = identityMismatch(own, planned)
  if (mismatch)
    return {
      cannotTell: `the list shows export ${listed.id}, but its own read disagrees: ${mismatch}`
    }
  return { found: own }
}

import type { ExportList, TriggerOutcome } from '../client/client-types.js'
import type { QualyticsClient } from '../client/client.js'
import type { Clock } from '../clock.js'
import type { RetryPolicy } from '../client/retry.js'
import { backoffDelay } from '../client/retry.js'
import { lookFrom, pickOurs, type Look, type Search } from './look.js'
import type { Operation, PlannedExport } from '../types.js'

/** Posts of one export at the most, counting the first. */
const MAX_TRIGGER_ATTEMPTS = 6
/**
 * Without a usable look, an export counts as ours when the server created
 * it no earlier than this before our POST left (server clock from the Date
 * header, which has one-second resolution).
 */
const ADOPTION_MARGIN_MS = 5000
/** Pauses before each look for an export an ambiguous POST may have made. */
const LOOK_PAUSES_MS = [0, 1000, 2000]
/** The look before the first POST waits no longer than this. */
const LOOK_BUDGET_MS = 5000

/** What triggering one planned export came to. */
export type TriggerResult =
  | { ok: true; operation: Operation }
  /**
   * `stopped`: the run was cancelled or ran out of time before it could
   * start; `uncertain`: a POST was open when it was cancelled, so the
   * export may exist.
   */
  | { ok: false; message: string; stopped?: boolean; uncertain?: boolean }

/** What triggering needs from the run around it. */
export interface TriggerContext {
  client: QualyticsClient
  clock: Clock
  /** No new attempt starts after this. */
  deadline: number
  /** Ids already owned by this run: never adopted twice. */
  claimed: Set<number>
  /** The look of each datastore, taken once before its first POST. */
  looks: Map<number, Promise<Look>>
  /**
   * The one read of each datastore's exports before its first POST: the
   * look is made from it, and so is the history (history-apply.ts).
   */
  lists: Map<number, Promise<ExportList>>
  signal?: AbortSignal
  random?: () => number
  log: (message: string) => void
}

/**
 * Take the look of every planned datastore, in parallel, before the first
 * POST: the POSTs then leave in plan order, each after its datastore's look.
 */
export async function takeLooks(
  plan: readonly PlannedExport[],
  ctx: TriggerContext
): Promise<void> {
  await Promise.all(plan.map(p => lookOf(p, ctx)))
}

/** The look of this datastore: taken once, shared by its exports. */
function lookOf(planned: PlannedExport, ctx: TriggerContext): Promise<Look> {
  let look = ctx.looks.get(planned.datastoreId)
  if (!look) {
    look = exportsBefore(planned.datastoreId, ctx).then(list =>
      lookFrom(list, planned.datastoreId)
    )
    ctx.looks.set(planned.datastoreId, look)
  }
  return look
}

/** The datastore's exports as listed before the first POST: read once. */
export function exportsBefore(
  datastoreId: number,
  ctx: TriggerContext
): Promise<ExportList> {
  let list = ctx.lists.get(datastoreId)
  if (!list) {
    const deadline = Math.min(ctx.deadline, ctx.clock.now() + LOOK_BUDGET_MS)
    list = ctx.client.exportsOf(datastoreId, {
      maxAttempts: 3,
      baseDelayMs: 250,
      maxDelayMs: 1000,
      deadline
    })
    ctx.lists.set(datastoreId, list)
  }
  return list
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
  ctx: TriggerContext
): Promise<TriggerResult> {
  const policy: RetryPolicy = {
    maxAttempts: 3,
    baseDelayMs: 500,
    maxDelayMs: 4000,
    deadline: ctx.deadline
  }
  const what = `${planned.assetType} of datastore ${planned.datastoreId}`
  const look = await lookOf(planned, ctx)
  let last = ''
  for (let attempt = 1; attempt <= MAX_TRIGGER_ATTEMPTS; attempt++) {
    if (ctx.signal?.aborted) return { ok: false, stopped: true, message: last }
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
      const found = await findOurExport(planned, look, sentAt, ctx, policy)
      if ('found' in found && found.found) {
        ctx.claimed.add(found.found.id)
        ctx.log(
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
      ctx.log(
        `No export of ${what} was created by the failed request (${last}); sending it again.`
      )
    } else if (!outcome.error.retryable) {
      return { ok: false, message: `Could not start the export: ${last}` }
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
 * Look for the export an uncertain POST may have made. Three looks over
 * about three seconds: the list may lag the create, and a backend behind a
 * gateway that timed out may still be at work. "Cannot tell" ends the search.
 */
async function findOurExport(
  planned: PlannedExport,
  look: Look,
  sentAt: number,
  ctx: TriggerContext,
  policy: RetryPolicy
): Promise<Search> {
  let search: Search = { found: null }
  for (const pause of LOOK_PAUSES_MS) {
    if (pause > 0) await ctx.clock.sleep(pause, ctx.signal)
    if (ctx.signal?.aborted) return { cannotTell: 'the run was cancelled' }
    // Looking is safe to repeat, so it gets more attempts than the POST.
    const list = await ctx.client.exportsOf(planned.datastoreId, {
      ...policy,
      maxAttempts: 6
    })
    search = pickOurs(
      list,
      planned,
      look,
      ctx.claimed,
      sentAt - ADOPTION_MARGIN_MS
    )
    if (!('found' in search) || search.found) return search
  }
  return search
}

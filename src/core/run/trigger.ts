import type { ExportList, TriggerOutcome } from '../client/client-types.js'
import {
  backoffDelay,
  lookPolicy,
  triggerPolicy,
  type RetryPolicy
} from '../client/retry.js'
import type { RunContext } from './context.js'
import type { Operation, PlannedExport } from '../types.js'
import { isExportOf, type PlannedIdentity } from '../client/identity.js'
import { serverTimeMs } from '../client/schema.js'

/**
 * Without a usable look, an export counts as ours when the server created
 * it no earlier than this before our POST left (server clock from the Date
 * header, which has one-second resolution).
 */
const ADOPTION_MARGIN_MS = 5000
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
 * and the one read of each datastore's exports before its first POST.
 */
export class TriggerState {
  /** Ids already owned by this run: never adopted twice. */
  readonly claimed = new Set<number>()
  /** The look of each datastore, taken once before its first POST. */
  readonly looks = new Map<number, Promise<Look>>()
  /**
   * The one read of each datastore's exports before its first POST: the
   * look is made from it, and so is the history (history.ts).
   */
  readonly lists = new Map<number, Promise<ExportList>>()
}

/**
 * Take the look of every planned datastore, in parallel, before the first
 * POST: the POSTs then leave in plan order, each after its datastore's look.
 */
export async function takeLooks(
  plan: readonly PlannedExport[],
  ctx: RunContext,
  state: TriggerState
): Promise<void> {
  await Promise.all(plan.map(p => lookOf(p, ctx, state)))
}

/** The look of this datastore: taken once, shared by its exports. */
function lookOf(
  planned: PlannedExport,
  ctx: RunContext,
  state: TriggerState
): Promise<Look> {
  let look = state.looks.get(planned.datastoreId)
  if (!look) {
    look = exportsBefore(planned.datastoreId, ctx, state).then(list =>
      lookFrom(list, planned.datastoreId)
    )
    state.looks.set(planned.datastoreId, look)
  }
  return look
}

/** The datastore's exports as listed before the first POST: read once. */
export function exportsBefore(
  datastoreId: number,
  ctx: RunContext,
  state: TriggerState
): Promise<ExportList> {
  let list = state.lists.get(datastoreId)
  if (!list) {
    list = ctx.client.exportsOf(
      datastoreId,
      lookPolicy(ctx.clock.now(), ctx.deadline)
    )
    state.lists.set(datastoreId, list)
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
  ctx: RunContext,
  state: TriggerState
): Promise<TriggerResult> {
  const policy = triggerPolicy(ctx.deadline)
  const what = `${planned.assetType} of datastore ${planned.datastoreId}`
  const look = await lookOf(planned, ctx, state)
  let last = ''
  for (let attempt = 1; attempt <= policy.maxAttempts; attempt++) {
    if (ctx.signal?.aborted) return { ok: false, stopped: true, message: last }
    const sentAt = ctx.clock.now() + ctx.client.serverSkewMs
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
      const found = await findOurExport(
        planned,
        look,
        sentAt,
        ctx,
        state,
        policy
      )
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
 * gateway that timed out may still be at work. "Cannot tell" ends the search.
 */
async function findOurExport(
  planned: PlannedExport,
  look: Look,
  sentAt: number,
  ctx: RunContext,
  state: TriggerState,
  policy: RetryPolicy
): Promise<Search> {
  let search: Search = { found: null }
  for (const pause of LOOK_PAUSES_MS) {
    if (pause > 0) await ctx.clock.sleep(pause, ctx.signal)
    if (ctx.signal?.aborted) return { cannotTell: 'the run was cancelled' }
    // Looking is safe to repeat: the read retries on its own, unlike the POST.
    const list = await ctx.client.exportsOf(planned.datastoreId, policy)
    search = pickOurs(
      list,
      planned,
      look,
      state.claimed,
      sentAt - ADOPTION_MARGIN_MS
    )
    if (!('found' in search) || search.found) return search
  }
  return search
}

/**
 * The look: one list read of a datastore's exports before this run's first
 * POST for it. After an ambiguous trigger, only exports that are not in the
 * look, and not older than its newest item (server clock), can be ours; a
 * server `Date` header a day behind then changes nothing.
 */

/** What the look saw: usable, or why not. */
export type Look =
  | {
      usable: true
      /** Ids listed before the first POST: never ours. */
      ids: Set<number>
      /** Server time of the newest listed export of the datastore; null when none. */
      newestMs: number | null
    }
  | { usable: false; reason: string }

/** When an operation was created, by the server's clock (UTC). */
export function createdMs(op: Operation): number | null {
  const text = op.created ?? op.startTime
  return text === null ? null : serverTimeMs(text)
}

/**
 * The look a list answer makes. It is usable when the page holds every
 * export of the datastore (not full) or is ordered newest first as asked:
 * otherwise a server that ignored the order could leave yesterday's export
 * out of it.
 */
export function lookFrom(list: ExportList, datastoreId: number): Look {
  if (list.kind === 'missing')
    return { usable: false, reason: 'Qualytics cannot list operations' }
  if (list.kind === 'cannot-tell') return { usable: false, reason: list.reason }
  const mine = list.items.filter(
    op => op.type === 'export' && op.datastoreId === datastoreId
  )
  const times = mine.map(createdMs)
  const full = list.items.length + list.unreadable >= list.size
  const ordered = times.every(
    (t, i) => t !== null && (i === 0 || t <= (times[i - 1] as number))
  )
  if (full && !ordered)
    return {
      usable: false,
      reason: 'the list of operations is neither complete nor newest first'
    }
  const known = times.filter((t): t is number => t !== null)
  return {
    usable: true,
    ids: new Set(list.items.map(op => op.id)),
    newestMs: known.length > 0 ? Math.max(...known) : null
  }
}

/** What looking for an export an uncertain POST may have made came to. */
export type Search =
  | { found: Operation }
  /** Nothing there, and the list was whole and readable: posting again is safe. */
  | { found: null }
  | { cannotTell: string }

/**
 * Pick this run's export from a list read after an uncertain POST: an
 * export of the planned datastore and asset type (every item checked),
 * not claimed, not started by a Qualytics schedule or flow, not in the
 * look and not older than its newest item. Without a usable look, only an
 * item created after `fallbackSentMs` (our clock plus the Date header's
 * skew, less a margin) and not ended before it counts, and finding none is
 * "cannot tell". Oldest match first: that is the one our POST made.
 */
export function pickOurs(
  list: ExportList,
  planned: PlannedIdentity,
  look: Look,
  claimed: ReadonlySet<number>,
  fallbackSentMs: number
): Search {
  if (list.kind === 'missing')
    return { cannotTell: 'Qualytics cannot list operations' }
  if (list.kind === 'cannot-tell') return { cannotTell: list.reason }
  const candidates = list.items.flatMap(op => {
    const t = createdMs(op)
    if (
      t === null ||
      !isExportOf(op, planned) ||
      op.startedByQualytics ||
      claimed.has(op.id)
    )
      return []
    if (look.usable) {
      if (look.ids.has(op.id)) return []
      if (look.newestMs !== null && t < look.newestMs) return []
    } else {
      const end = op.endTime === null ? null : serverTimeMs(op.endTime)
      if (t < fallbackSentMs || (end !== null && end < fallbackSentMs))
        return []
    }
    return [{ op, t }]
  })
  candidates.sort((a, b) => a.t - b.t || a.op.id - b.op.id)
  const oldest = candidates[0]
  if (oldest) return { found: oldest.op }
  if (list.unreadable > 0)
    return {
      cannotTell: `${list.unreadable} listed operation(s) could not be read`
    }
  if (!look.usable) return { cannotTell: look.reason }
  // A full page that does not reach back to the look may have left ours
  // out (a server that ignores the datastore filter lists everyone's).
  const full = list.items.length + list.unreadable >= list.size
  const times = list.items.map(createdMs)
  const earliest = Math.min(...times.map(t => t ?? -Infinity))
  if (full && (look.newestMs === null || earliest > look.newestMs))
    return { cannotTell: 'the list of operations is longer than one page' }
  return { found: null }
}

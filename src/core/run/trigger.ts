/**
 * Triggering one planned export: the POST, paced and never blindly
 * repeated, and the look before it that tells an export an uncertain POST
 * made apart from every other (below).
 */
import type { ExportList, TriggerOutcome } from '../client/client-types.js'
import {
  backoffDelay,
  lookPolicy,
  triggerPolicy,
  type RetryPolicy
} from '../client/retry.js'
import type { RunContext } from './context.js'
import type { Operation, PlannedExport } from '../types.js'
import {
  identityMismatch,
  isExportOf,
  type PlannedIdentity
} from '../client/identity.js'

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
 * and the reads of each datastore's exports before its POSTs (the look, below).
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

/**
 * The look (before each POST): what a datastore's export list showed before a POST, and how
 * an export an uncertain POST may have made is told apart from the rest.
 * No clock decides it. What it relies on, and nothing else:
 * - ids: an id listed before the POST was not made by it, and ids name
 *   one operation each;
 * - type, datastore and asset type stated on the item itself (the server
 *   may ignore every filter);
 * - the server's own order: a full page, asked newest first, must list
 *   ids descending; then an id above every id listed before came later.
 *   A page that is not full lists everything, in any order.
 * A look that cannot be read this way is "cannot tell": nothing is
 * adopted and nothing is posted again.
 */
/** What the look saw: usable, or why not. */
export type Look =
  | {
      usable: true
      /** Every id listed before the POST (any type, any datastore): never ours. */
      ids: Set<number>
      /** The last read listed every operation the server would list. */
      whole: boolean
      /** Highest id the last read listed (null: it listed none). */
      topId: number | null
    }
  | { usable: false; reason: string }

/** A full page that is not in the server's newest-first order cannot be trusted. */
const UNORDERED =
  'the list of operations is neither complete nor in newest-first order'

/** Whether a page lists ids strictly descending, as newest first implies. */
function descending(items: readonly Operation[]): boolean {
  return items.every(
    (op, i) => i === 0 || op.id < (items[i - 1] as Operation).id
  )
}

function isFull(list: ExportList & { kind: 'listed' }): boolean {
  return list.items.length + list.unreadable >= list.size
}

/**
 * The look one list read makes, joined with the ids earlier reads of the
 * datastore showed (`seen`). A full page must be in the server's order
 * (ids descending); a page that is not full lists every operation.
 */
export function lookFrom(
  list: ExportList,
  seen: ReadonlySet<number> = new Set()
): Look {
  if (list.kind === 'missing')
    return { usable: false, reason: 'Qualytics cannot list operations' }
  if (list.kind === 'cannot-tell') return { usable: false, reason: list.reason }
  const whole = !isFull(list)
  if (!whole && !descending(list.items))
    return { usable: false, reason: UNORDERED }
  const ids = new Set(seen)
  for (const op of list.items) ids.add(op.id)
  const top = list.items.reduce((m, op) => Math.max(m, op.id), 0)
  return { usable: true, ids, whole, topId: top > 0 ? top : null }
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
 * not claimed, not started by a Qualytics schedule or flow, and not
 * listed before the POST. When the look was a full page, only an id above
 * its highest counts (the server's order says it came later). The lowest
 * such id first: that is the one the POST made. Without a usable look,
 * nothing is ours and nothing may be posted again: "cannot tell".
 */
export function pickOurs(
  list: ExportList,
  planned: PlannedIdentity,
  look: Look,
  claimed: ReadonlySet<number>
): Search {
  if (list.kind === 'missing')
    return { cannotTell: 'Qualytics cannot list operations' }
  if (list.kind === 'cannot-tell') return { cannotTell: list.reason }
  if (!look.usable) return { cannotTell: look.reason }
  // A full page out of order may hide the lowest new id anywhere.
  if (isFull(list) && !descending(list.items)) return { cannotTell: UNORDERED }
  const candidates = list.items.filter(
    op =>
      isExportOf(op, planned) &&
      !op.startedByQualytics &&
      !claimed.has(op.id) &&
      !look.ids.has(op.id) &&
      (look.whole || look.topId === null || op.id > look.topId)
  )
  const lowest = candidates.sort((a, b) => a.id - b.id)[0]
  if (lowest) return { found: lowest }
  if (list.unreadable > 0)
    return {
      cannotTell: `${list.unreadable} listed operation(s) could not be read`
    }
  if (!isFull(list)) return { found: null }
  // A full page (in order) tells only when it reaches back to what was
  // listed before: then anything newer, ours included, is on it.
  const reachesBack = list.items.some(op => look.ids.has(op.id))
  return reachesBack
    ? { found: null }
    : { cannotTell: 'the list of operations is longer than one page' }
}

/**
 * The reads of a datastore's exports before its POSTs. The first (also
 * the history) is read once; before each later POST the list is read
 * again unless a read of it was sent within FRESH_READ_MS, so an export
 * another run started meanwhile is seen (`if-running`) and the look is
 * current. A read that could not be read serves nothing: the next POST
 * reads again. Every id any read showed joins the look.
 */

/** A read of the list serves the POSTs sent within this long after it. */
const FRESH_READ_MS = 5000

interface Read {
  sentAt: number
  list: Promise<ExportList>
  /** It came to "cannot tell": it serves no POST. */
  failed?: boolean
}

/** The reads of each datastore's exports, and the ids they showed. */
export class Lookout {
  readonly #first = new Map<number, Read>()
  readonly #latest = new Map<number, Read>()
  readonly #seen = new Map<number, Set<number>>()

  constructor(
    private readonly read: (datastoreId: number) => Promise<ExportList>,
    private readonly now: () => number
  ) {}

  /** The first read of the datastore's exports (the history): once. */
  first(datastoreId: number): Promise<ExportList> {
    let read = this.#first.get(datastoreId)
    if (!read) {
      read = this.#start(datastoreId)
      this.#first.set(datastoreId, read)
    }
    return read.list
  }

  /** A read sent within FRESH_READ_MS that did not fail, or a new one. */
  fresh(datastoreId: number): Promise<ExportList> {
    const latest = this.#latest.get(datastoreId)
    if (latest && !latest.failed && this.now() - latest.sentAt <= FRESH_READ_MS)
      return latest.list
    return this.#start(datastoreId).list
  }

  /**
   * A read made elsewhere (the search after an uncertain POST, sent at
   * `sentAt`) joins the look and serves the next POST like a fresh read.
   */
  saw(datastoreId: number, list: ExportList, sentAt: number): void {
    this.#note(datastoreId, list)
    this.#latest.set(datastoreId, { sentAt, list: Promise.resolve(list) })
  }

  /** Something changed (an export of it ended): the next POST reads again. */
  forget(datastoreId: number): void {
    this.#latest.delete(datastoreId)
  }

  /** The look before a POST: the fresh read, plus every id seen before. */
  async look(datastoreId: number): Promise<Look> {
    const list = await this.fresh(datastoreId)
    return lookFrom(list, this.#seen.get(datastoreId))
  }

  #start(datastoreId: number): Read {
    const read: Read = {
      sentAt: this.now(),
      list: this.read(datastoreId).then(list => {
        read.failed = list.kind === 'cannot-tell'
        this.#note(datastoreId, list)
        return list
      })
    }
    this.#latest.set(datastoreId, read)
    return read
  }

  #note(datastoreId: number, list: ExportList): void {
    if (list.kind !== 'listed') return
    let seen = this.#seen.get(datastoreId)
    if (!seen) this.#seen.set(datastoreId, (seen = new Set()))
    for (const op of list.items) seen.add(op.id)
  }
}

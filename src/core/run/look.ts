/**
 * The look: what a datastore's export list showed before a POST, and how
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
import type { ExportList } from '../client/client-types.js'
import { isExportOf, type PlannedIdentity } from '../client/identity.js'
import type { Operation } from '../types.js'

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
export const FRESH_READ_MS = 5000

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

/**
 * The look: one list read of a datastore's exports before this run's first
 * POST for it. After an ambiguous trigger, only exports that are not in the
 * look, and not older than its newest item (server clock), can be ours; a
 * server `Date` header a day behind then changes nothing.
 */
import type { ExportList } from '../client/client-types.js'
import { isExportOf, type PlannedIdentity } from '../client/identity.js'
import { serverTimeMs } from '../client/schema.js'
import type { Operation } from '../types.js'

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

/**
 * Status of many exports in one request: with several exports watched, one
 * `GET /api/operations` read per tick stands in for their single reads. An
 * export counts as read only when the list shows its id with the type,
 * datastore and asset type it was triggered with; an id absent from the
 * page is "cannot tell" (not "ended"), and gets its single read.
 */
import type { QualyticsClient } from '../client/client.js'
import {
  listExports,
  STATUS_PAGE_SIZE,
  type ListedExport
} from '../client/operations-list.js'
import type { RetryPolicy } from '../client/retry.js'
import type { AssetType, Operation } from '../types.js'

/** Batch only when at least this many exports are watched. */
export const BATCH_MIN_WATCHED = 2
/** A batch read covers every export due within this long (so ticks come about once a second). */
export const BATCH_AHEAD_MS = 1000
/** At most this many pages per tick (more than 100 exports watched). */
const MAX_PAGES = 3

/** An export the watch wants the status of. */
export interface Wanted {
  id: number
  datastoreId: number
  assetType: AssetType
}

/**
 * The operations the list vouches for, by id: same id, datastore and asset
 * type (the type was checked when the item was read). Pure.
 */
export function matchListed(
  wanted: readonly Wanted[],
  listed: readonly ListedExport[]
): Map<number, Operation> {
  const byId = new Map(wanted.map(w => [w.id, w]))
  const found = new Map<number, Operation>()
  for (const item of listed) {
    const w = byId.get(item.id)
    if (!w || item.datastoreId !== w.datastoreId) continue
    if (item.assetType !== w.assetType) continue
    found.set(item.id, item)
  }
  return found
}

/** The batched reader of one run; turns itself off when the server has no list. */
export class BatchStatus {
  #missing = false

  constructor(private readonly client: QualyticsClient) {}

  /** Whether a batch read is worth making for this many watched exports. */
  worth(watched: number): boolean {
    return !this.#missing && watched >= BATCH_MIN_WATCHED
  }

  /**
   * Read these exports' statuses in as few list reads as the page size
   * allows. Returns what the list vouches for; throws when a page cannot be
   * read (the caller falls back to single reads for this tick).
   */
  async read(
    wanted: readonly Wanted[],
    policy: RetryPolicy
  ): Promise<Map<number, Operation>> {
    const datastores = [...new Set(wanted.map(w => w.datastoreId))].sort(
      (a, b) => a - b
    )
    const found = new Map<number, Operation>()
    for (let page = 1; page <= MAX_PAGES; page++) {
      const result = await listExports(
        this.client,
        datastores,
        { page, size: STATUS_PAGE_SIZE },
        policy
      )
      if (result === null) {
        this.#missing = true
        return found
      }
      for (const [id, op] of matchListed(wanted, result.exports))
        found.set(id, op)
      if (!result.full || found.size === wanted.length) break
    }
    return found
  }
}

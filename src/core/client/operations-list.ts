/**
 * `GET /api/operations` as evidence: the export history of a datastore and
 * the status of many exports in one read. The server may ignore any filter
 * (qualytics-api.md, "Added for version 1.1"), so every item is checked for
 * type, id, datastore, asset type and result here, and an item that lacks
 * one is dropped: it is evidence of nothing.
 */
import type { ExportList } from './client-types.js'
import type { QualyticsClient } from './client.js'
import * as schemas from './schemas.js'
import type { RetryPolicy } from './retry.js'
import type { AssetType, Operation } from '../types.js'

const ASSET_TYPES: readonly string[] = ['anomalies', 'checks', 'profiles']

/** An export the list showed, with the identity fields checked. */
export interface ListedExport extends Operation {
  datastoreId: number
  assetType: AssetType
}

/** One page of the list: the checked exports and whether the page was full. */
export interface ListedPage {
  exports: ListedExport[]
  /** As many items as asked for: later pages may hold more. */
  full: boolean
  /**
   * Items that say they are of another type or another datastore than
   * asked: the server ignores its filters.
   */
  foreign: number
}

/** Page size of a history read (also what the trigger's look asks for). */
export const HISTORY_PAGE_SIZE = 50
/** Page size of a batched status read (the most fastapi-pagination allows). */
export const STATUS_PAGE_SIZE = 100

/** Read one raw item as an export, or null when it is not evidence of one. */
export function toListedExport(item: unknown): ListedExport | null {
  try {
    return asListedExport(schemas.operation(item, 'GET /api/operations'))
  } catch {
    return null
  }
}

/**
 * An operation the list showed, as evidence of an export: its type,
 * datastore, asset type and result must all be stated and known.
 */
export function asListedExport(op: Operation): ListedExport | null {
  if (op.type !== 'export' || op.result === null) return null
  if (op.datastoreId === null || op.assetType === null) return null
  if (!ASSET_TYPES.includes(op.assetType)) return null
  return {
    ...op,
    datastoreId: op.datastoreId,
    assetType: op.assetType as AssetType
  }
}

/** The listed exports of one datastore in a list answer (the server may ignore the filter). */
export function exportsIn(
  list: ExportList & { kind: 'listed' },
  datastoreId: number
): ListedExport[] {
  return list.items
    .flatMap(op => asListedExport(op) ?? [])
    .filter(e => e.datastoreId === datastoreId)
}

/**
 * One page of exports of these datastores, newest first (as asked; the
 * server may not sort). Null when the server has no list endpoint (404);
 * throws ApiError when the page cannot be read.
 */
export async function listExports(
  client: QualyticsClient,
  datastoreIds: readonly number[],
  options: { page?: number; size: number },
  policy: RetryPolicy
): Promise<ListedPage | null> {
  const filter = datastoreIds.map(id => `datastore=${id}`).join('&')
  const path = `operations?${filter}&operation_type=export&sort_created=desc&page=${options.page ?? 1}&size=${options.size}`
  try {
    return await client.read(path, policy, json => {
      const page = schemas.operationPage(json, 'GET /api/operations')
      const items = page.items.items
      return {
        exports: items.flatMap(op => asListedExport(op) ?? []),
        full: items.length + page.items.unreadable >= options.size,
        foreign: items.filter(
          op =>
            (op.type !== null && op.type !== 'export') ||
            (op.datastoreId !== null && !datastoreIds.includes(op.datastoreId))
        ).length
      }
    })
  } catch (error) {
    if ((error as { status?: unknown }).status === 404) return null
    throw error
  }
}

/**
 * GET /api/datastores, the paginated list, read strictly: every item is
 * server data that decides what gets exported, so an item or page that
 * cannot be read is "cannot tell" (ShapeError), never "not selected".
 */
import type { QualyticsClient } from './client.js'
import { asObject, readId, readPrefix, ShapeError } from './parse.js'
import type { RetryPolicy } from './retry.js'

type Json = Record<string, unknown>

/** Page size asked for: fastapi-pagination's usual maximum. */
export const DATASTORE_PAGE_SIZE = 100

/** Pages read at once after the first. */
const PAGES_AT_ONCE = 4

/** Most pages read before giving up (100,000 datastores at 100 a page). */
const MAX_PAGES = 1000

/** One datastore of the list, as selection needs it. */
export interface ListedDatastore {
  id: number
  name: string
  /** Tag names as the server spelt them. */
  tags: string[]
  /**
   * The linked enrichment datastore; null when none is linked; undefined
   * when the item does not carry the field (the detail GET must tell).
   */
  enrichment: { id: number | null; name: string | null } | null | undefined
  /** An enrichment datastore itself (`enrichment_only`, older `enrich_only`). */
  enrichmentOnly: boolean
  enrichmentPrefix: string | null
}

/** One page of the list. */
export interface DatastorePage {
  items: ListedDatastore[]
  total: number
  pages: number
}

/**
 * Read every page of GET /api/datastores (`page`, `size`). The whole list
 * must hold together: as many distinct ids as `total` says, no id twice.
 * A list that changed while it was read, or a server that ignores `page`,
 * fails here instead of exporting a partial selection.
 */
export async function listAllDatastores(
  client: QualyticsClient,
  policy: () => RetryPolicy
): Promise<ListedDatastore[]> {
  const first = await readDatastorePage(client, 1, policy())
  const all = [...first.items]
  const pages = Math.min(first.pages, MAX_PAGES)
  if (first.pages > MAX_PAGES)
    throw new ShapeError(
      `GET /api/datastores: ${first.total} datastores in ${first.pages} pages is more than this action reads (${MAX_PAGES} pages)`
    )
  // The rest in parallel, a few at a time: a fleet's list is the long
  // pole of a dry run, and page order does not matter (ids are sorted).
  const rest = Array.from({ length: Math.max(0, pages - 1) }, (_, i) => i + 2)
  const read: DatastorePage[] = []
  const worker = async (): Promise<void> => {
    for (let page = rest.shift(); page !== undefined; page = rest.shift())
      read.push(await readDatastorePage(client, page, policy()))
  }
  await Promise.all(Array.from({ length: PAGES_AT_ONCE }, worker))
  for (const next of read) {
    if (next.total !== first.total)
      throw new ShapeError(
        `GET /api/datastores: the total changed from ${first.total} to ${next.total} while the pages were read`
      )
    all.push(...next.items)
  }
  const ids = new Set(all.map(d => d.id))
  if (ids.size !== all.length || all.length !== first.total)
    throw new ShapeError(
      `GET /api/datastores: read ${all.length} items (${ids.size} distinct) but the server counts ${first.total}; the list changed while it was read, or the server ignores page`
    )
  return all
}

/** GET /api/datastores?page=N&size=S, parsed strictly. */
export function readDatastorePage(
  client: QualyticsClient,
  page: number,
  policy: RetryPolicy
): Promise<DatastorePage> {
  // No `tag` filter is sent: whether the server has one, and whether it
  // compares names case-insensitively as the contract does, is unconfirmed.
  const path = `datastores?page=${page}&size=${DATASTORE_PAGE_SIZE}`
  return client.read(path, policy, json => parseDatastorePage(json, page))
}

/** The page envelope `{items, total, page, size, pages}`. */
export function parseDatastorePage(
  value: unknown,
  page: number
): DatastorePage {
  const what = `GET /api/datastores page ${page}`
  const json = asObject(value, what)
  if (!Array.isArray(json.items)) throw new ShapeError(`${what}: no items list`)
  const total = count(json.total, `${what}: total`)
  const size =
    json.size === undefined ? null : count(json.size, `${what}: size`)
  const pages =
    json.pages === undefined || json.pages === null
      ? Math.ceil(total / Math.max(1, size ?? DATASTORE_PAGE_SIZE))
      : count(json.pages, `${what}: pages`)
  if (json.page !== undefined && json.page !== page)
    throw new ShapeError(
      `${what}: the server answered page ${JSON.stringify(json.page)?.slice(0, 20)}`
    )
  const items = json.items.map((item: unknown, i) =>
    parseListedDatastore(item, `${what}, item ${i + 1}`)
  )
  return { items, total, pages }
}

/** One item of the list: id, name, tags and link, or ShapeError. */
export function parseListedDatastore(
  item: unknown,
  what: string
): ListedDatastore {
  if (item === null || typeof item !== 'object' || Array.isArray(item))
    throw new ShapeError(`${what}: not an object`)
  const json = item as Json
  const id = readId(json.id, what)
  if (typeof json.name !== 'string')
    throw new ShapeError(`${what}: datastore ${id} has no name`)
  const link = json.enrich_datastore
  let enrichment: ListedDatastore['enrichment']
  if (link === undefined) enrichment = undefined
  else if (link === null) enrichment = null
  else if (typeof link === 'object' && !Array.isArray(link)) {
    const stub = link as Json
    enrichment = {
      id:
        stub.id === undefined || stub.id === null
          ? null
          : readId(stub.id, `${what}: enrich_datastore`),
      name: typeof stub.name === 'string' ? stub.name : null
    }
  } else
    throw new ShapeError(
      `${what}: datastore ${id} has an unreadable enrich_datastore`
    )
  return {
    id,
    name: json.name,
    tags: readTags(json.global_tags, `${what}: datastore ${id}`),
    enrichment,
    enrichmentOnly: json.enrichment_only === true || json.enrich_only === true,
    enrichmentPrefix: readPrefix(json, enrichment ? (link as Json) : undefined)
  }
}

/** `global_tags`: a list of objects with a `name`; absent or null is none. */
function readTags(value: unknown, what: string): string[] {
  if (value === undefined || value === null) return []
  if (!Array.isArray(value))
    throw new ShapeError(`${what}: global_tags is not a list`)
  return value.map(tag => {
    const name = (tag as Json | null)?.name
    if (typeof name !== 'string')
      throw new ShapeError(`${what}: a tag without a name`)
    return name
  })
}

function count(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0)
    throw new ShapeError(`${what} is not a whole number`)
  return value
}

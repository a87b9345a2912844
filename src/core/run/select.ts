/**
 * `datastore-tags`: which datastores a run exports, from the paginated
 * datastore list. Resolved before anything is triggered; the list stands in
 * for the per-datastore GETs of preflight, so a fleet of 1,000 costs one
 * request per page.
 */
import type { DatastoreInfo } from '../client/client-types.js'
import type { QualyticsClient } from '../client/client.js'
import {
  listAllDatastores,
  type ListedDatastore
} from '../client/datastore-list.js'
import { ApiError, PreflightError } from '../errors.js'
import {
  checkToken,
  explainDatastoreError,
  preflightPolicy,
  type PreflightReport
} from './preflight.js'

/** What the tags select, before the detail of any datastore is read. */
export interface TagChoice {
  /** Carry a tag and have an enrichment link: exported, ascending ids. */
  linked: ListedDatastore[]
  /** Carry a tag, no enrichment link: skipped with a warning. */
  unlinked: ListedDatastore[]
  /** Carry a tag but are enrichment datastores themselves: never exported. */
  enrichmentOnly: ListedDatastore[]
  /** Carry a tag; the list item does not say whether they are linked. */
  unknown: ListedDatastore[]
}

/**
 * Sort the list by the tags (names compared case-insensitively, any one
 * tag suffices), in ascending id order. Pure: the list is filtered here
 * whatever the server did with a filter.
 */
export function chooseByTags(
  listed: readonly ListedDatastore[],
  tags: readonly string[]
): TagChoice {
  const wanted = new Set(tags.map(foldTag))
  const choice: TagChoice = {
    linked: [],
    unlinked: [],
    enrichmentOnly: [],
    unknown: []
  }
  const carrying = listed
    .filter(d => d.tags.some(t => wanted.has(foldTag(t))))
    .sort((a, b) => a.id - b.id)
  for (const d of carrying) {
    if (d.enrichmentOnly) choice.enrichmentOnly.push(d)
    else if (d.enrichment === undefined) choice.unknown.push(d)
    else if (d.enrichment === null) choice.unlinked.push(d)
    else choice.linked.push(d)
  }
  return choice
}

/** Tag names compare case-insensitively (and without surrounding space). */
function foldTag(tag: string): string {
  return tag.trim().toLocaleLowerCase('en-US')
}

/** `42 (Sales), 43 (Marketing)`, at most `limit` named. */
export function nameList(
  datastores: readonly { id: number; name: string }[],
  limit = 20
): string {
  const named = datastores
    .slice(0, limit)
    .map(d => `${d.id} (${d.name})`)
    .join(', ')
  const more = datastores.length - limit
  return more > 0 ? `${named} and ${more} more` : named
}

/**
 * Preflight for `datastore-tags`: the token, then every page of the list,
 * then the selection. Throws PreflightError when the list cannot be read
 * whole, when no datastore carries a tag, or when none of those is linked.
 * `warn` hears of skipped datastores (a `::warning::` in the action).
 */
export async function preflightByTags(
  client: QualyticsClient,
  tags: readonly string[],
  now: () => number,
  warn: (message: string) => void,
  log: (message: string) => void = () => undefined
): Promise<PreflightReport> {
  const user = await checkToken(client, now)
  let listed: ListedDatastore[]
  try {
    listed = await listAllDatastores(client, () => preflightPolicy(now()))
  } catch (error) {
    throw explainListError(error)
  }
  const choice = chooseByTags(listed, tags)
  // A list item without `enrich_datastore` cannot tell; the detail can.
  const details = await Promise.all(
    choice.unknown.map(async d => {
      try {
        return await client.getDatastore(d.id, preflightPolicy(now()))
      } catch (error) {
        throw explainDatastoreError(d.id, error)
      }
    })
  )
  const linked: DatastoreInfo[] = [
    ...choice.linked.map(toInfo),
    ...details.filter(d => d.enrichment !== null)
  ].sort((a, b) => a.id - b.id)
  const unlinked = [
    ...choice.unlinked,
    ...details.filter(d => d.enrichment === null)
  ].sort((a, b) => a.id - b.id)
  const shown = tags.join(', ')
  if (choice.enrichmentOnly.length > 0)
    log(
      `Not exported: ${nameList(choice.enrichmentOnly)} carry the tags but are enrichment datastores.`
    )
  if (linked.length === 0 && unlinked.length === 0) {
    throw new PreflightError(
      `No source datastore carries any of the tags ${shown} (${listed.length} datastores listed). Nothing was exported.`,
      'Check the `datastore-tags` input against the tags on the datastores in Qualytics (names compare case-insensitively), or name the datastores with `datastore`.'
    )
  }
  if (linked.length === 0) {
    throw new PreflightError(
      `Every datastore with the tags ${shown} has no enrichment datastore linked: ${nameList(unlinked)}. Nothing was exported.`,
      "Link an enrichment datastore in Qualytics (the datastore's Enrichment settings, or PATCH /api/datastores/{id}/enrichment/{enrichment_id}), then run again."
    )
  }
  if (unlinked.length > 0)
    warn(
      `Skipped ${unlinked.length} datastore${unlinked.length === 1 ? '' : 's'} with the tags ${shown} that ha${unlinked.length === 1 ? 's' : 've'} no enrichment datastore linked: ${nameList(unlinked)}. Link one in Qualytics to export ${unlinked.length === 1 ? 'it' : 'them'}.`
    )
  return { user, datastores: linked }
}

function toInfo(d: ListedDatastore): DatastoreInfo {
  return {
    id: d.id,
    name: d.name,
    enrichment: d.enrichment ?? null,
    enrichmentPrefix: d.enrichmentPrefix
  }
}

/** A list that cannot be read whole is "cannot tell": nothing is exported. */
function explainListError(error: unknown): Error {
  if (error instanceof ApiError && error.status === 403) {
    return new PreflightError(
      `The token may not list datastores (${error.message}). Nothing was exported.`,
      "Give the token's user permission to read the datastores, or name them with the `datastore` input."
    )
  }
  if (error instanceof ApiError && error.status === 404) {
    return new PreflightError(
      `This Qualytics has no datastore list to select by tag from (${error.message}). Nothing was exported.`,
      'Name the datastores with the `datastore` input instead of `datastore-tags`.'
    )
  }
  const why = error instanceof Error ? error.message : String(error)
  return new PreflightError(
    `The datastore list could not be read whole, so the datastores with these tags cannot be told (${why}). Nothing was exported.`,
    'Re-run the workflow; if it persists, name the datastores with the `datastore` input.'
  )
}

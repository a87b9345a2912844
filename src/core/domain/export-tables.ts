/**
 * The export tables an export writes to its enrichment datastore: their
 * names (from the source datastore's prefix), the columns Qualytics
 * documents for them, and which datastores of a run would write the same
 * tables.
 */
import type { AssetType } from '../types.js'

/**
 * The columns Qualytics documents for each export table that the check
 * may require (qualytics-api.md, "Export tables"): the full set for
 * anomalies, the ones verification reads for the two wider tables.
 */
export const DOCUMENTED_COLUMNS: Record<AssetType, readonly string[]> = {
  anomalies: [
    'ID',
    'CREATED',
    'UUID',
    'TYPE',
    'STATUS',
    'GLOBAL_TAGS',
    'CONTAINER_ID',
    'SOURCE_CONTAINER',
    'DATASTORE_ID',
    'SOURCE_DATASTORE',
    'GENERATED_AT'
  ],
  checks: ['ID', 'DATASTORE_ID', 'GENERATED_AT'],
  profiles: ['DATASTORE_ID', 'GENERATED_AT']
}

/**
 * The names of the export tables in the enrichment datastore. Two naming
 * forms are documented (`_<prefix>_anomalies_export`, newest userguide;
 * `_<prefix>_export_anomalies`, older page), and whether the leading
 * underscore doubles with a prefix that already starts with one is
 * unconfirmed: every variant is a candidate, compared case-insensitively
 * (warehouses such as Snowflake list names in upper case).
 */

/** The product's default prefix. */
const DEFAULT_PREFIX = '_qualytics'

const ASSET_PART: Record<AssetType, string> = {
  anomalies: 'anomalies',
  checks: 'checks',
  profiles: 'field_profiles'
}

/**
 * The prefix as the product normalises it: snake_case with one leading
 * underscore, at most 60 characters; the default when none is known.
 */
export function normalisePrefix(prefix: string | null | undefined): string {
  const snake = (prefix ?? '')
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
  return snake === '' ? DEFAULT_PREFIX : `_${snake}`.slice(0, 60)
}

/** Candidate table names, most likely first (newest form, single underscore). */
export function exportTableNames(
  prefix: string | null | undefined,
  assetType: AssetType
): string[] {
  const base = normalisePrefix(prefix) // `_qualytics`
  const part = ASSET_PART[assetType]
  const prefixes = [base, `_${base}`]
  return [
    ...prefixes.map(p => `${p}_${part}_export`),
    ...prefixes.map(p => `${p}_export_${part}`)
  ]
}

/**
 * The table an export wrote, among the listed names: the first candidate
 * that is listed (case-insensitively), as the server spells it; null when
 * none is.
 */
export function findExportTable(
  listed: readonly string[],
  prefix: string | null | undefined,
  assetType: AssetType
): string | null {
  const byFolded = new Map<string, string>()
  for (const name of listed) {
    const folded = name.toLowerCase()
    if (!byFolded.has(folded)) byFolded.set(folded, name)
  }
  for (const candidate of exportTableNames(prefix, assetType)) {
    const found = byFolded.get(candidate)
    if (found !== undefined) return found
  }
  return null
}

/** A datastore as collision finding needs it. */
export interface PrefixHolder {
  id: number
  name: string
  enrichment: { id: number | null; name: string | null } | null
  /** As the server gave it; null or absent when it did not say. */
  enrichmentPrefix?: string | null
}

/** Datastores that write the same export tables. */
export interface PrefixCollision {
  enrichment: { id: number; name: string | null }
  /** The normalised prefix they share. */
  prefix: string
  /** True when one of them reports no prefix and is taken to use the default. */
  assumedDefault: boolean
  /** Two or more, ascending ids. */
  datastores: PrefixHolder[]
}

/**
 * Datastores linked to the same enrichment datastore with the same table
 * prefix (as the product normalises it): their exports replace each
 * other's tables, and Qualytics does not check this when they are linked.
 * A datastore that reports no prefix is counted under the default
 * `_qualytics`, the name its tables get when none is set (UNCONFIRMED for
 * a datastore whose prefix the server simply leaves out): the warning says
 * so, erring toward telling.
 */
export function prefixCollisions(
  datastores: readonly PrefixHolder[]
): PrefixCollision[] {
  const groups = new Map<string, PrefixCollision>()
  const seen = new Set<number>()
  for (const ds of [...datastores].sort((a, b) => a.id - b.id)) {
    const enrichmentId = ds.enrichment?.id
    if (enrichmentId == null || seen.has(ds.id)) continue
    seen.add(ds.id)
    const prefix = normalisePrefix(ds.enrichmentPrefix)
    const key = `${enrichmentId}\u0000${prefix}`
    const group = groups.get(key) ?? {
      enrichment: { id: enrichmentId, name: ds.enrichment?.name ?? null },
      prefix,
      assumedDefault: false,
      datastores: []
    }
    group.datastores.push(ds)
    if (!ds.enrichmentPrefix?.trim()) group.assumedDefault = true
    groups.set(key, group)
  }
  return [...groups.values()].filter(g => g.datastores.length > 1)
}

/** Most datastores one collision warning names. */
const NAMED_AT_MOST = 20

/** Most collisions told one by one; the rest are counted in one more warning. */
export const COLLISIONS_TOLD = 5

/** The collision warnings of a run: one each, at most COLLISIONS_TOLD, then a count. */
export function collisionWarnings(
  collisions: readonly PrefixCollision[]
): string[] {
  const told = collisions.slice(0, COLLISIONS_TOLD).map(describeCollision)
  const rest = collisions.slice(COLLISIONS_TOLD)
  if (rest.length > 0)
    told.push(
      `${rest.length} more group${rest.length === 1 ? '' : 's'} of datastores share export tables the same way: ${rest
        .map(
          c =>
            `${c.datastores.length} datastores with the prefix ${c.prefix} in enrichment datastore ${c.enrichment.id}`
        )
        .join(
          '; '
        )}. Give each datastore its own prefix in its Enrichment settings in Qualytics.`
    )
  return told
}

/** The preflight warning for one collision: every datastore, the enrichment datastore, the prefix. */
export function describeCollision(collision: PrefixCollision): string {
  const named = collision.datastores.map(d => `${d.id} (${d.name})`)
  // A fleet's block may hold dozens: the first names tell the user where to look.
  const more = named.length - NAMED_AT_MOST
  const list =
    more > 0
      ? `${named.slice(0, NAMED_AT_MOST).join(', ')} and ${more} more`
      : `${named.slice(0, -1).join(', ')} and ${named.at(-1)}`
  const enrichment = `enrichment datastore ${collision.enrichment.id}${collision.enrichment.name ? ` (${collision.enrichment.name})` : ''}`
  const assumed = collision.assumedDefault
    ? ` (a datastore that reports no prefix is taken to use the default ${DEFAULT_PREFIX})`
    : ''
  return `Datastores ${list} export to the same tables: all are linked to ${enrichment} with the table prefix ${collision.prefix}${assumed}, so each export replaces the tables of the other${named.length === 2 ? '' : 's'}, and Qualytics does not check this. Give each datastore its own prefix in its Enrichment settings in Qualytics.`
}

/**
 * The names of the export tables in the enrichment datastore. Two naming
 * forms are documented (`_<prefix>_anomalies_export`, newest userguide;
 * `_<prefix>_export_anomalies`, older page), and whether the leading
 * underscore doubles with a prefix that already starts with one is
 * unconfirmed: every variant is a candidate, compared case-insensitively
 * (warehouses such as Snowflake list names in upper case).
 */
import type { AssetType } from '../types.js'

/** The product's default prefix. */
export const DEFAULT_PREFIX = '_qualytics'

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

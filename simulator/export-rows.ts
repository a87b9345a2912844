/**
 * Rows of the export tables as `source-records` hands them out: lower-case
 * keys (userguide, enrichment API payload examples) and each table's full
 * column set (userguide, enrichment metadata tables). Values are made up
 * but typed as the column list says.
 */
import type { AssetType } from './types.js'

/**
 * The documented columns of each export table, lower-cased, in the
 * userguide's order; `:n` marks a number, `:b` a boolean, the rest are
 * strings (times included).
 */
const COLUMN_SPECS: Record<AssetType, string> = {
  anomalies:
    'id:n created uuid type status global_tags container_id:n ' +
    'source_container datastore_id:n source_datastore generated_at',
  checks:
    'additional_metadata coverage:n created deleted_at description fields ' +
    'filter generated_at global_tags has_passed:b id:n inferred:b is_new:b ' +
    'last_asserted last_editor last_updated num_container_scans:n ' +
    'properties rule_type weight:n datastore_id:n container_id:n ' +
    'template_id:n is_template:b source_container source_datastore',
  profiles:
    'approximate_distinct_values:n completeness:n container_id:n ' +
    'source_container container_store_type created datastore_id:n ' +
    'source_datastore datastore_type entropy:n field_global_tags ' +
    'field_id:n field_name field_profile_id:n field_quality_score:n ' +
    'field_type field_weight:n generated_at histogram_buckets ' +
    'is_not_normal:b kll kurtosis:n max:n max_length:n mean:n median:n ' +
    'min:n min_length:n name q1:n q3:n skewness:n std_dev:n sum:n ' +
    'type_declared:b unique_distinct_ratio:n'
}

type Kind = 'n' | 'b' | 's'

const COLUMNS = Object.fromEntries(
  Object.entries(COLUMN_SPECS).map(([asset, spec]) => [
    asset,
    spec.split(' ').map(word => {
      const [name = '', kind = 's'] = word.split(':')
      return [name, kind as Kind] as const
    })
  ])
) as Record<AssetType, (readonly [string, Kind])[]>

/** The documented columns of each export table, lower-cased. */
export const EXPORT_COLUMNS: Record<AssetType, readonly string[]> = {
  anomalies: COLUMNS.anomalies.map(([name]) => name),
  checks: COLUMNS.checks.map(([name]) => name),
  profiles: COLUMNS.profiles.map(([name]) => name)
}

/**
 * A warehouse time as the payload example prints it,
 * `2024-06-11 18:42:31+0000`.
 */
function warehouseTime(ms: number): string {
  const iso = new Date(ms).toISOString()
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}+0000`
}

/**
 * How `generated_at` comes back: as documented, or as a warehouse may hand
 * it back (no zone; epoch seconds, milliseconds or microseconds).
 */
export type RowTimeForm =
  'documented' | 'zoneless' | 'epoch-s' | 'epoch-ms' | 'epoch-us'

/** `generated_at` of a table written at `ms`, in one of the forms. */
function rowTime(ms: number, form: RowTimeForm): string | number {
  switch (form) {
    case 'zoneless':
      return warehouseTime(ms).slice(0, 19)
    case 'epoch-s':
      return Math.floor(ms / 1000)
    case 'epoch-ms':
      return ms
    case 'epoch-us':
      return ms * 1000
    default:
      return warehouseTime(ms)
  }
}

/** What one exported row is about. */
export interface RowSource {
  datastoreId: number
  datastoreName: string
  generatedAtMs: number
  /** Default 'documented'. */
  timeForm?: RowTimeForm
}

function value(
  column: string,
  kind: Kind,
  i: number,
  assetType: AssetType,
  src: RowSource
): unknown {
  const generated = warehouseTime(src.generatedAtMs)
  switch (column) {
    case 'id':
      return src.datastoreId * 100_000 + i + 1
    case 'datastore_id':
      return src.datastoreId
    case 'source_datastore':
      return src.datastoreName
    case 'container_id':
      return src.datastoreId * 1000 + (i % 3) + 1
    case 'source_container':
      return `table_${(i % 3) + 1}`
    case 'generated_at':
      return rowTime(src.generatedAtMs, src.timeForm ?? 'documented')
    case 'created':
    case 'last_updated':
    case 'last_asserted':
      return generated
    case 'deleted_at':
      return null
    case 'uuid':
      return `00000000-0000-4000-8000-${String(src.datastoreId * 100_000 + i + 1).padStart(12, '0')}`
    case 'type':
      return assetType === 'anomalies' ? 'shape' : null
    case 'status':
      return 'Active'
    case 'rule_type':
      return 'notNull'
    case 'global_tags':
    case 'field_global_tags':
      return ''
    case 'container_store_type':
      return 'jdbc'
    case 'datastore_type':
      return 'postgresql'
  }
  if (kind === 'b') return false
  if (kind === 'n') return 1
  return ''
}

/** `count` rows of an export table, every documented column present. */
export function exportRows(
  assetType: AssetType,
  count: number,
  src: RowSource
): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, i) =>
    Object.fromEntries(
      COLUMNS[assetType].map(([c, kind]) => [
        c,
        value(c, kind, i, assetType, src)
      ])
    )
  )
}

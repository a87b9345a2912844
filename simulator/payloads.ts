import type { SimDatastore, SimOperation } from './types.js'

/** Timestamps as the API prints them (ISO 8601, UTC). */
function iso(ms: number): string {
  return new Date(ms).toISOString()
}

/** A fixed creation date for static objects (users, datastores). */
const CREATED = '2025-06-01T09:00:00.000Z'

/** The team the sample datastores belong to (Qualytics' default team). */
export const TEAM = 'Public'

/** A team as responses nest it (model `Team`: id, created, name); bodies that create things send names. */
function teamJson(name: string): Record<string, unknown> {
  return { id: 1, created: CREATED, name }
}

/** GET /api/users/me for a token. */
export function userJson(readOnly: boolean): Record<string, unknown> {
  return {
    id: readOnly ? 2 : 1,
    created: CREATED,
    user_id: readOnly ? 'auth0|sim-reader' : 'auth0|sim-service',
    email: readOnly ? 'reader@example.com' : 'service@example.com',
    name: readOnly ? 'Simulator Reader' : 'Simulator Service Account',
    role: readOnly ? 'Member' : 'Admin',
    teams: [teamJson(TEAM)]
  }
}

/** The stub that operations and links use for a datastore. */
function datastoreStub(ds: {
  id: number
  name: string
}): Record<string, unknown> {
  return { id: ds.id, name: ds.name, store_type: 'jdbc', type: 'postgresql' }
}

/** The stub a listing item names its datastore with (userguide's listing example). */
export function listingDatastoreJson(
  ds: { id: number; name: string },
  prefix: string
): Record<string, unknown> {
  return {
    ...datastoreStub(ds),
    enrich_only: false,
    enrich_container_prefix: prefix,
    favorite: false
  }
}

/**
 * The enrichment prefix as the product normalises it: snake_case with a
 * leading underscore, 60 characters at most; `_qualytics` by default.
 */
export function normalisePrefix(prefix: string | undefined): string {
  if (prefix === undefined || prefix.trim() === '') return '_qualytics'
  const snake = prefix
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
  return `_${snake}`.slice(0, 60)
}

/**
 * GET /api/datastores/{id} for a source datastore. The prefix goes out
 * under both names the documentation uses: `enrich_container_prefix`
 * (models and the listing example) and `enrichment_prefix` (newer pages).
 */
export function datastoreJson(ds: SimDatastore): Record<string, unknown> {
  const link = ds.enrichment
  const prefix = normalisePrefix(link?.prefix)
  return {
    ...datastoreStub(ds),
    created: CREATED,
    connected: true,
    teams: [teamJson(TEAM)],
    tags: [],
    global_tags: (ds.tags ?? []).map(tagJson),
    enrichment_only: false,
    enrich_datastore: link && {
      ...datastoreStub(link),
      enrichment_only: true
    },
    enrich_container_prefix: prefix,
    enrichment_prefix: prefix,
    enrichment_source_record_limit: 10,
    enrichment_remediation_strategy: 'none',
    high_count_rollup_threshold: 10
  }
}

/** A stable id for a tag name (the same name is the same tag everywhere). */
function tagId(name: string): number {
  let hash = 2166136261
  for (const ch of name) hash = Math.imul(hash ^ ch.charCodeAt(0), 16777619)
  return ((hash >>> 0) % 900_000) + 1
}

/**
 * A global tag as the API nests it in datastores and operations (userguide
 * tags API: id, name, type, color, category, weight_modifier, description).
 */
function tagJson(name: string): Record<string, unknown> {
  return {
    id: tagId(name),
    name,
    type: 'global',
    color: '#336699',
    category: null,
    weight_modifier: 0,
    description: null
  }
}

/** GET /api/datastores/{id} for an enrichment datastore. */
export function enrichmentJson(link: {
  id: number
  name: string
  tags?: string[]
}): Record<string, unknown> {
  return {
    ...datastoreStub(link),
    created: CREATED,
    connected: true,
    teams: [teamJson(TEAM)],
    tags: [],
    global_tags: (link.tags ?? []).map(tagJson),
    enrichment_only: true,
    enrich_datastore: null,
    enrich_container_prefix: null,
    enrichment_prefix: null
  }
}

/**
 * The operation object. `details` adds the fields only the GET model
 * (GetExportOperation) has; the POST answers the plain ExportOperation.
 * There is no top-level `datastore_id`, as in the real API.
 */
export function operationJson(
  op: SimOperation,
  ds: { id: number; name: string },
  details?: { totalContainers: number }
): Record<string, unknown> {
  const base: Record<string, unknown> = {
    id: op.id,
    type: op.type ?? 'export',
    created: iso(op.created),
    start_time: iso(op.startTime),
    end_time: op.endTime === null ? null : iso(op.endTime),
    result: op.result,
    message: op.message,
    triggered_by: 'api',
    datastore: datastoreStub(ds),
    schedule: op.scheduled
      ? {
          created: iso(op.created),
          id: 1,
          type: 'export',
          trigger_type: 'cron',
          name: 'Nightly export'
        }
      : null,
    action_execution: null,
    asset_type: op.assetType,
    include_deleted: op.includeDeleted
  }
  if (!details) return base
  return {
    ...base,
    // The published container stubs (20251024 models).
    containers: op.containerIds?.map(containerStub) ?? null,
    // Tag objects or null, never bare strings.
    tags: op.containerTags?.length ? op.containerTags.map(tagJson) : null,
    status: { total_containers: details.totalContainers }
  }
}

/** A table's container stub: the fields the 20251024 container stubs publish. */
function containerStub(id: number): Record<string, unknown> {
  return {
    id,
    name: `table_${id}`,
    container_type: 'table',
    table_type: 'table',
    deleted_at: null,
    volumetric_tracking_enabled: false,
    freshness_tracking_enabled: false
  }
}

/** Placeholder list items for the count endpoints (only `total` matters). */
export function dummyItems(
  kind: 'anomalies' | 'quality-checks',
  datastoreId: number,
  from: number,
  count: number
): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, i) => {
    const id = datastoreId * 100000 + from + i + 1
    const datastore = { id: datastoreId }
    return kind === 'anomalies'
      ? { id, uuid: `sim-anomaly-${id}`, status: 'Active', datastore }
      : { id, rule_type: 'notNull', status: 'Active', datastore }
  })
}

import type { SimDatastore, SimOperation } from './types.js'

/** Timestamps as the API prints them (ISO 8601, UTC). */
export function iso(ms: number): string {
  return new Date(ms).toISOString()
}

/** A fixed creation date for static objects (users, datastores). */
const CREATED = '2025-06-01T09:00:00.000Z'

/** The team the sample datastores belong to (Qualytics' default team). */
export const TEAM = 'Public'

/** GET /api/users/me for a token. */
export function userJson(readOnly: boolean): Record<string, unknown> {
  return {
    id: readOnly ? 2 : 1,
    created: CREATED,
    user_id: readOnly ? 'auth0|sim-reader' : 'auth0|sim-service',
    email: readOnly ? 'reader@example.com' : 'service@example.com',
    name: readOnly ? 'Simulator Reader' : 'Simulator Service Account',
    role: readOnly ? 'Member' : 'Admin',
    teams: [TEAM]
  }
}

/** The stub that operations and links use for a datastore. */
export function datastoreStub(ds: {
  id: number
  name: string
}): Record<string, unknown> {
  return { id: ds.id, name: ds.name, store_type: 'jdbc', type: 'postgresql' }
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

/** GET /api/datastores/{id} for a source datastore. */
export function datastoreJson(ds: SimDatastore): Record<string, unknown> {
  const link = ds.enrichment
  return {
    ...datastoreStub(ds),
    created: CREATED,
    connected: true,
    teams: [TEAM],
    tags: [],
    global_tags: (ds.tags ?? []).map(tagJson),
    enrichment_only: false,
    enrich_datastore: link && {
      ...datastoreStub(link),
      enrichment_only: true
    },
    enrichment_prefix: normalisePrefix(link?.prefix),
    enrichment_source_record_limit: 10,
    enrichment_remediation_strategy: 'none',
    high_count_rollup_threshold: 10
  }
}

/** A global tag as the API nests it in lists. */
export function tagJson(name: string): Record<string, unknown> {
  return { name, color: '#336699', description: null }
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
    teams: [TEAM],
    tags: [],
    global_tags: (link.tags ?? []).map(tagJson),
    enrichment_only: true,
    enrich_datastore: null,
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
    // The published container stub, as the vendor CLI reads it.
    containers:
      op.containerIds?.map(id => ({
        id,
        name: `table_${id}`,
        container_type: 'table',
        table_type: 'table',
        store_type: 'jdbc',
        cataloged: true,
        deleted_at: null
      })) ?? null,
    // Tag objects or null, never bare strings.
    tags: op.containerTags?.length
      ? op.containerTags.map(name => ({ name, color: null, description: null }))
      : null,
    status: { total_containers: details.totalContainers }
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

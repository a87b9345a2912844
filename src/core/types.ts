/** Shared vocabulary of the core: asset types, results, records. */

/** What one export operation exports (the API's `ExportableType`). */
export type AssetType = 'anomalies' | 'checks' | 'profiles'

/** `all` expands to these, in this order. */
export const ALL_ASSET_TYPES: readonly AssetType[] = [
  'anomalies',
  'checks',
  'profiles'
]

/** The words the `result` outputs use, for one export and overall. */
export type Result =
  | 'success'
  | 'warning'
  | 'failure'
  | 'aborted'
  | 'timeout'
  | 'cancelled'
  | 'running'
  | 'dry-run'

/**
 * What the API's `result` field may hold: Qualytics' documented lifecycle,
 * queued → running → success / failure / aborted.
 */
export type ApiResult = 'queued' | 'running' | 'success' | 'failure' | 'aborted'

/** One export to run: one datastore, one asset type. */
export interface PlannedExport {
  datastoreId: number
  assetType: AssetType
  /** The exact body of `POST /api/operations/run`. */
  body: ExportRequestBody
}

/** `CreateExportOperation`, as the vendor CLI sends it. */
export interface ExportRequestBody {
  type: 'export'
  datastore_id: number
  asset_type: AssetType
  include_deleted: boolean
  container_ids?: number[]
  container_tags?: string[]
}

/** The fields of an operation object the action reads (client/schemas.ts). */
export interface Operation {
  id: number
  /** The operation type (`export`), when the server says. */
  type: string | null
  /** null: the server sent a word the action does not know (see resultText). */
  result: ApiResult | null
  /** The raw `result` as JSON text (capped), for messages about an unknown word. */
  resultText: string
  message: string | null
  /** Times as ISO 8601 UTC (server times without an offset are read as UTC). */
  startTime: string | null
  endTime: string | null
  /** `end_time` was set (even to a value that does not read as a time). */
  ended: boolean
  totalContainers: number | null
  /** Datastore and asset type, when the server says (identity checks). */
  datastoreId: number | null
  assetType: string | null
  /** `include_deleted` as the server states it; null when absent. */
  includeDeleted: boolean | null
  /**
   * The container selection: null (or []) for an export without a filter,
   * the ids it lists, undefined when the server did not say readably.
   */
  containers?: number[] | null
  created: string | null
  /** Started by a Qualytics schedule or flow, not by an API call like ours. */
  startedByQualytics: boolean
}

/** One row of the `operations` output, and what the poller tracks. */
export interface OperationRecord {
  datastoreId: number
  assetType: AssetType
  /** null until triggered (or in a dry run, or when the trigger failed). */
  id: number | null
  result: Result
  message: string | null
  startTime: string | null
  endTime: string | null
  totalContainers: number | null
  /** Anomalies or checks held in Qualytics at export time; null when unknown. */
  count: number | null
  /**
   * Waiting in Qualytics' queue for a worker (`result: "queued"`, no end):
   * still going, shown as queued in the log and the summary.
   */
  queued?: boolean
  /** Left running after a cancel whose abort did not get through (for the post step). */
  abortPending?: boolean
  /** Follows an export this run did not start (`if-running: wait`, or adopted after a lost answer). */
  adopted: boolean
  /** End of the most recent earlier successful export of this datastore and asset type. */
  lastSuccessAt: string | null
  /** Scheduled runs only: cron fire times missed since that earlier success. */
  missedRuns: number | null
  /** The export table found in the enrichment datastore (`verify`). */
  table: string | null
  /** The table was written by this export: true, false (missing or stale), null (cannot tell). */
  verified: boolean | null
  /** `skip-if-fresh` reports an earlier export instead of triggering one. */
  reused: boolean
  /** POSTs this run sent for the row: 0 reused or followed, 1 one trigger, more when retried. */
  attempts: number
  /** `retry-failed`: the ids of the earlier attempts, oldest first. */
  retriedIds: number[]
  /** Seconds of earlier successful exports of this kind, oldest first (the summary's chart). */
  earlierSeconds?: number[]
  /**
   * The action's own findings about this export (nothing to export, not
   * verified, missed runs, how a stop went): shown in annotations, the log
   * and the summary, never mixed into Qualytics' `message`.
   */
  notes: string[]
}

/** One retry the client made, for the log. */
export interface RetryInfo {
  what: string
  attempt: number
  delayMs: number
  reason: string
}

/** What preflight needs to know of a datastore. */
export interface DatastoreInfo {
  id: number
  name: string
  enrichment: { id: number | null; name: string | null } | null
  /** `enrichment_prefix` as the server gave it; null when it did not say. */
  enrichmentPrefix?: string | null
}

/** What preflight learnt, for the log and the summary. */
export interface PreflightReport {
  user: { name: string | null; role: string | null }
  datastores: DatastoreInfo[]
}

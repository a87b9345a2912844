/**
 * Public types of the Qualytics API simulator. They mirror the shapes in
 * `qualytics-api.md`; the simulator is only as faithful as that page, so
 * anything marked UNCONFIRMED there is a documented choice here.
 */

/** What an export writes to the enrichment datastore. */
export type AssetType = 'anomalies' | 'checks' | 'profiles'

/**
 * The values of an operation's `result`: the active phase (`queued`, then
 * `running`) and the three outcomes (userguide, runs lifecycle).
 */
export type OperationResult =
  'queued' | 'running' | 'success' | 'failure' | 'aborted'

/** Names of the endpoints, used to target chaos and missing endpoints. */
export type EndpointKey =
  | 'me'
  | 'datastore'
  | 'run'
  | 'operation'
  | 'operations'
  | 'abort'
  | 'anomalies'
  | 'quality-checks'
  | 'datastores'
  | 'listing'
  | 'source-records'
  | 'openapi'

/** A source datastore as the simulator knows it. */
export interface SimDatastore {
  id: number
  name: string
  /** Linked enrichment datastore; null = not linked. */
  enrichment: {
    id: number
    name: string
    /**
     * This source datastore's table prefix in the enrichment datastore
     * (`enrich_container_prefix`); two datastores may share one.
     */
    prefix?: string
    /** Tags on the enrichment datastore itself. */
    tags?: string[]
  } | null
  /** Total of GET /api/anomalies for this datastore (default 0). */
  anomalies?: number
  /** Total of GET /api/quality-checks for this datastore (default 0). */
  checks?: number
  /** Names of its `global_tags` (default none). */
  tags?: string[]
}

/**
 * What an export leaves in the enrichment datastore: its table written
 * when it ends (`fresh`), an older table it did not replace (`stale`), or
 * no table at all (`missing`).
 */
export type Landing = 'fresh' | 'stale' | 'missing'

/** How one export behaves once triggered. */
export interface ExportBehaviour {
  /** Time from being picked up (`queued` to `running`) to end_time. */
  durationMs: number
  /** Time spent `queued` before a worker picks it up (default: the scenario's `queuedMs`). */
  queuedMs?: number
  result: 'success' | 'failure' | 'aborted'
  /** Success with a message is what the CLI reports as a warning. */
  message?: string | null
  /** status.total_containers once finished (default 3); grows while running. */
  totalContainers?: number
}

/** Per-endpoint probabilities; '*' applies to every request. */
export type RateTable = Partial<Record<EndpointKey | '*', number>>

/** Faults injected between the client and the simulated server. */
export interface ChaosConfig {
  /** Seed of the deterministic PRNG (mulberry32); default 1. */
  seed?: number
  /** 500/502/503 with a FastAPI or an HTML (gateway) body. */
  errorRate?: RateTable
  /** Destroy the socket without answering. */
  resetRate?: RateTable
  /** 429 with Retry-After, alternating seconds and HTTP-date forms. */
  rateLimitRate?: RateTable
  /** 200 with an HTML page or truncated JSON. */
  corruptRate?: RateTable
  /**
   * Probability that POST /operations/run CREATES the operation and then
   * drops the connection (or answers 502/504) before responding: the
   * ambiguous trigger failure.
   */
  dropAfterCreateRate?: number
  /** Fixed, or uniform in [min, max], added to every answer. */
  latencyMs?: number | [number, number]
  /** Value of Retry-After on 429 answers; default 1. */
  retryAfterSeconds?: number
  /**
   * A 429 storm: the next N requests (any endpoint) all get 429. The
   * simulator counts this field down in place, so a test can set it again.
   */
  rateLimitStorm?: number
}

import type { RowTimeForm } from './export-rows.js'

/** Everything that decides how the simulated server answers. */
export interface Scenario {
  /** The valid bearer token (default: a JWT-shaped `DEFAULT_TOKEN` without `exp`). */
  token: string
  /** Tokens that authenticate but lack permission: 403 on run and abort. */
  readOnlyTokens?: string[]
  datastores: SimDatastore[]
  /**
   * How long a new export stays `queued` before it runs, unless its
   * behaviour says (default DEFAULT_QUEUED_MS, 1 s; 0 runs it at once).
   */
  queuedMs?: number
  /** Each export's fate; default: success after 2500 ms, message null. */
  behaviour?: (req: {
    datastoreId: number
    assetType: AssetType
    /** 1-based order in which the simulator created the export. */
    seq: number
  }) => ExportBehaviour
  /** Endpoints that answer 404 as if the server did not have them. */
  missingEndpoints?: EndpointKey[]
  /** What each successful export writes to its enrichment datastore (default fresh). */
  landing?: (req: { datastoreId: number; assetType: AssetType }) => Landing
  /** Export table names: `_<prefix>_anomalies_export` (new, default) or `_<prefix>_export_anomalies` (old). */
  tableNaming?: 'new' | 'old'
  /** How source-records rows give `generated_at` (default as documented, `2024-06-11 18:42:31+0000`). */
  rowTimes?: RowTimeForm
  /** source-records ignores `filter` and returns every row (as a server without it would). */
  ignoreRecordFilter?: boolean
  /** Shape of GET /api/datastores/{id}/listing (default a plain array). */
  listingShape?: 'array' | 'envelope'
  /** Echo the Authorization header back in error bodies (redaction tests). */
  echoToken?: boolean
  chaos?: ChaosConfig
  /** Operations that exist before the run: earlier exports, running ones, other types. */
  history?: SeedOperation[]
  /** GET /api/operations ignores every filter and the sort (as a real server may). */
  ignoreListFilters?: boolean
  /** A gateway limiter: 429 above this many requests in any trailing second. */
  rateLimit?: { perSecond: number; retryAfterSeconds?: number }
}

/** One request as the simulator saw it, faulted or not. */
export interface RequestRecord {
  method: string
  path: string
  query: Record<string, string | string[]>
  /** Parsed JSON, the raw text when it is not JSON, undefined when empty. */
  body: unknown
  /** HTTP status sent; 0 when the connection was dropped without an answer. */
  status: number
  /** The injected fault, if any ('error', 'reset', 'rate-limit', ...). */
  fault?: string
  /** Simulator clock time at arrival (ms since epoch). */
  at: number
  authorization?: string
}

/** Server-side truth about one export operation. */
export interface SimOperation {
  id: number
  datastoreId: number
  assetType: AssetType
  includeDeleted: boolean
  containerIds: number[] | null
  containerTags: string[] | null
  created: number
  /** `start_time` as served (the creation time: the field is required while queued too). */
  startTime: number
  /** When a worker picks it up: `queued` before, `running` after. */
  runsFrom: number
  /** When the operation ends (moved earlier when an abort lands). */
  plannedEnd: number
  endTime: number | null
  result: OperationResult
  message: string | null
  abortRequested: boolean
  behaviour: ExportBehaviour
  /** `type` when not 'export' (seeded operations of other kinds). */
  type?: string
  /** Started by a Qualytics schedule: the item carries a `schedule` object. */
  scheduled?: boolean
}

/** One operation that exists before the run starts. */
export interface SeedOperation {
  datastoreId: number
  assetType: AssetType
  /** Start, relative to the simulator's start (negative: in the past). */
  startOffsetMs: number
  /** Pick-up to end; an operation whose end is after the start of the simulator is running then. */
  durationMs: number
  /** Time `queued` before it runs (default 0). */
  queuedMs?: number
  /** How it ends (default success). */
  result?: Exclude<OperationResult, 'running' | 'queued'>
  message?: string | null
  /** `type` of the item (default 'export'): other types test identity checks. */
  type?: string
  /** Started by a Qualytics schedule (the item carries a `schedule` object). */
  scheduled?: boolean
  includeDeleted?: boolean
  /** Its `container_ids` (default none: an unfiltered export). */
  containerIds?: number[] | null
}

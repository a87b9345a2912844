/** The shapes the Qualytics client takes and gives. */
import type { Clock } from '../clock.js'
import type { ApiError } from '../errors.js'
import type { Transport } from './http.js'
import type { Redactor } from '../output/redact.js'
import type { AssetType, Operation, RetryInfo } from '../types.js'

/** How the client is built; everything but the address and token has a default. */
export interface ClientOptions {
  /** Ends in `/api/`. */
  apiBase: string
  token: string
  userAgent: string
  /** Applied to every message the client produces. */
  redact: Redactor
  transport?: Transport
  /** Per-request timeout (the vendor CLI uses 30 s). */
  requestTimeoutMs?: number
  clock?: Clock
  random?: () => number
  /** Cancels retry pauses (the workflow was cancelled). */
  signal?: AbortSignal
  /** Most requests per second (`max-request-rate`; default 20). */
  maxRequestRate?: number
  /** Told of each retry, for the log. */
  onRetry?: (info: RetryInfo) => void
}

/** One retry, as the log reports it. */

/** What one POST /operations/run came to. */
export type TriggerOutcome =
  | { kind: 'created'; operation: Operation }
  /** The server refused it (4xx): final, sending it again changes nothing. */
  | { kind: 'rejected'; error: ApiError }
  /** It never reached the server, or was refused unprocessed (429): safe to send again. */
  | { kind: 'not-sent'; error: ApiError }
  /** It may or may not have created an operation: look before sending again. */
  | { kind: 'ambiguous'; error: ApiError }
  /**
   * A 2xx whose id cannot be read (missing, a fraction, past 2^53, not
   * JSON): an export probably exists. "Cannot tell": never send it again.
   */
  | { kind: 'unreadable'; error: ApiError }

/** What a list of one datastore's exports came to. */
export type ExportList =
  | {
      kind: 'listed'
      /** Parsed items, identity not yet checked (the caller's plan decides). */
      items: Operation[]
      /** Items without a readable id: they may be anything, ours included. */
      unreadable: number
      total: number | null
      /** The page size asked for. */
      size: number
    }
  /** The server has no list endpoint (404). */
  | { kind: 'missing' }
  /** The page could not be read (errors after retries, a wrong shape). */
  | { kind: 'cannot-tell'; reason: string }

/** Counters for the benchmark and the soak test. */
export interface ClientStats {
  requests: number
  retries: number
}

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

/** One page of the datastore list. */
export interface DatastorePage {
  items: ListedDatastore[]
  total: number
  pages: number
}

/** An export a list showed, with the identity fields checked. */
export interface ListedExport extends Operation {
  datastoreId: number
  assetType: AssetType
}

/** One page of the exports list: the checked exports and whether the page was full. */
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

/** When a row says it was generated, as far as it can be read. */
export type Stamp =
  /** A time whose zone is known (ms since epoch). */
  | { kind: 'zoned'; ms: number }
  /** A wall time without a zone: which instant it was cannot be known. */
  | { kind: 'zoneless'; text: string }
  /** Absent, or in no form the contract lists. */
  | { kind: 'unreadable' }

/** One row of an export table, as verification needs it. */
export interface TableRow {
  /** The row's datastore id; null when it carries none that reads as an id. */
  datastoreId: number | null
  generatedAt: Stamp
  /** Its column names, upper-cased (warehouses differ in case). */
  columns: string[]
}

/** What a read of a table's rows gave back. */
export interface TableRows {
  rows: TableRow[]
  /** True when the server took the `filter=` by datastore (it may still ignore it). */
  filtered: boolean
}

/** The shapes the Qualytics client takes and gives. */
import type { Clock } from '../clock.js'
import type { ApiError } from '../errors.js'
import type { Transport } from './http.js'
import type { Redactor } from '../output/redact.js'
import type { Operation } from '../types.js'

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
export interface RetryInfo {
  what: string
  attempt: number
  delayMs: number
  reason: string
}

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

/** What preflight needs to know of a datastore. */
export interface DatastoreInfo {
  id: number
  name: string
  enrichment: { id: number | null; name: string | null } | null
  /** `enrichment_prefix` as the server gave it; null when it did not say. */
  enrichmentPrefix?: string | null
}

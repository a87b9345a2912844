/**
 * Errors the core raises. Each carries what a user needs to act on it; the
 * adapters (action, CLI) turn them into annotations or exit codes.
 */

/** Bad input, refused before any request leaves the machine. */
export class InputError extends Error {
  constructor(
    /** The input's name as the action spells it (`poll-interval`). */
    readonly input: string,
    /** What was wrong, naming the bad value. */
    readonly problem: string
  ) {
    super(`Invalid input '${input}': ${problem}`)
    this.name = 'InputError'
  }
}

/** An HTTP answer the client could not accept, or a request that failed. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly method: string,
    readonly path: string,
    /** HTTP status, or undefined when no answer came (network, timeout). */
    readonly status: number | undefined,
    /** The server's `detail`, already stripped of the token. */
    readonly detail: string | undefined,
    /** True when repeating the same request may succeed. */
    readonly retryable: boolean,
    /** Seconds the server asked us to wait (Retry-After), if any. */
    readonly retryAfterMs?: number
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

/** What preflight found of one datastore (shown when it stops the run). */
export interface DatastoreCheck {
  id: number
  /** As Qualytics names it; null when it could not be read. */
  name: string | null
  /** The linked enrichment datastore's name, when known. */
  enrichment: string | null
  /** passed: readable and linked; unlinked: no enrichment datastore; failed: could not be read; unchecked: preflight stopped before it. */
  outcome: 'passed' | 'unlinked' | 'failed' | 'unchecked'
}

/** A check before triggering failed: token, datastore, enrichment link. */
export class PreflightError extends Error {
  /** Each planned datastore's check, as far as preflight got (for the summary). */
  checked: readonly DatastoreCheck[] = []

  constructor(
    message: string,
    /** What the user should do about it. */
    readonly hint: string
  ) {
    super(message)
    this.name = 'PreflightError'
  }
}

/** Quote a user-supplied value for an error message: bounded and one line. */
export function quote(value: string): string {
  // JSON.stringify shows control characters as escapes (\n); breaking `::`
  // keeps the value from reading as a workflow command.
  const oneLine = value.replace(/::/g, ':\u200b:')
  const short = oneLine.length > 80 ? `${oneLine.slice(0, 77)}...` : oneLine
  return JSON.stringify(short)
}

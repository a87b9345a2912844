/**
 * What one answer to `POST /api/operations/run` means. The call is not
 * idempotent, so this decides what is safe to do next: a readable id is
 * this run's export; an unreadable 2xx or a lost answer may have created
 * one (look before posting again); a 429 or a connection that never opened
 * did nothing.
 */
import type { TriggerOutcome } from './client-types.js'
import { networkError, shapeError, statusError } from './api-errors.js'
import type { HttpResponse } from './http.js'
import { operation, parseJson } from './schemas.js'
import { BudgetCancelledError } from './rate-limit.js'
import { isConnectError } from './retry.js'
import type { Redactor } from '../output/redact.js'

const PATH = 'operations/run'

/** The POST failed before any answer: not sent, or perhaps acted on. */
export function outcomeOfFailure(
  redact: Redactor,
  error: unknown
): TriggerOutcome {
  const apiError = networkError(redact, 'POST', PATH, error)
  return isConnectError(error) || error instanceof BudgetCancelledError
    ? { kind: 'not-sent', error: apiError }
    : { kind: 'ambiguous', error: apiError }
}

/** The POST was answered. */
export function outcomeOfAnswer(
  redact: Redactor,
  response: HttpResponse,
  what: string,
  nowMs: number
): TriggerOutcome {
  if (response.status >= 200 && response.status < 300) {
    try {
      // A readable id is this run's export, whatever else the answer
      // holds (`result` "queued" or null, fields missing).
      return {
        kind: 'created',
        operation: operation(parseJson(response.body, what), what)
      }
    } catch (error) {
      // It answered 2xx, so an operation probably exists: cannot tell.
      return {
        kind: 'unreadable',
        error: shapeError(redact, 'POST', PATH, error)
      }
    }
  }
  const error = statusError(redact, 'POST', PATH, response, nowMs)
  if (response.status === 429) return { kind: 'not-sent', error }
  if (response.status >= 500 || response.status === 408)
    return { kind: 'ambiguous', error }
  return { kind: 'rejected', error }
}

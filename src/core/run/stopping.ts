import type { QualyticsClient } from '../client/client.js'
import type { Operation } from '../types.js'

/** What an abort request came to for one export. */
export type AbortOutcome =
  | { state: 'requested'; operation: Operation }
  | { state: 'already-ended'; operation: Operation }
  | { state: 'failed'; error: string }

/**
 * Ask Qualytics to abort these operations, all at once, giving up after
 * `budgetMs` (a cancelled job is killed about ten seconds after SIGINT, so
 * the abort must leave well before). Abort is asynchronous and best-effort
 * on the server: an answer still `running` means "requested".
 */
export async function abortOperations(
  client: QualyticsClient,
  ids: readonly number[],
  budgetMs: number
): Promise<Map<number, AbortOutcome>> {
  const outcomes = new Map<number, AbortOutcome>()
  let timer: NodeJS.Timeout | undefined
  const overdue = new Promise<void>(resolve => {
    timer = setTimeout(resolve, budgetMs)
  })
  await Promise.race([
    Promise.all(
      ids.map(async id => {
        try {
          const operation = await client.abort(id)
          outcomes.set(id, {
            state:
              operation.result === 'success' || operation.result === 'failure'
                ? 'already-ended'
                : 'requested',
            operation
          })
        } catch (error) {
          outcomes.set(id, {
            state: 'failed',
            error: error instanceof Error ? error.message : String(error)
          })
        }
      })
    ),
    overdue
  ])
  clearTimeout(timer)
  for (const id of ids) {
    if (!outcomes.has(id))
      outcomes.set(id, {
        state: 'failed',
        error: `no answer within ${budgetMs} ms`
      })
  }
  return outcomes
}

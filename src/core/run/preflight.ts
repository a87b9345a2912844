import type { DatastoreInfo } from '../client/client-types.js'
import type { QualyticsClient } from '../client/client.js'
import { ApiError, PreflightError, type DatastoreCheck } from '../errors.js'
import type { RetryPolicy } from '../client/retry.js'
import { TOKEN_HINT } from '../config/token.js'

/** Preflight reads give up after about this long (the contract's 30 s). */
export const PREFLIGHT_BUDGET_MS = 30_000

/** A policy for one preflight phase starting now. */
export function preflightPolicy(now: number): RetryPolicy {
  return {
    maxAttempts: 8,
    baseDelayMs: 500,
    maxDelayMs: 8000,
    deadline: now + PREFLIGHT_BUDGET_MS
  }
}

/** What preflight learnt, for the log and the summary. */
export interface PreflightReport {
  user: { name: string | null; role: string | null }
  datastores: DatastoreInfo[]
}

/**
 * Check the token and every datastore before anything is triggered: one
 * datastore without an enrichment link means nothing is exported, so a
 * half-done snapshot never passes for a whole one.
 */
export async function preflight(
  client: QualyticsClient,
  datastoreIds: readonly number[],
  now: () => number
): Promise<PreflightReport> {
  let user: PreflightReport['user']
  try {
    user = await checkToken(client, now)
  } catch (error) {
    throw withChecks(error as Error, datastoreIds, [])
  }
  // Every datastore is read to the end, so a failure can say which passed.
  const settled = await Promise.allSettled(
    datastoreIds.map(id => client.getDatastore(id, preflightPolicy(now())))
  )
  const failedAt = settled.findIndex(s => s.status === 'rejected')
  if (failedAt >= 0) {
    const reason: unknown = (settled[failedAt] as PromiseRejectedResult).reason
    throw withChecks(
      explainDatastoreError(datastoreIds[failedAt]!, reason),
      datastoreIds,
      settled
    )
  }
  const datastores = settled.map(
    s => (s as PromiseFulfilledResult<DatastoreInfo>).value
  )
  const unlinked = datastores.filter(d => d.enrichment === null)
  if (unlinked.length > 0) {
    const names = unlinked.map(d => `${d.id} (${d.name})`).join(', ')
    throw withChecks(
      new PreflightError(
        `Datastore ${names} has no enrichment datastore linked, so there is nowhere to export to. Nothing was exported.`,
        "Link an enrichment datastore in Qualytics (the datastore's Enrichment settings, or PATCH /api/datastores/{id}/enrichment/{enrichment_id}), then run again."
      ),
      datastoreIds,
      settled
    )
  }
  return { user, datastores }
}

/** Attach what each datastore's check found to a PreflightError. */
function withChecks(
  error: Error,
  ids: readonly number[],
  settled: readonly PromiseSettledResult<DatastoreInfo>[]
): Error {
  if (!(error instanceof PreflightError)) return error
  error.checked = ids.map((id, i): DatastoreCheck => {
    const s = settled[i]
    if (!s) return { id, name: null, enrichment: null, outcome: 'unchecked' }
    if (s.status === 'rejected')
      return { id, name: null, enrichment: null, outcome: 'failed' }
    const { name, enrichment } = s.value
    return enrichment === null
      ? { id, name, enrichment: null, outcome: 'unlinked' }
      : { id, name, enrichment: enrichment.name, outcome: 'passed' }
  })
  return error
}

/** GET /api/users/me, with a PreflightError that says what to do on 401 or 403. */
export async function checkToken(
  client: QualyticsClient,
  now: () => number
): Promise<PreflightReport['user']> {
  try {
    return await client.me(preflightPolicy(now()))
  } catch (error) {
    throw explainTokenError(error)
  }
}

function explainTokenError(error: unknown): Error {
  if (error instanceof ApiError && error.status === 401) {
    return new PreflightError(
      `The Qualytics token was rejected or has expired (${error.message}).`,
      TOKEN_HINT
    )
  }
  if (error instanceof ApiError && error.status === 403) {
    return new PreflightError(
      `The Qualytics token works but lacks permission to read the current user (${error.message}).`,
      "Use a token of a user with at least the Member role; exporting needs Editor permission on the datastore's team."
    )
  }
  return error instanceof Error ? error : new Error(String(error))
}

/** Why a datastore read in preflight failed, as the user can act on it. */
export function explainDatastoreError(id: number, error: unknown): Error {
  if (error instanceof ApiError && error.status === 404) {
    return new PreflightError(
      `Datastore ${id} was not found in Qualytics (${error.message}).`,
      "Check the `datastore` input: use the numeric id shown in the datastore's URL in Qualytics."
    )
  }
  if (error instanceof ApiError && error.status === 403) {
    return new PreflightError(
      `The token may not read datastore ${id} (${error.message}).`,
      "Give the token's user Editor permission on the team that owns the datastore."
    )
  }
  return error instanceof Error ? error : new Error(String(error))
}

import type { DatastoreInfo } from '../client/client-types.js'
import type { QualyticsClient } from '../client/client.js'
import { ApiError, PreflightError } from '../errors.js'
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
    user = await client.me(preflightPolicy(now()))
  } catch (error) {
    throw explainTokenError(error)
  }
  const datastores = await Promise.all(
    datastoreIds.map(async id => {
      try {
        return await client.getDatastore(id, preflightPolicy(now()))
      } catch (error) {
        throw explainDatastoreError(id, error)
      }
    })
  )
  const unlinked = datastores.filter(d => d.enrichment === null)
  if (unlinked.length > 0) {
    const names = unlinked.map(d => `${d.id} (${d.name})`).join(', ')
    throw new PreflightError(
      `Datastore ${names} has no enrichment datastore linked, so there is nowhere to export to. Nothing was exported.`,
      "Link an enrichment datastore in Qualytics (the datastore's Enrichment settings, or PATCH /api/datastores/{id}/enrichment/{enrichment_id}), then run again."
    )
  }
  return { user, datastores }
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

function explainDatastoreError(id: number, error: unknown): Error {
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

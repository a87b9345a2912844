import { DEFAULT_QUEUED_MS } from './operations.js'
import type { ExportBehaviour, Scenario, SimDatastore } from './types.js'

/**
 * A JWT-shaped token (header, claims, signature; base64url) without `exp`,
 * like a Qualytics "Never" token: the vendor CLI refuses anything that does
 * not decode as a JWT. The signature is made up; the simulator compares the
 * whole string.
 */
function simToken(subject = 'qualytics-simulator'): string {
  const part = (value: object): string =>
    Buffer.from(JSON.stringify(value)).toString('base64url')
  const header = part({ alg: 'HS256', typ: 'JWT' })
  const claims = part({
    sub: subject,
    iss: 'qualytics-export-simulator',
    iat: 1764547200
  })
  return `${header}.${claims}.c2ltdWxhdG9yLXNpZ25hdHVyZS0wMTIzNDU2Nzg5`
}

/** The valid bearer token when a scenario does not name one. */
export const DEFAULT_TOKEN = simToken()

/** The demo's read-only token (it may read, not trigger). */
export const READ_ONLY_TOKEN = simToken('qualytics-simulator-read-only')

/** Fill in a scenario's defaults; the result is the live, mutable scenario. */
export function normaliseScenario(
  partial: Partial<Scenario> & { datastores: SimDatastore[] }
): Scenario {
  return {
    ...partial,
    token: partial.token ?? DEFAULT_TOKEN,
    readOnlyTokens: partial.readOnlyTokens ?? [],
    datastores: partial.datastores,
    missingEndpoints: partial.missingEndpoints ?? [],
    echoToken: partial.echoToken ?? false,
    queuedMs: partial.queuedMs ?? DEFAULT_QUEUED_MS
  }
}

/** The warning the demo's profiles export of datastore 43 ends with. */
export const DEMO_WARNING =
  'Export completed with warnings: 1 of 3 containers had no field profiles'

/**
 * Canned scenario for `npm run demo`: datastores 42 and 43 are linked to
 * enrichment datastores and tagged `nightly-export` (the fan-out recipe's
 * tag), 7 is not linked. Exports wait 1 s queued, run 2-4 s (varied by
 * sequence number, so runs are repeatable), and the profiles export of
 * datastore 43 succeeds with a warning message.
 */
export function demoScenario(): Scenario {
  return {
    token: DEFAULT_TOKEN,
    readOnlyTokens: [READ_ONLY_TOKEN],
    datastores: [
      {
        id: 42,
        name: 'Sales Warehouse',
        enrichment: { id: 100, name: 'Sales Enrichment', prefix: 'sales' },
        anomalies: 128,
        checks: 342,
        tags: ['nightly-export', 'finance']
      },
      {
        id: 43,
        name: 'Marketing Lake',
        enrichment: { id: 101, name: 'Marketing Enrichment' },
        anomalies: 17,
        checks: 85,
        tags: ['nightly-export', 'marketing']
      },
      {
        id: 7,
        name: 'Legacy CRM',
        enrichment: null,
        anomalies: 5,
        checks: 12,
        tags: ['legacy']
      }
    ],
    queuedMs: DEFAULT_QUEUED_MS,
    behaviour: ({ datastoreId, assetType, seq }): ExportBehaviour => {
      const durationMs = 2000 + ((seq * 769) % 2001)
      if (datastoreId === 43 && assetType === 'profiles') {
        return { durationMs, result: 'success', message: DEMO_WARNING }
      }
      return { durationMs, result: 'success', message: null }
    },
    missingEndpoints: [],
    echoToken: false
  }
}

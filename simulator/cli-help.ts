/** The simulator's `--help`: its options, datastores and tokens. */
import type { Scenario } from './types.js'

/** Usage, then what the scenario holds, so a user can point a client at it. */
export function helpText(scenario: Scenario): string {
  const datastores = scenario.datastores.map(d => {
    const link = d.enrichment
      ? `linked to enrichment datastore ${d.enrichment.id} (${d.enrichment.name})`
      : 'no enrichment link (exports are refused)'
    const counts =
      d.anomalies !== undefined || d.checks !== undefined
        ? `, ${d.anomalies ?? 0} anomalies, ${d.checks ?? 0} checks`
        : ''
    const tags = d.tags?.length ? `; tags ${d.tags.join(', ')}` : ''
    return `  ${String(d.id).padStart(4)}  ${d.name}: ${link}${counts}${tags}`
  })
  return `Usage: npm run simulator -- [options]

A local stand-in for the Qualytics API (users/me, datastores, operations
run/status/abort, counts, enrichment listing and source records;
/api/openapi.json lists it all). Prints {"url":...,"token":...} as its first line,
then one line per request. Stop it with Ctrl-C.

Options:
  --port N           port to listen on (default 8787; 0 picks a free one)
  --host H           address to bind (default 127.0.0.1)
  --scenario demo    the canned scenario (only one so far)
  --duration MS      how long each export runs (default 2000-4000 ms)
  --queued MS        how long each export waits queued first (default ${scenario.queuedMs ?? 0}; 0: none)
  --result R         how every export ends: success, failure or aborted
  --message TEXT     the message every export ends with
  --token T          the token to accept instead of the default
  --error-rate P     answer this share of requests with a fault (0-1)
  --seed N           seed of the faults (default 1)
  -h, --help         this text

Datastores:
${datastores.join('\n')}

Tokens (send as "Authorization: Bearer <token>"):
  ${scenario.token}
      full access (JWT-shaped, no expiry, like a Qualytics "Never" token)
${(scenario.readOnlyTokens ?? []).map(t => `  ${t}\n      read-only: may read, gets 403 on triggering an export`).join('\n')}

Try it:
  QUALYTICS_URL=http://127.0.0.1:8787 QUALYTICS_TOKEN=<token> \\
    node dist/cli/index.js run --datastore 42 --options all
`
}

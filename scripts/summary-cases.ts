/**
 * Fixed job-summary inputs: the snapshot test renders them, and
 * `scripts/screenshot-summary.ts` turns them into pictures to look at.
 * Everything here is deterministic (no clock, no randomness).
 */
import { newRecord } from '../src/core/domain/records.js'
import type { SummaryInput } from '../src/core/report/summary.js'
import type { AssetType, OperationRecord, Result } from '../src/core/types.js'

const NAMES = new Map<number, string>([
  [42, 'Sales Warehouse'],
  [43, 'Marketing Lake'],
  [44, 'Finance Mart'],
  [45, 'Support Tickets'],
  [46, 'Inventory'],
  [47, 'Web Analytics'],
  [48, 'HR Core'],
  [49, 'Billing'],
  [50, 'Logistics'],
  [51, 'Partner Feeds']
])

/** One export record, started at a fixed time and lasting `seconds`. */
function record(
  datastoreId: number,
  assetType: AssetType,
  id: number | null,
  result: Result,
  seconds: number | null,
  extra: Partial<OperationRecord> = {}
): OperationRecord {
  const start = Date.parse('2026-11-25T06:17:41.000Z') + (id ?? 0) * 150
  return {
    ...newRecord({ datastoreId, assetType }),
    id,
    result,
    startTime: id === null ? null : new Date(start).toISOString(),
    endTime:
      seconds === null ? null : new Date(start + seconds * 1000).toISOString(),
    totalContainers: id === null ? null : 3,
    count: assetType === 'profiles' || id === null ? null : 10 + (id % 97),
    ...extra
  }
}

/** Where a verified export of this asset type landed. */
function landed(type: AssetType): Partial<OperationRecord> {
  const table = type === 'profiles' ? 'field_profiles' : type
  return { table: `_qualytics_${table}_export`, verified: true }
}

const LONG_MESSAGE =
  'Export failed: could not write to the enrichment datastore "Sales Enrichment" (postgresql): ' +
  'permission denied for schema analytics_enrichment. The enrichment connection user needs CREATE and ' +
  'INSERT on the target schema; check the enrichment datastore connection in Qualytics. ' +
  'Details: psycopg2.errors.InsufficientPrivilege: permission denied for schema analytics_enrichment ' +
  'LINE 1: CREATE TABLE IF NOT EXISTS analytics_enrichment._qualytics_export_anomalies (id bigint, ' +
  'container_id bigint, rule_type text, status text, created timestamptz, ...'

const thirty: OperationRecord[] = [...NAMES.keys()].flatMap((ds, d) =>
  (['anomalies', 'checks', 'profiles'] as const).map((type, t) => {
    const id = 2001 + d * 3 + t
    if (ds === 45 && type === 'anomalies')
      return record(ds, type, id, 'warning', 1.9, {
        count: 0,
        message:
          'Qualytics held no anomalies for datastore 45 at export time, so the export wrote an empty table.'
      })
    if (ds === 49 && type === 'profiles')
      return record(ds, type, id, 'warning', 41.3, {
        message:
          'Export completed with warnings: 1 of 3 containers had no field profiles'
      })
    return record(
      ds,
      type,
      id,
      'success',
      3 + ((id * 7) % 50) / 2,
      landed(type)
    )
  })
)

/** A nightly schedule in UTC, as `schedule` describes it. */
const NIGHTLY_UTC = {
  cron: '17 6 * * *',
  timezone: 'UTC',
  description: 'Runs at 06:17',
  nextRun: '2026-11-26T06:17:00.000Z'
}

/** Named cases, in the order the screenshots show them. */
export const SUMMARY_CASES: Record<string, SummaryInput> = {
  /** The common case: one scheduled export of one datastore. */
  one: {
    result: 'success',
    records: [
      record(42, 'anomalies', 1001, 'success', 2.8, {
        count: 128,
        ...landed('anomalies')
      })
    ],
    datastoreNames: NAMES,
    schedule: NIGHTLY_UTC,
    elapsedMs: 3150,
    origin: 'https://acme.qualytics.io'
  },
  /** Ten datastores, every asset type: two warnings among 28 successes. */
  thirty: {
    result: 'warning',
    records: thirty,
    datastoreNames: NAMES,
    schedule: {
      cron: '17 6 * * 1-5',
      timezone: 'Europe/Berlin',
      description: 'Runs at 06:17, Monday through Friday',
      nextRun: '2026-11-26T05:17:00.000Z'
    },
    elapsedMs: 187_400,
    origin: 'https://acme.qualytics.io'
  },
  /** A manual run that went wrong three ways, with a long server message. */
  failure: {
    result: 'failure',
    records: [
      record(42, 'anomalies', 3001, 'failure', 12.4, {
        message: LONG_MESSAGE,
        lastSuccessAt: '2026-11-23T06:18:02.000Z'
      }),
      record(42, 'checks', 3002, 'success', 4.2, landed('checks')),
      record(42, 'profiles', 3003, 'timeout', null, {
        adopted: true,
        notes: ['Still running after 30m; the abort was sent.'],
        lastSuccessAt: '2026-11-24T06:19:40.000Z'
      }),
      record(43, 'anomalies', null, 'failure', null, {
        message:
          "Could not start the export: POST /api/operations/run answered 403: You must have editor permission in at least one of these teams: ['Marketing']"
      })
    ],
    datastoreNames: NAMES,
    schedule: null,
    elapsedMs: 1_800_900,
    origin: 'https://acme.qualytics.io',
    advice:
      'Read the message of each failed export, fix the cause in Qualytics (its Activity page shows the operation), then re-run this workflow.'
  },
  /** A scheduled run after missed ones, whose table did not land. */
  missed: {
    result: 'warning',
    records: [
      record(44, 'anomalies', 5001, 'success', 6.1, {
        ...landed('anomalies'),
        missedRuns: 2,
        lastSuccessAt: '2026-11-22T05:17:09.000Z',
        notes: ['2 scheduled runs since the last good snapshot did not export.']
      }),
      record(44, 'checks', 5002, 'warning', 5.4, {
        table: '_qualytics_checks_export',
        verified: false,
        notes: [
          'The table _qualytics_checks_export was not written by this export (newest GENERATED_AT is older than its start).'
        ]
      })
    ],
    datastoreNames: NAMES,
    schedule: {
      cron: '17 6 * * *',
      timezone: 'Europe/Berlin',
      description: 'Runs at 06:17',
      nextRun: '2026-11-26T05:17:00.000Z'
    },
    elapsedMs: 12_300,
    origin: 'https://acme.qualytics.io'
  },
  /** Preflight stopped the run: the plan and which datastores passed. */
  preflight: {
    result: 'failure',
    records: [],
    datastoreNames: new Map(),
    schedule: null,
    elapsedMs: null,
    origin: 'https://acme.qualytics.io',
    problem:
      'Datastore 43 (Marketing Lake) has no enrichment datastore linked, so there is nowhere to export to. Nothing was exported.',
    advice:
      "Link an enrichment datastore in Qualytics (the datastore's Enrichment settings, or PATCH /api/datastores/{id}/enrichment/{enrichment_id}), then run again.",
    preflight: {
      plan: [42, 43, 44].flatMap(datastoreId =>
        (['anomalies', 'checks'] as const).map(assetType => ({
          datastoreId,
          assetType
        }))
      ),
      checked: [
        {
          id: 42,
          name: 'Sales Warehouse',
          enrichment: 'Sales Enrichment',
          outcome: 'passed'
        },
        {
          id: 43,
          name: 'Marketing Lake',
          enrichment: null,
          outcome: 'unlinked'
        },
        {
          id: 44,
          name: 'Finance Mart',
          enrichment: 'Finance Enrichment',
          outcome: 'passed'
        }
      ]
    }
  },
  /** Cancelled mid-run, with the longest names that stay on one line and one longer. */
  cancelled: {
    result: 'cancelled',
    records: [
      record(60, 'anomalies', 6001, 'cancelled', null, {
        notes: ['The workflow run was cancelled; the abort was sent.']
      }),
      record(61, 'checks', 6002, 'cancelled', null, {
        notes: ['The workflow run was cancelled; the abort was sent.']
      }),
      record(60, 'profiles', 6003, 'success', 18.2)
    ],
    datastoreNames: new Map([
      [60, 'Customer Data Warehouse'],
      [61, 'EMEA Regional Sales Reporting Replica (read-only)']
    ]),
    schedule: null,
    elapsedMs: 95_000,
    origin: 'https://acme.qualytics.io'
  },
  /** A nightly run whose anomalies export has slowed: the durations chart. */
  slower: {
    result: 'success',
    records: [
      record(42, 'anomalies', 7001, 'success', 96.4, {
        ...landed('anomalies'),
        earlierSeconds: [
          41.2, 43.8, 39.5, 44.1, 47.3, 46.9, 52.6, 58.1, 63.4, 71.8
        ]
      }),
      record(42, 'checks', 7002, 'success', 12.3, {
        ...landed('checks'),
        earlierSeconds: [11.8, 12.6, 12.1, 13.4, 12.2, 11.9]
      })
    ],
    datastoreNames: NAMES,
    schedule: NIGHTLY_UTC,
    elapsedMs: 101_200,
    origin: 'https://acme.qualytics.io'
  },
  /** `dry-run: true`: the plan, nothing triggered. */
  'dry-run': {
    result: 'dry-run',
    records: (['anomalies', 'checks'] as const).map(type =>
      record(42, type, null, 'dry-run', null)
    ),
    datastoreNames: NAMES,
    schedule: null,
    elapsedMs: 0,
    origin: 'https://acme.qualytics.io'
  },
  /** `wait: false`: triggered and left running. */
  running: {
    result: 'running',
    records: [
      record(42, 'anomalies', 4001, 'running', null),
      record(42, 'checks', 4002, 'running', null)
    ],
    datastoreNames: NAMES,
    schedule: null,
    elapsedMs: 640,
    origin: 'https://acme.qualytics.io'
  }
}

/**
 * `verify` reads this datastore's rows, as Qualytics documents them
 * (contract 1.2, "Verify checks this datastore's rows"): lower-case keys
 * (upper-case accepted), `filter=datastore_id='42'` where the server takes
 * it, every row's datastore id checked, GENERATED_AT in the listed forms,
 * a time without a zone unproven, and the documented columns required.
 *
 * In-process tests run the whole job on a clock fifty times real time
 * (the 2 s and 5 s re-checks take 140 ms); one spawned test per behaviour runs the
 * bundle against the same server.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import type { IncomingMessage } from 'node:http'
import { parseConfig } from '../../src/core/config/config.js'
import { runExportJob, type JobOutcome } from '../../src/core/run/job.js'
import { createRedactor } from '../../src/core/output/redact.js'
import { systemClock, type Clock } from '../../src/core/clock.js'
import { FastClock } from '../helpers/virtual-clock.js'
import { runAction } from '../helpers/bundle.js'
import { operationsOf } from '../helpers/fixtures.js'
import {
  HOSTILE_TOKEN,
  hostileInputs,
  startHostileServer
} from '../helpers/hostile-server.js'

const TABLE = '_qualytics_anomalies_export'
const DAY = 86_400_000

/** How the server treats `filter=`: applies it, ignores it, or refuses it. */
type FilterMode = 'apply' | 'ignore' | 'refuse'

/** A row of the anomalies table with every documented column. */
function anomalyRow(
  datastoreId: number,
  generatedAt: unknown,
  extra: Record<string, unknown> = {}
): Record<string, unknown> {
  return {
    container_id: 1,
    created: generatedAt,
    datastore_id: datastoreId,
    generated_at: generatedAt,
    global_tags: '[]',
    id: 1,
    source_container: 'orders',
    source_datastore: 'warehouse',
    status: 'Active',
    type: 'shape',
    uuid: 'u-1',
    ...extra
  }
}

/** What a test's server saw of the reads of rows. */
interface RowReads {
  /** The `filter` of each source-records read (null: none sent). */
  filters: (string | null)[]
}

/**
 * A server whose export 5 of datastore 42 succeeds at once (started a
 * minute before its first answer), whose enrichment datastore 9 lists the
 * default anomalies table, and whose rows are `rows(startMs)`.
 */
async function startTableServer(
  clock: Clock,
  rows: (startMs: number) => Record<string, unknown>[],
  filter: FilterMode = 'ignore'
): Promise<{
  url: string
  reads: RowReads
  close: () => Promise<void>
}> {
  let startMs: number | null = null
  const reads: RowReads = { filters: [] }
  const operation = (): Record<string, unknown> => {
    startMs ??= clock.now() - 60_000
    return {
      id: 5,
      type: 'export',
      result: 'success',
      message: null,
      created: new Date(startMs).toISOString(),
      start_time: new Date(startMs).toISOString(),
      end_time: new Date(clock.now()).toISOString(),
      datastore: { id: 42 },
      asset_type: 'anomalies'
    }
  }
  const server = await startHostileServer(
    (req: IncomingMessage, res, x): boolean => {
      const url = new URL(req.url ?? '/', 'http://x')
      if (req.method === 'POST') return (x.json(operation()), true)
      if (url.pathname === '/api/operations/5')
        return (x.json(operation()), true)
      if (url.pathname === '/api/datastores/9/listing')
        return (x.json([{ name: TABLE, label: 'anomalies_export' }]), true)
      if (url.pathname !== '/api/datastores/9/source-records') return false
      const asked = url.searchParams.get('filter')
      reads.filters.push(asked)
      if (asked !== null && filter === 'refuse') {
        res.writeHead(422, { 'content-type': 'application/json' })
        res.end(JSON.stringify({ detail: 'unknown query parameter filter' }))
        return true
      }
      let all = rows(startMs ?? clock.now())
      if (asked !== null && filter === 'apply') {
        const id = /datastore_id='(\d+)'/.exec(asked)?.[1]
        all = all.filter(r => String(r.datastore_id ?? r.DATASTORE_ID) === id)
      }
      x.json({ source_records: JSON.stringify(all) })
      return true
    }
  )
  return { url: server.url, reads, close: server.close }
}

/** The whole job in-process on a virtual clock; log lines and warnings kept apart. */
async function runInProcess(
  rows: (startMs: number) => Record<string, unknown>[],
  filter: FilterMode = 'ignore'
): Promise<{
  outcome: JobOutcome
  log: string[]
  warnings: string[]
  reads: RowReads
}> {
  // Fifty times real time: the 2 s and 5 s re-checks take 140 ms.
  const clock = new FastClock(50)
  const server = await startTableServer(clock, rows, filter)
  const config = parseConfig({
    url: server.url,
    token: HOSTILE_TOKEN,
    datastore: '42',
    options: 'anomalies',
    'poll-interval': '10s',
    timeout: '5m'
  })
  const log: string[] = []
  const warnings: string[] = []
  try {
    const outcome = await runExportJob(config, {
      clock,
      redact: createRedactor(config.token),
      hooks: { log: m => log.push(m), warn: m => log.push(m) },
      warn: m => warnings.push(m)
    })
    return { outcome, log, warnings, reads: server.reads }
  } finally {
    await server.close()
  }
}

const iso = (ms: number): string => new Date(ms).toISOString()
/** `YYYY-MM-DD HH:MM:SS+0000`, the userguide's form. */
const warehouse = (ms: number): string =>
  `${iso(ms).slice(0, 19).replace('T', ' ')}+0000`

describe('verify reads this datastore rows (in-process, fast clock)', () => {
  it('never lets rows of datastore 43 verify datastore 42, and says why without a warning', async () => {
    const { outcome, log, reads } = await runInProcess(start => [
      anomalyRow(43, warehouse(start + 30_000))
    ])
    const [row] = outcome.records
    expect(outcome.result).toBe('success')
    expect(row).toMatchObject({ table: TABLE, verified: null })
    const note = `Not verified: the rows read from ${TABLE} are of datastore 43, not 42, so they cannot show that this export wrote it.`
    expect(row?.notes).toEqual([note])
    expect(log.filter(l => l.includes(note))).toHaveLength(1)
    expect(reads.filters).toEqual(["datastore_id='42'"])
  })

  it('takes only the rows of 42 in a shared table: 43 fresh, 42 stale is stale', async () => {
    const { outcome, reads } = await runInProcess(start => [
      anomalyRow(43, warehouse(start + 30_000)),
      anomalyRow(42, warehouse(start - DAY))
    ])
    expect(outcome.result).toBe('warning')
    expect(outcome.records[0]).toMatchObject({ verified: false })
    expect(outcome.records[0]?.notes.join(' ')).toContain(
      'before the export started'
    )
    // It looked twice more (after 2 s and 5 s) before it said so.
    expect(reads.filters).toHaveLength(3)
  })

  it('verifies with the filter the server applies, and checks each row anyway', async () => {
    const { outcome, reads } = await runInProcess(
      start => [
        anomalyRow(43, warehouse(start - DAY)),
        anomalyRow(42, warehouse(start + 30_000))
      ],
      'apply'
    )
    expect(outcome.result).toBe('success')
    expect(outcome.records[0]).toMatchObject({ verified: true, notes: [] })
    expect(reads.filters).toEqual(["datastore_id='42'"])
  })

  it('asks again without the filter when the server refuses it, and reads upper-case keys', async () => {
    const { outcome, reads } = await runInProcess(
      start => [
        Object.fromEntries(
          Object.entries(anomalyRow(42, start + 30_000)).map(([k, v]) => [
            k.toUpperCase(),
            v
          ])
        )
      ],
      'refuse'
    )
    expect(reads.filters).toEqual(["datastore_id='42'", null])
    expect(outcome.result).toBe('success')
    expect(outcome.records[0]).toMatchObject({ verified: true })
  })

  it.each([
    ['ISO 8601 with an offset', (ms: number) => iso(ms).replace('Z', '+00:00')],
    [
      'ISO 8601 in another zone',
      (ms: number) => {
        const t = new Date(ms - 5 * 3_600_000).toISOString().slice(0, 19)
        return `${t}-05:00`
      }
    ],
    ['YYYY-MM-DD HH:MM:SS+0000', warehouse],
    ['epoch seconds', (ms: number) => Math.floor(ms / 1000) + 1],
    ['epoch milliseconds', (ms: number) => ms],
    ['epoch microseconds', (ms: number) => ms * 1000],
    ['epoch microseconds as a string', (ms: number) => String(ms * 1000)]
  ])('verifies a fresh GENERATED_AT in %s', async (_form, write) => {
    const { outcome } = await runInProcess(start => [
      anomalyRow(42, write(start + 30_000))
    ])
    expect(outcome.records[0]).toMatchObject({ verified: true, notes: [] })
    expect(outcome.result).toBe('success')
  })

  it('does not verify a 10-day-old table written in epoch microseconds', async () => {
    const { outcome } = await runInProcess(start => [
      anomalyRow(42, (start - 10 * DAY) * 1000)
    ])
    expect(outcome.result).toBe('warning')
    expect(outcome.records[0]).toMatchObject({ verified: false })
    // Read as ten days before the export, not as a date 56,000 years on.
    const written = /last written at (\S+),/.exec(
      outcome.records[0]?.notes.join(' ') ?? ''
    )?.[1]
    const started = Date.parse(outcome.records[0]?.startTime ?? '')
    expect(started - Date.parse(written ?? '')).toBe(10 * DAY)
  })

  it('calls a time without a zone unproven: verified null, a note in the row and the log, no warning', async () => {
    for (const age of [-DAY, 30_000]) {
      const { outcome, log, warnings } = await runInProcess(start => [
        anomalyRow(42, warehouse(start + age).replace('+0000', ''))
      ])
      expect(outcome.result).toBe('success')
      const [row] = outcome.records
      expect(row).toMatchObject({ verified: null })
      expect(row?.notes).toHaveLength(1)
      expect(row?.notes[0]).toContain('names no time zone')
      expect(log.filter(l => l.includes('names no time zone'))).toHaveLength(1)
      expect(warnings).toEqual([])
    }
  })

  it('warns about rows that lack documented columns, naming them; extra columns are never required', async () => {
    const lacking = await runInProcess(start => {
      const row = anomalyRow(42, warehouse(start + 30_000), { extra: 1 })
      delete row.uuid
      delete row.global_tags
      return [row]
    })
    expect(lacking.outcome.result).toBe('warning')
    expect(lacking.outcome.records[0]).toMatchObject({ verified: false })
    expect(lacking.outcome.records[0]?.notes).toEqual([
      `Table ${TABLE} in enrichment datastore 9 (E) lacks the columns UUID, GLOBAL_TAGS that Qualytics documents for the anomalies export table; whatever reads it may break.`
    ])
    const extra = await runInProcess(start => [
      anomalyRow(42, warehouse(start + 30_000), { more: 'x', and_more: 2 })
    ])
    expect(extra.outcome.records[0]).toMatchObject({ verified: true })
  })
})

describe('verify reads this datastore rows (the bundle)', () => {
  let close: (() => Promise<void>) | undefined
  afterEach(async () => {
    await close?.()
    close = undefined
  })

  /** The bundle against a table server on the real clock. */
  async function spawn(
    rows: (startMs: number) => Record<string, unknown>[],
    filter: FilterMode = 'ignore',
    extra: Record<string, string> = {}
  ): Promise<Awaited<ReturnType<typeof runAction>>> {
    const server = await startTableServer(systemClock, rows, filter)
    close = server.close
    return runAction({
      // 2 s: the export ends at once, and no 2 s re-check fits, so a stale
      // table is reported without seven real seconds of looking again.
      inputs: hostileInputs(server.url, {
        options: 'anomalies',
        timeout: '2s',
        ...extra
      })
    })
  }

  it('rows of another datastore leave verified null, with no warning', async () => {
    const run = await spawn(start => [
      anomalyRow(43, warehouse(start + 30_000))
    ])
    expect(run.code).toBe(0)
    expect(run.outputs.result).toBe('success')
    expect(run.warnings).toEqual([])
    expect(operationsOf(run.outputs)[0]).toMatchObject({ verified: null })
    expect(run.stdout).toContain('are of datastore 43, not 42')
  }, 30_000)

  it('a 10-day-old table in microseconds is a warning that says its note once', async () => {
    const run = await spawn(start => [
      anomalyRow(42, (start - 10 * DAY) * 1000)
    ])
    expect(run.outputs.result).toBe('warning')
    expect(operationsOf(run.outputs)[0]).toMatchObject({ verified: false })
    expect(run.warnings).toHaveLength(1)
    const said = run.warnings[0]?.split('before the export started') ?? []
    expect(said).toHaveLength(2)
  }, 30_000)

  it('a zone-less time is a note in the log, not a ::warning::', async () => {
    const run = await spawn(start => [
      anomalyRow(42, warehouse(start + 30_000).replace('+0000', ''))
    ])
    expect(run.outputs.result).toBe('success')
    expect(run.warnings).toEqual([])
    expect(operationsOf(run.outputs)[0]).toMatchObject({ verified: null })
    expect(run.stdout).toContain('names no time zone')
  }, 30_000)

  it('missing documented columns are one warning naming them', async () => {
    const run = await spawn(
      start => [{ datastore_id: 42, generated_at: warehouse(start + 30_000) }],
      'apply'
    )
    expect(run.outputs.result).toBe('warning')
    expect(run.warnings).toHaveLength(1)
    expect(run.warnings[0]).toContain(
      'lacks the columns ID, CREATED, UUID, TYPE, STATUS, GLOBAL_TAGS, CONTAINER_ID, SOURCE_CONTAINER, SOURCE_DATASTORE'
    )
    expect(run.warnings[0]?.split('lacks the columns')).toHaveLength(2)
  }, 30_000)
})

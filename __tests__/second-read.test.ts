/**
 * The list proposes, the export's own read decides (contract 1.2, "One
 * read decides nothing alone", "Following a running export", "A list that
 * ignores its filters"). In-process on a fast clock against hostile
 * servers and the simulator: a minute of lag takes about a second.
 */
import { describe, expect, it } from '@jest/globals'
import type { JobOutcome } from '../src/core/run/job.js'
import {
  QualyticsSimulator,
  type Scenario,
  type SeedOperation
} from '../simulator/index.js'
import { runJob, type JobRun } from './helpers/in-process.js'
import { FastClock } from './helpers/virtual-clock.js'
import {
  HOSTILE_TOKEN,
  assetOf,
  exportItem,
  listPage,
  startHostileServer,
  type SeenRequest
} from './helpers/hostile-server.js'

const iso = (ms: number): string => new Date(ms).toISOString()
const DAY = 86_400_000

interface Ran extends JobRun {
  seen: SeenRequest[]
}

/** Run the job against a server built on the shared fast clock. */
async function runAgainst(
  clock: FastClock,
  handle: Parameters<typeof startHostileServer>[0],
  inputs: Record<string, string>,
  signal?: AbortSignal
): Promise<Ran> {
  const server = await startHostileServer(handle)
  try {
    const ran = await runJob(
      clock,
      {
        url: server.url,
        token: HOSTILE_TOKEN,
        datastore: '42',
        options: 'anomalies',
        verify: 'false',
        'poll-interval': '10s',
        ...inputs
      },
      signal
    )
    return { ...ran, seen: server.seen }
  } finally {
    await server.close()
  }
}

/** The simulator on `clock`, holding datastore 42 (with things to export). */
function simOn(
  clock: FastClock,
  scenario: Partial<Scenario> = {}
): Promise<QualyticsSimulator> {
  return QualyticsSimulator.start(
    {
      datastores: [
        {
          id: 42,
          name: 'Sales',
          enrichment: { id: 9, name: 'Lake' },
          anomalies: 5,
          checks: 5
        }
      ],
      ...scenario
    },
    { clock }
  )
}

/** Export everything of datastore 42 from the simulator. */
function runOn(
  clock: FastClock,
  sim: QualyticsSimulator,
  inputs: Record<string, string> = {}
): Promise<JobOutcome> {
  return runJob(clock, {
    url: sim.url,
    token: sim.token,
    datastore: '42',
    options: 'all',
    verify: 'false',
    timeout: '10m',
    ...inputs
  }).then(r => r.outcome)
}

const posts = (seen: SeenRequest[]): number =>
  seen.filter(r => r.method === 'POST').length
const puts = (seen: SeenRequest[]): number =>
  seen.filter(r => r.method === 'PUT').length

describe('no clock decides identity', () => {
  it.each([
    ['half a minute in the future', (now: number) => iso(now + 30_000)],
    [
      'without a zone, nine hours ahead',
      (now: number) => iso(now + 9 * 3_600_000).replace('Z', '')
    ],
    ['three days in the past', (now: number) => iso(now - 3 * DAY)]
  ])(
    'a history row created %s, then a 502 on a POST that did create the export: one POST, that export adopted',
    async (_, created) => {
      const clock = new FastClock(50)
      const t0 = clock.now()
      const earlier = exportItem(500, {
        result: 'success',
        created: created(t0),
        start_time: created(t0),
        end_time: created(t0)
      })
      const ops: Record<string, unknown>[] = [earlier]
      let postedAt = 0
      const ours = (): Record<string, unknown> => {
        const done = clock.now() - postedAt > 3000
        return exportItem(501, {
          created: iso(postedAt),
          start_time: iso(postedAt),
          result: done ? 'success' : 'running',
          end_time: done ? iso(postedAt + 3000) : null
        })
      }
      const { outcome, seen, lines } = await runAgainst(
        clock,
        (req, res, x) => {
          if (req.method === 'POST') {
            if (postedAt === 0) {
              postedAt = clock.now()
              ops.unshift({ id: 501 })
              res.writeHead(502, { 'content-type': 'text/html' })
              res.end('<html>Bad Gateway</html>')
              return true
            }
            x.json(exportItem(502, { result: 'running' }))
            return true
          }
          if (req.url?.startsWith('/api/operations?')) {
            x.json(listPage(ops.map(o => (o.id === 501 ? ours() : o))))
            return true
          }
          if (req.url === '/api/operations/501') {
            x.json(ours())
            return true
          }
          return false
        },
        {}
      )
      expect(posts(seen)).toBe(1)
      expect(outcome.records[0]).toMatchObject({ id: 501, result: 'success' })
      expect(lines.join('\n')).toMatch(/Adopted export 501/)
      // The list proposed it; its own read settled it before adoption.
      const own = seen.findIndex(r => r.path === '/api/operations/501')
      expect(own).toBeGreaterThan(-1)
    }
  )
})

describe('a list that lags', () => {
  it('holds no export much more than a minute past the end its own read shows', async () => {
    const clock = new FastClock(50)
    const posted = new Map<number, { asset: string; at: number }>()
    const own = (id: number): Record<string, unknown> => {
      const p = posted.get(id) as { asset: string; at: number }
      const done = clock.now() - p.at > 5000
      return exportItem(id, {
        asset_type: p.asset,
        created: iso(p.at),
        start_time: iso(p.at),
        result: done ? 'success' : 'running',
        end_time: done ? iso(p.at + 5000) : null
      })
    }
    const { outcome, seen } = await runAgainst(
      clock,
      (req, _res, x) => {
        if (req.method === 'POST') {
          const id = 700 + posted.size
          posted.set(id, { asset: assetOf(x.body), at: clock.now() })
          x.json(own(id))
          return true
        }
        if (req.url?.startsWith('/api/operations?')) {
          // The list never catches up: every export still "running".
          x.json(
            listPage(
              [...posted.keys()]
                .reverse()
                .map(id => ({ ...own(id), result: 'running', end_time: null }))
            )
          )
          return true
        }
        const m = /^\/api\/operations\/(\d+)$/.exec(req.url ?? '')
        if (m && posted.has(Number(m[1]))) {
          x.json(own(Number(m[1])))
          return true
        }
        return false
      },
      { options: 'all', timeout: '30m' }
    )
    expect(outcome.result).toBe('success')
    expect(outcome.records.map(r => r.result)).toEqual([
      'success',
      'success',
      'success'
    ])
    // Ended 5 s in; the list alone would have held them for 30 minutes.
    expect(outcome.elapsedMs).toBeLessThan(5000 + 65_000)
    // The list did the polling: single reads came about once a minute.
    const singles = seen.filter(r => /^\/api\/operations\/\d+$/.test(r.path))
    expect(singles.length).toBeLessThanOrEqual(9)
  })
})

describe('following a running export (if-running: wait)', () => {
  /** A server whose list shows export 400 running; its own read says `own`. */
  function listsRunning(
    clock: FastClock,
    own: (now: number) => Record<string, unknown>
  ): Parameters<typeof startHostileServer>[0] {
    let postedAt = 0
    return (req, _res, x) => {
      const now = clock.now()
      if (req.method === 'POST') {
        postedAt = now
        x.json(exportItem(801, { result: 'running', end_time: null }))
        return true
      }
      if (req.url?.startsWith('/api/operations?')) {
        x.json(
          listPage([
            exportItem(400, {
              result: 'running',
              end_time: null,
              created: iso(now - 60_000)
            })
          ])
        )
        return true
      }
      if (req.url === '/api/operations/400') {
        x.json(exportItem(400, own(now)))
        return true
      }
      if (req.url === '/api/operations/801') {
        x.json(
          exportItem(801, {
            result: 'success',
            start_time: iso(postedAt),
            end_time: iso(postedAt + 1000)
          })
        )
        return true
      }
      if (req.method === 'PUT') {
        x.json(exportItem(400, { result: 'aborted', end_time: iso(now) }))
        return true
      }
      return false
    }
  }

  it('does not follow what its own read says ended three days ago: it triggers its own', async () => {
    const clock = new FastClock(50)
    const { outcome, seen, lines } = await runAgainst(
      clock,
      listsRunning(clock, now => ({
        result: 'success',
        start_time: iso(now - 3 * DAY - 60_000),
        end_time: iso(now - 3 * DAY)
      })),
      {}
    )
    expect(posts(seen)).toBe(1)
    expect(outcome.records[0]).toMatchObject({
      id: 801,
      adopted: false,
      result: 'success'
    })
    expect(lines.join('\n')).toMatch(/its own read says it ended/)
  })

  it('calls a running export started 30 days ago stuck: a warning names it, and the run triggers its own', async () => {
    const clock = new FastClock(50)
    const { outcome, seen, lines } = await runAgainst(
      clock,
      listsRunning(clock, now => ({
        result: 'running',
        start_time: iso(now - 30 * DAY),
        end_time: null
      })),
      {}
    )
    expect(posts(seen)).toBe(1)
    expect(outcome.records[0]).toMatchObject({ id: 801, adopted: false })
    expect(lines.filter(l => l.startsWith('warn:')).join('\n')).toMatch(
      /export 400 .*stuck/
    )
  })

  it.each(['timeout', 'cancel'])(
    'never aborts a followed export on %s, and says so',
    async how => {
      // Not 50x: preflight's 30 s budget is clock time, and on a loaded
      // machine its real round trips ran it out before the cancel came.
      const clock = new FastClock(how === 'timeout' ? 20 : 10)
      const controller = new AbortController()
      const running = { result: 'running', end_time: null }
      const handler = listsRunning(clock, now => ({
        ...running,
        start_time: iso(now - 60_000)
      }))
      const ran = runAgainst(
        clock,
        handler,
        how === 'timeout' ? { timeout: '2m' } : {},
        controller.signal
      )
      if (how === 'cancel') setTimeout(() => controller.abort(), 300)
      const { outcome, seen } = await ran
      expect(posts(seen)).toBe(0)
      expect(puts(seen)).toBe(0)
      const [row] = outcome.records
      expect(row).toMatchObject({
        id: 400,
        adopted: true,
        result: how === 'timeout' ? 'timeout' : 'cancelled'
      })
      expect(row?.abortPending).toBe(false)
      expect(row?.notes.join('\n')).toMatch(/did not start it.*never aborts it/)
    }
  )
})

describe('overlapping runs', () => {
  it('two runs with options all and max-parallel 1 start each asset type once', async () => {
    const clock = new FastClock(20)
    const sim = await simOn(clock, {
      behaviour: () => ({ durationMs: 4000, result: 'success' })
    })
    const run = (): Promise<JobOutcome> =>
      runOn(clock, sim, { 'max-parallel': '1' })
    try {
      const first = run()
      // The second run starts once the first one's export exists: two
      // first POSTs at the same instant are a race no read can settle.
      while (sim.operations.size === 0) await clock.sleep(100)
      await clock.sleep(1000)
      const second = run()
      const outcomes = await Promise.all([first, second])
      const exports = [...sim.operations.values()]
      expect(exports.map(e => e.assetType).sort()).toEqual([
        'anomalies',
        'checks',
        'profiles'
      ])
      for (const outcome of outcomes) expect(outcome.result).toBe('success')
      // Each export is one run's own and the other's followed one.
      const rows = outcomes.flatMap(o => o.records)
      expect(rows.filter(r => r.adopted)).toHaveLength(3)
    } finally {
      await sim.close()
    }
  })
})

describe('a list that ignores its filters', () => {
  it('is read no further than its first page, and batching stops', async () => {
    const clock = new FastClock(50)
    // 120 exports of other datastores fill every page of the list.
    const history: SeedOperation[] = Array.from({ length: 120 }, (_, i) => ({
      datastoreId: 1000 + i,
      assetType: 'anomalies',
      startOffsetMs: -DAY - i * 60_000,
      durationMs: 30_000
    }))
    const sim = await simOn(clock, {
      history,
      ignoreListFilters: true,
      behaviour: () => ({ durationMs: 20_000, result: 'success' })
    })
    try {
      const outcome = await runOn(clock, sim)
      expect(outcome.result).toBe('success')
      const lists = sim.requests.filter(
        r => r.method === 'GET' && r.path === '/api/operations'
      )
      expect(lists.filter(r => r.query.page !== '1')).toEqual([])
      // One batch read found the list foreign; own reads from then on.
      expect(lists.filter(r => r.query.size === '100')).toHaveLength(1)
    } finally {
      await sim.close()
    }
  })
})

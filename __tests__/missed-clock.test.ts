/**
 * Missed runs are counted on the runner's clock, not on the Date header of
 * a gateway in front of Qualytics (a cached or wrong one said three days
 * later, and a daily schedule reported three missed snapshots). In-process
 * against a hostile server whose every answer carries that header.
 */
import { describe, expect, it } from '@jest/globals'
import { parseConfig } from '../src/core/config/config.js'
import { runExportJob } from '../src/core/run/job.js'
import { createRedactor } from '../src/core/output/redact.js'
import { systemClock } from '../src/core/clock.js'
import { HOSTILE_TOKEN, startHostileServer } from './helpers/hostile-server.js'

const DAY = 86_400_000

describe('missed runs', () => {
  it('are counted on the runner clock, whatever the gateway Date says', async () => {
    const iso = (ms: number): string => new Date(ms).toISOString()
    // The last good snapshot started a minute ago.
    const lastStart = Date.now() - 60_000
    const earlier = {
      id: 900,
      type: 'export',
      datastore_id: 42,
      asset_type: 'anomalies',
      include_deleted: false,
      result: 'success',
      message: null,
      created: iso(lastStart),
      start_time: iso(lastStart),
      end_time: iso(lastStart + 30_000)
    }
    const ours = (): Record<string, unknown> => ({
      ...earlier,
      id: 901,
      created: iso(Date.now()),
      start_time: iso(Date.now()),
      end_time: iso(Date.now())
    })
    const server = await startHostileServer((req, _res, x) => {
      // A gateway that says it is three days later.
      _res.setHeader('Date', new Date(Date.now() + 3 * DAY).toUTCString())
      const url = new URL(req.url ?? '/', 'http://x')
      if (req.method === 'POST') return (x.json(ours()), true)
      if (url.pathname === '/api/operations/901') return (x.json(ours()), true)
      if (url.pathname === '/api/operations') {
        const items =
          url.searchParams.get('result') === 'running' ? [] : [earlier]
        x.json({ items, total: items.length, page: 1, size: 100, pages: 1 })
        return true
      }
      return false
    })
    try {
      const config = parseConfig({
        url: server.url,
        token: HOSTILE_TOKEN,
        datastore: '42',
        options: 'anomalies',
        verify: 'false'
      })
      const outcome = await runExportJob(config, {
        clock: systemClock,
        redact: createRedactor(config.token),
        // Daily: on the gateway's clock three fire times have passed since.
        schedule: { cron: '17 4 * * *', timezone: 'UTC' }
      })
      const [row] = outcome.records
      expect(row?.lastSuccessAt).toBe(earlier.end_time)
      // A minute on the runner's clock holds at most the one slot of this run.
      expect(row?.missedRuns).toBeLessThanOrEqual(1)
      expect(row?.missedRuns).not.toBeNull()
    } finally {
      await server.close()
    }
  }, 30_000)
})

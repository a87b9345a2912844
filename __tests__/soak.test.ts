/**
 * Soak: hundreds of exports through seeded random faults. Every export must
 * end with the result the simulator holds as truth, each planned export
 * must exist exactly once on the server, and the token must appear nowhere.
 * Runs in-process on a virtual clock, so minutes of retries and polling
 * take seconds.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { parseConfig } from '../src/core/config/config.js'
import { runExportJob, type JobOutcome } from '../src/core/run/job.js'
import { createRedactor } from '../src/core/output/redact.js'
import type { Result } from '../src/core/types.js'
import {
  mulberry32,
  QualyticsSimulator,
  type SimDatastore
} from '../simulator/index.js'
import { FastClock } from './helpers/virtual-clock.js'
import { startHostileProxy } from './helpers/hostile-proxy.js'

const DATASTORES = 70 // x 3 asset types = 210 exports
const figures: Record<string, number> = {}

afterAll(() => {
  process.stdout.write(
    `\nSoak figures: ${Object.entries(figures)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}\n`
  )
})

describe('soak under random faults', () => {
  it(
    'ends every export as the server says, starts each exactly once, leaks nothing',
    () => soak(DATASTORES, false),
    120_000
  )

  // Hostile shapes (queued/null results and string ids at creation,
  // offset-less times, a Date header a day behind, passing 404s and
  // unknown words) and foreign list items, through a proxy.
  it(
    'does the same with hostile shapes and foreign list items mixed in',
    () => soak(30, true),
    120_000
  )
})

async function soak(count: number, hostile: boolean): Promise<void> {
  {
    // Preflight's 30 s budget is clock time, and every real millisecond a
    // loaded machine spends on a round trip counts speed times over: at
    // 50x a busy machine ran it out in under a second of real time.
    const clock = new FastClock(10)
    const datastores: SimDatastore[] = Array.from(
      { length: count },
      (_, i) => ({
        id: 100 + i,
        name: `Store ${i}`,
        enrichment: { id: 900 + i, name: `Enrichment ${i}` },
        anomalies: 1 + i,
        checks: 2 + i
      })
    )
    const fate = mulberry32(11)
    const sim = await QualyticsSimulator.start(
      {
        datastores,
        token: 'soak-token-9f8e7d6c5b4a39281706',
        behaviour: () => {
          const roll = fate()
          const durationMs = 500 + Math.floor(fate() * 20_000)
          if (roll < 0.7) return { durationMs, result: 'success' }
          if (roll < 0.8)
            return {
              durationMs,
              result: 'success',
              message: 'Some containers had nothing to export'
            }
          if (roll < 0.92)
            return {
              durationMs,
              result: 'failure',
              message: 'Could not write to the enrichment datastore'
            }
          return {
            durationMs,
            result: 'aborted',
            message: 'Aborted by an administrator'
          }
        },
        chaos: {
          seed: 42,
          errorRate: { '*': 0.08 },
          resetRate: { '*': 0.04 },
          rateLimitRate: { '*': 0.04 },
          corruptRate: { '*': 0.04 },
          dropAfterCreateRate: 0.15,
          retryAfterSeconds: 2,
          latencyMs: [0, 3]
        }
      },
      { clock }
    )
    const proxy = hostile ? await startHostileProxy(sim.url, 99) : undefined
    const config = parseConfig({
      url: proxy?.url ?? sim.url,
      token: sim.token,
      datastore: datastores.map(d => d.id).join(','),
      options: 'all',
      'max-parallel': '40',
      // On this 10x clock every round trip looks 10x slower, so a 20/s
      // budget (cut by the random 429s) would stretch preflight past its
      // 30 s; the budget has its own tests (budget-missed, history-action).
      'max-request-rate': '1000',
      'poll-interval': '10s',
      timeout: '24h'
    })
    const lines: string[] = []
    const redact = createRedactor(config.token)
    let outcome: JobOutcome
    try {
      outcome = await runExportJob(config, {
        clock,
        redact,
        random: mulberry32(5),
        onRetry: r => lines.push(redact(r.reason)),
        hooks: {
          log: m => lines.push(m),
          warn: m => lines.push(m),
          changed: r => lines.push(JSON.stringify(r))
        }
      })
    } finally {
      await proxy?.close()
      await sim.close()
    }
    const tag = hostile ? 'hostile ' : ''

    const expected = (id: number): Result | undefined => {
      const op = sim.operations.get(id)
      if (!op) return undefined
      // A queued export is as unfinished as a running one.
      if (op.result === 'queued') return 'running'
      return op.result === 'success' && op.message ? 'warning' : op.result
    }
    // "Cannot tell" (an unreadable 2xx, a lost answer the list cannot
    // settle) is an honest failure, never a false result: it is counted,
    // and the export is never sent twice.
    const cannotTell = outcome.records.filter(
      r =>
        r.id === null &&
        r.result === 'failure' &&
        r.notes.some(n => /may or may not have started/.test(n))
    )
    const wrong = outcome.records.filter(
      r =>
        !cannotTell.includes(r) &&
        (r.id === null || r.result !== expected(r.id))
    )
    const keys = [...sim.operations.values()].map(
      op => `${op.datastoreId}/${op.assetType}`
    )
    const duplicates = keys.length - new Set(keys).size
    figures[`${tag}exports`] = outcome.records.length
    figures[`${tag}faults injected`] = Object.values(sim.faults).reduce(
      (a, b) => a + b,
      0
    )
    figures[`${tag}retries`] = outcome.retries
    figures[`${tag}requests`] = outcome.requests
    if (proxy) figures['hostile shapes'] = proxy.shaped
    figures[`${tag}adopted after a lost answer`] = lines.filter(l =>
      l.startsWith('Adopted export')
    ).length
    figures[`${tag}wrong outcomes`] = wrong.length
    figures[`${tag}cannot tell`] = cannotTell.length
    expect(cannotTell.length).toBeLessThan(outcome.records.length / 6)
    figures[`${tag}duplicates`] = duplicates

    expect(outcome.records).toHaveLength(count * 3)
    expect(figures[`${tag}faults injected`]).toBeGreaterThan(hostile ? 20 : 100)
    if (proxy) expect(proxy.shaped).toBeGreaterThan(50)
    expect(figures[`${tag}adopted after a lost answer`]).toBeGreaterThan(0)
    expect(
      wrong.map(r => [
        r.datastoreId,
        r.assetType,
        r.id,
        r.result,
        r.message,
        ...r.notes
      ])
    ).toEqual([])
    expect(duplicates).toBe(0)
    expect(sim.operations.size).toBeLessThanOrEqual(count * 3)
    expect(sim.operations.size).toBeGreaterThanOrEqual(
      count * 3 - cannotTell.length
    )
    const everything = JSON.stringify(outcome.records) + lines.join('\n')
    for (const leak of [
      config.token,
      encodeURIComponent(config.token),
      config.token.slice(0, 12)
    ]) {
      expect(everything.toLowerCase()).not.toContain(leak.toLowerCase())
    }
  }
}

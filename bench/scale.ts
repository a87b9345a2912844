/**
 * Scale: many exports in one step against a single one of the same length.
 * Wall time, requests sent and the action's peak memory.
 */
import {
  peakPerSecond,
  QualyticsSimulator,
  type SimDatastore
} from '../simulator/index.js'
import { startAction } from '../simulator/harness.js'
import { watchPeakRss, type PeakRss } from './rss.js'

/** What one run of the action came to. */
export interface ScaleRun {
  exports: number
  wallMs: number
  requests: number
  statusRequests: number
  /** Most requests the server saw in any one second. */
  peakPerSecond?: number
  /** Undefined where /proc is not available. */
  rss: PeakRss | undefined
}

/** `count` linked datastores, 1..count. */
export function benchDatastores(count: number): SimDatastore[] {
  return Array.from({ length: count }, (_, i) => ({
    id: i + 1,
    name: `Bench ${i + 1}`,
    enrichment: { id: 10_000 + i, name: `Bench Enrichment ${i + 1}` },
    anomalies: 10,
    checks: 20
  }))
}

/** A run of the bundled action over datastores 1..datastores. */
export interface ScaleCase {
  datastores: number
  /** The `options` input, e.g. 'all'. */
  options: string
  maxParallel: number
  /** How long each export runs. */
  durationMs: number
}

/** Run the bundled action on one case, watching its memory. */
export async function measureScale(
  { datastores, options, maxParallel, durationMs }: ScaleCase,
  entry: string,
  node = process.execPath
): Promise<ScaleRun> {
  const sim = await QualyticsSimulator.start({
    // No queue, as before 1.2's simulator queued each export for 1 s:
    // the figures compare with the earlier versions'.
    queuedMs: 0,
    datastores: benchDatastores(datastores),
    behaviour: () => ({ durationMs, result: 'success', message: null })
  })
  try {
    const { child, done } = startAction({
      node,
      entry,
      inputs: {
        url: sim.url,
        token: sim.token,
        datastore: Array.from({ length: datastores }, (_, i) => i + 1).join(
          ','
        ),
        options,
        'max-parallel': String(maxParallel),
        'poll-interval': '10s',
        // Parallelism and memory as in 1.0: the budget has its own rows.
        'max-request-rate': '1000',
        timeout: '5m'
      }
    })
    const rss = watchPeakRss(child.pid ?? 0)
    let peak: PeakRss | undefined
    child.once('exit', () => (peak = rss.stop()))
    const run = await done
    peak ??= rss.stop()
    const exports = sim.operations.size
    if (run.code !== 0 || run.outputs.result !== 'success')
      throw new Error(
        `${exports} exports did not all succeed (exit ${run.code}): ${run.stdout.slice(-500)}`
      )
    return {
      exports,
      wallMs: run.wallMs,
      requests: sim.requests.length,
      // Single reads and the batched list reads (history reads ask size=50).
      statusRequests:
        sim.count('GET', '/api/operations/') +
        sim.requests.filter(
          r => r.path === '/api/operations' && r.query.size === '100'
        ).length,
      peakPerSecond: peakPerSecond(sim.requests.map(r => r.at)),
      rss: peak
    }
  } finally {
    await sim.close()
  }
}

/**
 * Benchmarks of version 1.1's history features: an export whose earlier
 * runs are known (run for real, or in-process on an accelerated clock for
 * the long ones), and 150 exports under the request budget against a
 * gateway that answers 429 above 25 requests a second.
 */
import { parseConfig } from '../src/core/config/config.js'
import type { Clock } from '../src/core/clock.js'
import { createRedactor } from '../src/core/output/redact.js'
import { runExportJob } from '../src/core/run/job.js'
import {
  drawAround,
  historyAround,
  peakPerSecond,
  QualyticsSimulator,
  type RequestRecord
} from '../simulator/index.js'
import { startAction } from '../simulator/harness.js'
import { benchDatastores } from './scale.js'

/** Earlier exports seeded before each history run, spread about 2%. */
export const HISTORY_RUNS = 5
export const HISTORY_SPREAD = 0.02

/** One export with history, as measured. */
export interface HistoryRun {
  durationMs: number
  /** The length this export drew from around its history. */
  actualMs: number
  latencyMs: number
  statusRequests: number
  /** 'real' (the bundled action) or 'accelerated xN' (in process). */
  how: string
}

/** A simulator with one datastore whose anomalies exports ran ~durationMs before. */
function historyScenario(durationMs: number, actualMs: number) {
  return {
    // No queue, as before 1.2's simulator queued each export for 1 s:
    // the figures compare with the earlier versions'.
    queuedMs: 0,
    datastores: benchDatastores(1),
    history: historyAround({
      datastoreId: 1,
      assetType: 'anomalies' as const,
      durationMs,
      count: HISTORY_RUNS,
      spread: HISTORY_SPREAD
    }),
    behaviour: () => ({
      durationMs: actualMs,
      result: 'success' as const,
      message: null
    })
  }
}

/** Single status reads of the watch (history and batch reads are list reads). */
function statusReads(requests: readonly RequestRecord[]): number {
  return requests.filter(
    r => r.method === 'GET' && r.path.startsWith('/api/operations/')
  ).length
}

/** The bundled action on one export with history, on the real clock. */
export async function measureHistoryLatency(
  durationMs: number,
  entry: string,
  node = process.execPath,
  seed = 7
): Promise<HistoryRun> {
  const actualMs = drawAround(durationMs, HISTORY_SPREAD, seed)()
  const sim = await QualyticsSimulator.start(
    historyScenario(durationMs, actualMs)
  )
  try {
    const { child, done } = startAction({
      node,
      entry,
      inputs: {
        url: sim.url,
        token: sim.token,
        datastore: '1',
        options: 'anomalies',
        'poll-interval': '10s',
        timeout: '10m'
      }
    })
    let exitedAt = 0
    child.once('exit', () => (exitedAt = Date.now()))
    const run = await done
    // The run's export is the newest operation (the seeded ones came first).
    const op = sim.operations.get(Math.max(...sim.operations.keys()))
    if (run.code !== 0 || op?.endTime == null)
      throw new Error(
        `the export with history did not succeed: ${run.stdout.slice(-400)}`
      )
    return {
      durationMs,
      actualMs,
      latencyMs: exitedAt - op.endTime,
      statusRequests: statusReads(sim.requests),
      how: 'real'
    }
  } finally {
    await sim.close()
  }
}

/** Time `speed` times faster than real, shared by the run and the simulator. */
class FastClock implements Clock {
  readonly #origin = Date.now()
  constructor(readonly speed: number) {}
  now(): number {
    return this.#origin + (Date.now() - this.#origin) * this.speed
  }
  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise(resolve => {
      if (signal?.aborted || ms <= 0) return resolve()
      const done = (): void => {
        clearTimeout(timer)
        signal?.removeEventListener('abort', done)
        resolve()
      }
      const timer = setTimeout(done, ms / this.speed)
      signal?.addEventListener('abort', done, { once: true })
    })
  }
}

/**
 * The core's run (the code the bundle runs) in process, on a clock `speed`
 * times faster, against a simulator on the same clock: checks the computed
 * rows of long exports against a measured run. Round trips look `speed`
 * times slower, so the latency is an upper bound.
 */
export async function measureAccelerated(
  durationMs: number,
  speed: number,
  seed = 7
): Promise<HistoryRun> {
  const actualMs = drawAround(durationMs, HISTORY_SPREAD, seed)()
  const clock = new FastClock(speed)
  const sim = await QualyticsSimulator.start(
    historyScenario(durationMs, actualMs),
    { clock }
  )
  try {
    const config = parseConfig({
      url: sim.url,
      token: sim.token,
      datastore: '1',
      options: 'anomalies',
      'poll-interval': '10s',
      timeout: '2h'
    })
    const outcome = await runExportJob(config, {
      clock,
      redact: createRedactor(sim.token)
    })
    const seenAt = clock.now()
    const record = outcome.records[0]
    const op = sim.operations.get(record?.id ?? 0)
    if (record?.result !== 'success' || op?.endTime == null)
      throw new Error(`the accelerated export ended ${record?.result}`)
    return {
      durationMs,
      actualMs,
      latencyMs: seenAt - op.endTime,
      statusRequests: statusReads(sim.requests),
      how: `accelerated x${speed}`
    }
  } finally {
    await sim.close()
  }
}

/** 150 exports under the budget, against a limiter. */
export interface BudgetRun {
  exports: number
  wallMs: number
  requests: number
  /** Single status reads plus batched list reads. */
  statusRequests: number
  historyReads: number
  throttled: number
  /** Most requests the server saw in any one-second window. */
  peakPerSecond: number
  /** The shortest wall time the budget allows: requests / rate, plus one export. */
  budgetMs: number
  allRight: boolean
}

/** 50 datastores x 3 asset types of 3 s at max-parallel 150, default budget, 429 above `limit`/s. */
export async function measureBudgetScale(
  entry: string,
  node = process.execPath,
  limit = 25,
  rate = 20
): Promise<BudgetRun> {
  const sim = await QualyticsSimulator.start({
    // No queue, as before 1.2's simulator queued each export for 1 s:
    // the figures compare with the earlier versions'.
    queuedMs: 0,
    datastores: benchDatastores(50),
    rateLimit: { perSecond: limit },
    behaviour: () => ({ durationMs: 3000, result: 'success', message: null })
  })
  try {
    const run = await startAction({
      node,
      entry,
      inputs: {
        url: sim.url,
        token: sim.token,
        datastore: Array.from({ length: 50 }, (_, i) => i + 1).join(','),
        options: 'all',
        'max-parallel': '150',
        'max-request-rate': String(rate),
        'poll-interval': '10s',
        timeout: '5m'
      }
    }).done
    const rows = JSON.parse(run.outputs.operations ?? '[]') as Array<{
      id: number
      result: string
      datastore_id: number
      asset_type: string
    }>
    const allRight =
      rows.length === 150 &&
      rows.every(r => {
        const op = sim.operations.get(r.id)
        return (
          r.result === 'success' &&
          op?.result === 'success' &&
          op.datastoreId === r.datastore_id &&
          op.assetType === r.asset_type
        )
      })
    const list = sim.requests.filter(
      r => r.method === 'GET' && r.path === '/api/operations'
    )
    const batched = list.filter(r => r.query.size === '100').length
    return {
      exports: sim.operations.size,
      wallMs: run.wallMs,
      requests: sim.requests.length,
      statusRequests: statusReads(sim.requests) + batched,
      historyReads: list.length - batched,
      throttled: sim.requests.filter(r => r.status === 429).length,
      peakPerSecond: peakPerSecond(sim.requests.map(r => r.at)),
      budgetMs: (sim.requests.length / rate) * 1000 + 3000,
      allRight
    }
  } finally {
    await sim.close()
  }
}

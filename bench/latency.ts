/**
 * Detection latency: one export of a given length, run for real against
 * the simulator on 127.0.0.1. The simulator could run on a manual clock,
 * but the action's process runs on the real one, so the long exports run
 * for real too (concurrently, to keep the whole benchmark short).
 */
import { QualyticsSimulator } from '../simulator/index.js'
import { startAction } from '../simulator/harness.js'

/** What one measured export came to. */
export interface LatencyRun {
  durationMs: number
  /** From the operation's end_time (server truth) to the action's exit. */
  latencyMs: number
  /** GET /api/operations/{id} requests. */
  statusRequests: number
}

/** Run the bundled action on one export lasting `durationMs`. */
export async function measureLatency(
  durationMs: number,
  entry: string,
  node = process.execPath
): Promise<LatencyRun> {
  const sim = await QualyticsSimulator.start({
    // No queue, as before 1.2's simulator queued each export for 1 s:
    // the figures compare with the earlier versions'.
    queuedMs: 0,
    datastores: [
      {
        id: 1,
        name: 'Bench',
        enrichment: { id: 2, name: 'Bench Enrichment' },
        anomalies: 10
      }
    ],
    behaviour: () => ({ durationMs, result: 'success', message: null })
  })
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
    const op = [...sim.operations.values()][0]
    if (
      run.code !== 0 ||
      op?.endTime == null ||
      run.outputs.result !== 'success'
    )
      throw new Error(
        `the ${durationMs} ms export did not succeed (exit ${run.code}): ${run.stdout.slice(-500)}`
      )
    return {
      durationMs,
      latencyMs: exitedAt - op.endTime,
      statusRequests: sim.count('GET', '/api/operations/')
    }
  } finally {
    await sim.close()
  }
}

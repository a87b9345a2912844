/**
 * Cold start: how long `node dist/index.js` takes to stop on a missing
 * input, against `node -e 0` on the same binary, interleaved so both see
 * the same machine load. And, for the record, how long until the first
 * request of a real run reaches the server.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { QualyticsSimulator } from '../simulator/index.js'
import { runAction } from '../simulator/harness.js'
import { median, ratio } from './table.js'

/** Medians of one binary's interleaved runs. */
export interface ColdStart {
  actionMs: number
  bareMs: number
  ratio: number
  /** Every action run exited 1 with an ::error:: naming an input. */
  stoppedOnInput: boolean
}

interface Timed {
  ms: number
  code: number | null
  stdout: string
}

/** Spawn and time one process, from spawn to exit. */
function timed(
  node: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv
): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint()
    const child = spawn(node, args, { env, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.on('error', reject)
    child.on('exit', code =>
      resolve({
        ms: Number(process.hrtime.bigint() - start) / 1e6,
        code,
        stdout
      })
    )
  })
}

/** A runner-like environment with no inputs at all. */
function emptyRunnerEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const dir = mkdtempSync(join(tmpdir(), 'qea-cold-'))
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH ?? '', ...extra }
  for (const name of ['OUTPUT', 'STATE', 'STEP_SUMMARY']) {
    const file = join(dir, name.toLowerCase())
    writeFileSync(file, '')
    env[`GITHUB_${name}`] = file
  }
  return env
}

/**
 * `runs` interleaved pairs: the action stopping on its first missing input,
 * then `node -e 0`. `env` is added to the action's environment only.
 */
export async function measureColdStart(
  node: string,
  entry: string,
  runs = 20,
  env: NodeJS.ProcessEnv = {}
): Promise<ColdStart> {
  const action: number[] = []
  const bare: number[] = []
  let stoppedOnInput = true
  const actionEnv = emptyRunnerEnv(env)
  const bareEnv = emptyRunnerEnv()
  await timed(node, ['-e', '0'], bareEnv) // warm the file cache once
  for (let i = 0; i < runs; i++) {
    const run = await timed(node, [entry], actionEnv)
    if (run.code !== 1 || !/::error::.*input/i.test(run.stdout))
      stoppedOnInput = false
    action.push(run.ms)
    bare.push((await timed(node, ['-e', '0'], bareEnv)).ms)
  }
  const actionMs = median(action)
  const bareMs = median(bare)
  return { actionMs, bareMs, ratio: ratio(actionMs, bareMs), stoppedOnInput }
}

/**
 * Median time from spawn to the first request (GET /api/users/me) arriving
 * at a local simulator, in a dry run: everything the action loads before it
 * can talk to Qualytics, whether loaded at start or on demand.
 */
export async function measureFirstRequest(
  node: string,
  entry: string,
  runs = 10
): Promise<number> {
  const sim = await QualyticsSimulator.start({
    // No queue, as before 1.2's simulator queued each export for 1 s:
    // the figures compare with the earlier versions'.
    queuedMs: 0,
    datastores: [{ id: 1, name: 'Bench', enrichment: { id: 2, name: 'E' } }]
  })
  try {
    const times: number[] = []
    for (let i = 0; i < runs; i++) {
      const before = sim.requests.length
      const started = Date.now()
      const run = await runAction({
        node,
        entry,
        inputs: {
          url: sim.url,
          token: sim.token,
          datastore: '1',
          'dry-run': 'true'
        }
      })
      // The simulator stamps each request on arrival, on the same clock.
      const first = sim.requests[before]
      if (run.code !== 0 || !first)
        throw new Error(`the dry run failed: ${run.stdout}`)
      times.push(first.at - started)
    }
    return median(times)
  } finally {
    await sim.close()
  }
}

/**
 * The action's entry point (src/action/main.ts `run`) in this process, on
 * a clock the test hands in, with the runner's surroundings a spawned run
 * has: inputs as INPUT_* variables, outputs, state and the summary through
 * files, the log on stdout. It answers with the spawned harness's
 * `ActionRun`, so a test reads the same traces either way; what only a real
 * process shows (signals, the exit of the bundle, Node 24) stays with the
 * spawned runs of helpers/bundle.ts.
 *
 * A simulator on the same fast clock lets an export of minutes end in
 * milliseconds: the suites that exercise the run's logic through the
 * action (retries, reuse, history, results files) run here.
 */
import * as core from '@actions/core'
import { afterEach, beforeEach } from '@jest/globals'
import { run } from '../../src/action/main.js'
import type { Clock } from '../../src/core/clock.js'
import {
  runnerStep,
  stepTraces,
  type ActionOptions,
  type ActionRun
} from '../../simulator/harness.js'
import type { QualyticsSimulator, Scenario } from '../../simulator/index.js'
import { closeSimulators, startSimulator } from './fixtures.js'
import { FastClock } from './virtual-clock.js'

/**
 * The set-up of a file of in-process action tests, called once at its top:
 * each test gets a fresh clock at `speed` times real time, shared by the
 * action and the simulators it starts, and every simulator is closed after
 * the test.
 */
export function inProcessSuite(speed = 10): {
  /** The running test's clock. */
  clock: () => FastClock
  simulate: (
    scenario?: Partial<Scenario>,
    durationMs?: number
  ) => Promise<QualyticsSimulator>
  runAction: (
    options: Omit<ActionOptions, 'entry' | 'node'> & { cwd?: string }
  ) => Promise<ActionRun>
} {
  let clock = new FastClock(speed)
  beforeEach(() => {
    clock = new FastClock(speed)
  })
  afterEach(closeSimulators)
  return {
    clock: () => clock,
    simulate: (scenario = {}, durationMs = 400) =>
      startSimulator(scenario, durationMs, clock),
    runAction: options => runActionInProcess({ ...options, clock })
  }
}

/** One run of the action's main (or post) step, in-process, on `clock`. */
export async function runActionInProcess(
  options: Omit<ActionOptions, 'entry' | 'node'> & {
    clock: Clock
    /** Working directory of the step (relative paths, results files). */
    cwd?: string
  }
): Promise<ActionRun> {
  const { files, env } = runnerStep(options, 'qea-in-')

  // The step's surroundings, swapped in for the run and put back after.
  const saved = {
    env: process.env,
    cwd: process.cwd(),
    exitCode: process.exitCode,
    stdout: process.stdout.write.bind(process.stdout),
    stderr: process.stderr.write.bind(process.stderr)
  }
  let stdout = ''
  let stderr = ''
  process.env = env
  process.exitCode = undefined
  if (options.cwd) process.chdir(options.cwd)
  process.stdout.write = (chunk: string | Uint8Array): boolean => {
    const text = chunk.toString()
    stdout += text
    options.onStdout?.(text)
    return true
  }
  process.stderr.write = (chunk: string | Uint8Array): boolean => {
    stderr += chunk.toString()
    return true
  }
  // @actions/core keeps the summary file's path after its first write;
  // each step of a real runner starts a new process, so each run here
  // starts without it.
  ;(core.summary as unknown as { _filePath?: string })._filePath = undefined
  const started = Date.now()
  let code: number
  try {
    await run(options.clock)
    code = Number(process.exitCode ?? 0)
  } catch (error) {
    // Uncaught, it would end a real step with Node's exit code 1.
    stderr += String(error instanceof Error ? error.stack : error)
    code = 1
  } finally {
    process.env = saved.env
    process.exitCode = saved.exitCode
    process.chdir(saved.cwd)
    process.stdout.write = saved.stdout
    process.stderr.write = saved.stderr
  }
  return {
    code,
    stdout,
    stderr,
    ...stepTraces(files, stdout),
    wallMs: Date.now() - started
  }
}

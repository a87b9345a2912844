/**
 * Run the bundled action the way a GitHub runner does: inputs as INPUT_*
 * variables, outputs, state and the job summary through files. Shared by
 * the black-box tests, the demo and the benchmark.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** What one run of the bundled action left behind. */
export interface ActionRun {
  code: number | null
  stdout: string
  stderr: string
  /** Outputs from GITHUB_OUTPUT; the last value of each name wins, as on a runner. */
  outputs: Record<string, string>
  /** State from GITHUB_STATE (for the post step). */
  state: Record<string, string>
  summary: string
  /** ::error:: and ::warning:: lines. */
  errors: string[]
  warnings: string[]
  /** Milliseconds from spawn to exit. */
  wallMs: number
}

export interface ActionOptions {
  inputs: Record<string, string>
  env?: Record<string, string>
  /** State to hand in (runs the post step when isPost is set). */
  state?: Record<string, string>
  /** A schedule event payload, to run as `on.schedule`. */
  scheduleCron?: string
  /** Path of the bundle; the post step uses the same one. */
  entry?: string
  /** Node binary to run it with (default: this one). */
  node?: string
  /** Called with the action's log as it is written. */
  onStdout?: (text: string) => void
}

/** Parse `name<<delimiter\nvalue\ndelimiter` blocks of a GitHub file command. */
export function parseFileCommand(text: string): Record<string, string> {
  const values: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<]+)<<(.+)$/.exec(lines[i] ?? '')
    if (!match) continue
    const [, name, delimiter] = match
    const value: string[] = []
    for (i++; i < lines.length && lines[i] !== delimiter; i++)
      value.push(lines[i] ?? '')
    values[name as string] = value.join('\n')
  }
  return values
}

/** The files a runner hands a step, and the step's environment around them. */
export interface RunnerStep {
  files: { output: string; summary: string; state: string }
  env: Record<string, string>
}

/**
 * A step's surroundings as a runner makes them: inputs as INPUT_*
 * variables, state as STATE_*, empty output, state and summary files, and
 * the schedule event's payload when the run is scheduled. Shared by the
 * spawned runs here and the tests' in-process ones.
 */
export function runnerStep(
  options: Pick<ActionOptions, 'inputs' | 'env' | 'state' | 'scheduleCron'>,
  prefix = 'qea-'
): RunnerStep {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  const files = {
    output: join(dir, 'output'),
    summary: join(dir, 'summary'),
    state: join(dir, 'state')
  }
  for (const f of Object.values(files)) writeFileSync(f, '')
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_STATE: files.state,
    GITHUB_EVENT_NAME: options.scheduleCron ? 'schedule' : 'workflow_dispatch',
    ...options.env
  }
  if (options.scheduleCron) {
    const event = join(dir, 'event.json')
    writeFileSync(event, JSON.stringify({ schedule: options.scheduleCron }))
    env.GITHUB_EVENT_PATH = event
  }
  for (const [name, value] of Object.entries(options.inputs))
    env[`INPUT_${name.toUpperCase()}`] = value
  for (const [name, value] of Object.entries(options.state ?? {}))
    env[`STATE_${name}`] = value
  return { files, env }
}

/** What a step left in its files, and its ::error:: and ::warning:: lines. */
export function stepTraces(
  files: RunnerStep['files'],
  stdout: string
): Pick<ActionRun, 'outputs' | 'state' | 'summary' | 'errors' | 'warnings'> {
  const lines = stdout.split('\n')
  return {
    outputs: parseFileCommand(readFileSync(files.output, 'utf8')),
    state: parseFileCommand(readFileSync(files.state, 'utf8')),
    summary: readFileSync(files.summary, 'utf8'),
    errors: lines.filter(l => l.startsWith('::error')),
    warnings: lines.filter(l => l.startsWith('::warning'))
  }
}

/** Start the bundled action as a runner would; resolve with its traces when it exits. */
export function startAction(options: ActionOptions): {
  child: ChildProcess
  done: Promise<ActionRun>
} {
  const { files, env } = runnerStep(options)
  const started = Date.now()
  const child = spawn(
    options.node ?? process.execPath,
    [options.entry ?? 'dist/index.js'],
    {
      env,
      stdio: ['ignore', 'pipe', 'pipe']
    }
  )
  let stdout = ''
  let stderr = ''
  child.stdout?.on('data', (d: Buffer) => {
    stdout += d.toString()
    options.onStdout?.(d.toString())
  })
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()))
  const done = new Promise<ActionRun>(resolve => {
    child.on('close', code => {
      resolve({
        code,
        stdout,
        stderr,
        ...stepTraces(files, stdout),
        wallMs: Date.now() - started
      })
    })
  })
  return { child, done }
}

/** Run the bundled action to the end. */
export function runAction(options: ActionOptions): Promise<ActionRun> {
  return startAction(options).done
}

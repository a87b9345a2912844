/**
 * Run the bundled command line as a user would: a child process in a
 * directory of the test's choosing, with a clean environment. The bundle is
 * the one built from the source under test (helpers/bundle.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { cliEntry } from './bundle.js'

/** What one run left behind. */
export interface CliRun {
  code: number | null
  stdout: string
  stderr: string
}

export interface CliOptions {
  cwd?: string
  /** Added to a bare environment (PATH only): no QUALYTICS_* leaks in from the shell. */
  env?: Record<string, string>
  /** Called as stdout grows, with the child (to send it a signal). */
  onStdout?: (stdout: string, child: ChildProcess) => void
}

/** Run `qualytics-export <args>`; resolves when it exits. */
export function runCli(
  args: string[],
  options: CliOptions = {}
): Promise<CliRun> {
  const child = spawn(process.execPath, [cliEntry(), ...args], {
    cwd: options.cwd ?? tmpDir(),
    env: { PATH: process.env.PATH ?? '', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stdout = ''
  let stderr = ''
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString()
    options.onStdout?.(stdout, child)
  })
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  return new Promise((done, fail) => {
    child.on('error', fail)
    child.on('close', code => done({ code, stdout, stderr }))
  })
}

/** A fresh empty directory. */
export function tmpDir(): string {
  return mkdtempSync(join(tmpdir(), 'qualytics-cli-'))
}

/** A fresh empty directory that is a git repository's root (as a checkout is). */
export function tmpRepo(): string {
  const dir = tmpDir()
  mkdirSync(join(dir, '.git'))
  return dir
}

/** Where GitHub reads workflows, from a repository's root. */
export const WORKFLOWS = '.github/workflows'

/**
 * The schedule the `schedule` suites write (in-process and in the bundle),
 * with flags in their odd spellings, and the file it lands in.
 */
export const SCHEDULE_ARGS = [
  'schedule',
  '--crontab',
  '17 6 * * 1-5',
  '--datastore',
  '42',
  '--containers',
  '100,101',
  '--options',
  'Anomalies, checks',
  '--timezone',
  'Asia/Kolkata',
  '--name',
  'daily-audit'
]
export const AUDIT = join(WORKFLOWS, 'qualytics-export-daily-audit.yml')

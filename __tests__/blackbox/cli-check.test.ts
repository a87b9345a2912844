/**
 * `qualytics-export check` from the bundle: a clean workflow passes, a
 * missing folder fails. Each problem it looks for is caught in-process in
 * ../cli-check.test.ts.
 */
import { describe, expect, it } from '@jest/globals'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { runCli, tmpDir } from '../helpers/cli.js'

interface Options {
  cron?: string
  timezone?: string
  dispatch?: boolean
  concurrency?: boolean
  token?: string
  datastore?: string
  options?: string
  scheduleTimezone?: string
  uses?: string
  /** YAML lines of the step's env: mapping. */
  env?: string[]
  /** Replaces the datastore line (e.g. `datastore-tags: gold`). */
  select?: string
}

/** A workflow that uses the action; every part can be changed or left out. */
function workflow(o: Options = {}): string {
  const withLines = [
    'url: ${{ vars.QUALYTICS_URL }}',
    o.token === ''
      ? null
      : `token: ${o.token ?? '${{ secrets.QUALYTICS_TOKEN }}'}`,
    o.select ??
      `datastore: ${o.datastore ?? "${{ inputs.datastore || '42' }}"}`,
    `options: ${o.options ?? 'checks'}`,
    o.scheduleTimezone ? `schedule-timezone: ${o.scheduleTimezone}` : null
  ].filter(Boolean)
  return `on:
  schedule:
    - cron: '${o.cron ?? '17 6 * * *'}'${o.timezone ? `\n      timezone: ${o.timezone}` : ''}
${o.dispatch === false ? '' : '  workflow_dispatch:\n'}${o.concurrency === false ? '' : 'concurrency:\n  group: x\n  cancel-in-progress: false\n'}jobs:
  export:
    runs-on: ubuntu-latest
    steps:
      - uses: ${o.uses ?? 'qualytics/qualytics-export-action@v1'}
${o.env ? `        env:\n${o.env.map(l => `          ${l}`).join('\n')}\n` : ''}        with:
${withLines.map(l => `          ${l}`).join('\n')}
`
}

/** Run `check` over these files (name -> text). */
async function check(files: Record<string, string>, extra: string[] = []) {
  const cwd = tmpDir()
  const dir = join(cwd, 'flows')
  mkdirSync(dir)
  for (const [name, text] of Object.entries(files))
    writeFileSync(join(dir, name), text)
  return runCli(['check', '--dir', 'flows', ...extra], { cwd })
}

describe('qualytics-export check', () => {
  it('passes a clean workflow with exit 0', async () => {
    const run = await check({
      'a.yml': workflow(),
      'unrelated.yml': 'on: push\njobs: {}\n'
    })
    expect(run.stdout).toBe('0 errors, 0 warnings in 1 workflow.\n')
    expect(run.code).toBe(0)
  })
})

describe('check points at the place', () => {
  it('fails when the folder is not there, so a typo in --dir fails CI', async () => {
    const run = await runCli(['check', '--dir', 'nope/workflows'], {
      cwd: tmpDir()
    })
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/nope\/workflows is not a folder/)
    expect(run.stdout).toBe('')
  })
})

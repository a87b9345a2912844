/**
 * The workflows the `check` suites lint (in-process, ../cli-check.test.ts,
 * and in the bundle, ../blackbox/cli-check.test.ts): one that uses the
 * action, every part of which a case can change or leave out, and a
 * folder of them in a fresh directory.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { tmpDir } from './cli.js'

export interface Options {
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
  heartbeat?: string
}

/** A workflow that uses the action; every part can be changed or left out. */
export function workflow(o: Options = {}): string {
  const withLines = [
    'url: ${{ vars.QUALYTICS_URL }}',
    o.token === ''
      ? null
      : `token: ${o.token ?? '${{ secrets.QUALYTICS_TOKEN }}'}`,
    o.select ??
      `datastore: ${o.datastore ?? "${{ inputs.datastore || '42' }}"}`,
    `options: ${o.options ?? 'checks'}`,
    o.scheduleTimezone ? `schedule-timezone: ${o.scheduleTimezone}` : null,
    o.heartbeat ? `heartbeat-url: ${o.heartbeat}` : null
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

/** A fresh directory whose folder `flows` holds these files (name -> text). */
export function flowsDir(files: Record<string, string>): string {
  const cwd = tmpDir()
  const dir = join(cwd, 'flows')
  mkdirSync(dir)
  for (const [name, text] of Object.entries(files))
    writeFileSync(join(dir, name), text)
  return cwd
}

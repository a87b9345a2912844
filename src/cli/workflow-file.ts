import { VERSION } from '../core/version.js'

/** The action a generated workflow calls, unless `--uses` says otherwise. */
export const DEFAULT_USES = 'qualytics/qualytics-export-action@v1'
/** Every file this tool writes is named `qualytics-export-<name>.yml`. */
export const FILE_PREFIX = 'qualytics-export-'
/** Minutes a job may run beyond the action's own timeout (setup, aborts, summary). */
const JOB_MARGIN_MINUTES = 15

/** What `schedule` writes, every value already validated. */
export interface ScheduleSpec {
  name: string
  cron: string
  /** IANA zone for GitHub's `timezone:` key; absent means UTC. */
  timezone?: string
  /** Datastore id(s), comma-separated. */
  datastore: string
  /** Asset types, comma-separated, or `all`. */
  options: string
  /** Container ids, comma-separated; empty for all. */
  containers: string
  /** The action's `timeout` input; absent means its default (30m). */
  timeout?: string
  /** The action's timeout in minutes, for the job's `timeout-minutes`. */
  timeoutMinutes: number
  uses: string
  runsOn: string
  /** The schedule in words, for the header comment. */
  description: string
}

/** The file name for a schedule name. */
export function workflowFileName(name: string): string {
  return `${FILE_PREFIX}${name}.yml`
}

/** The name `remove --name` takes: the file name without prefix and extension. */
export function scheduleName(file: string): string {
  const base = file.replace(/\.ya?ml$/i, '')
  return base.startsWith(FILE_PREFIX) ? base.slice(FILE_PREFIX.length) : base
}

/**
 * The name used when `--name` is not given: `ds` + the datastore ids + the
 * asset types, joined by dashes (`--datastore 42 --options anomalies,checks`
 * gives `ds42-anomalies-checks`; no options gives `ds42-all`).
 */
export function defaultScheduleName(
  datastore: string,
  options: string
): string {
  const ids = datastore.split(',').map(s => s.trim())
  const types = options.split(',').map(s => s.trim().toLowerCase())
  return `ds${ids.join('-')}-${types.join('-')}`
}

/** A YAML single-quoted scalar (values are validated, but quotes stay safe). */
function sq(value: string): string {
  return `'${value.replace(/'/g, "''")}'`
}

/** `${{ inputs.x || 'default' }}`: a scheduled run has no inputs, so empty means the default. */
function input(name: string, fallback: string): string {
  return fallback === ''
    ? `\${{ inputs.${name} }}`
    : `\${{ inputs.${name} || ${sq(fallback)} }}`
}

/** The workflow file for a schedule, as text (comments kept, keys in reading order). */
export function renderWorkflow(spec: ScheduleSpec): string {
  const zone = spec.timezone ?? 'UTC'
  const withLines = [
    'url: ${{ vars.QUALYTICS_URL }}',
    'token: ${{ secrets.QUALYTICS_TOKEN }}',
    `datastore: ${input('datastore', spec.datastore)}`,
    `options: ${input('options', spec.options)}`,
    `containers: ${input('containers', spec.containers)}`,
    ...(spec.timeout ? [`timeout: ${sq(spec.timeout)}`] : []),
    ...(spec.timezone ? [`schedule-timezone: ${sq(spec.timezone)}`] : [])
  ]
  return `# Qualytics metadata export "${spec.name}": ${spec.description} (${zone}).
# Written by \`qualytics-export schedule\` ${VERSION}; edit freely and lint with
# \`npx qualytics-export check\`. Scheduled runs have no inputs, so every input
# below falls back to the value it was scheduled with.
# Needs the repository variable QUALYTICS_URL and the secret QUALYTICS_TOKEN.
name: ${sq(`Qualytics export: ${spec.name}`)}

on:
  schedule:
    - cron: ${sq(spec.cron)}${spec.timezone ? `\n      timezone: ${sq(spec.timezone)}` : ''}
  workflow_dispatch:
    inputs:
      datastore:
        description: 'Datastore id(s), comma-separated'
        type: string
        default: ${sq(spec.datastore)}
      options:
        description: 'What to export: anomalies, checks, profiles or all'
        type: string
        default: ${sq(spec.options)}
      containers:
        description: 'Container ids, comma-separated (empty: all)'
        type: string
        default: ${sq(spec.containers)}

permissions:
  contents: read

# One export at a time: a tick that comes while the last one still runs waits.
concurrency:
  group: ${sq(`${FILE_PREFIX}${spec.name}`)}
  cancel-in-progress: false

jobs:
  export:
    runs-on: ${sq(spec.runsOn)}
    timeout-minutes: ${spec.timeoutMinutes + JOB_MARGIN_MINUTES}
    steps:
      - name: Export Qualytics metadata
        id: export
        uses: ${spec.uses}
        with:
${withLines.map(line => `          ${line}`).join('\n')}
`
}

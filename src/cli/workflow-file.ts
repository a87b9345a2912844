import { VERSION } from '../core/version.js'

/** The action a generated workflow calls, unless `--uses` says otherwise. */
export const DEFAULT_USES = 'qualytics/qualytics-export-action@v1'
/** Every file this tool writes is named `qualytics-export-<name>.yml`. */
export const FILE_PREFIX = 'qualytics-export-'
/** Minutes a job may run beyond the action's own timeout (setup, aborts, summary). */
const JOB_MARGIN_MINUTES = 15

/**
 * How the lint comment of a generated workflow runs `check`: the npm
 * package, on the major version the workflow's `@v1` floats on.
 */
const CHECK_COMMAND = 'npx --yes qualytics-export@1 check'

/** The choices of the `options` dispatch input (any order of them is accepted too). */
const OPTION_CHOICES = [
  'all',
  'anomalies',
  'checks',
  'profiles',
  'anomalies,checks',
  'anomalies,profiles',
  'checks,profiles'
]

/** What `schedule` writes, every value already validated. */
export interface ScheduleSpec {
  name: string
  cron: string
  /** IANA zone for GitHub's `timezone:` key; absent means UTC. */
  timezone?: string
  /** Datastore id(s), comma-separated; empty when `datastoreTags` selects them. */
  datastore: string
  /** Datastore tags, comma-separated; empty when `datastore` is given. */
  datastoreTags?: string
  /** Asset types, comma-separated, or `all`. */
  options: string
  /** Container ids, comma-separated; empty for all. */
  containers: string
  /** Container tags, comma-separated; empty for none. */
  containerTags?: string
  /**
   * Every other input the schedule sets, as action input name and value,
   * in the input table's order (`include-deleted: 'true'`, `timeout: '1h'`).
   */
  more: Array<[string, string]>
  /** The action's timeout in minutes, for the job's `timeout-minutes`. */
  timeoutMinutes: number
  uses: string
  /** A comment after `uses:` (the tag a pinned SHA stands for). */
  usesComment?: string
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
export function sq(value: string): string {
  return `'${value.replace(/'/g, "''")}'`
}

/** `${{ inputs.x || 'default' }}`: a scheduled run has no inputs, so empty means the default. */
function input(name: string, fallback: string): string {
  return fallback === ''
    ? `\${{ inputs.${name} }}`
    : `\${{ inputs.${name} || ${sq(fallback)} }}`
}

/** One `workflow_dispatch` input of type string. */
function textInput(name: string, description: string, value: string): string {
  return `      ${name}:
        description: ${sq(description)}
        type: string
        default: ${sq(value)}`
}

/** The `options` dispatch input: a choice, holding the scheduled value. */
function optionsInput(value: string): string {
  const choices = OPTION_CHOICES.includes(value)
    ? OPTION_CHOICES
    : [...OPTION_CHOICES, value]
  return `      options:
        description: 'What to export'
        type: choice
        options:
${choices.map(c => `          - ${sq(c)}`).join('\n')}
        default: ${sq(value)}`
}

/** The dispatch inputs and the `with:` lines of the step. */
function inputsAndWith(spec: ScheduleSpec): {
  inputs: string[]
  withLines: string[]
} {
  const byTags = Boolean(spec.datastoreTags)
  const byContainerTags = Boolean(spec.containerTags)
  const inputs = [
    byTags
      ? textInput(
          'datastore-tags',
          'Export every datastore with one of these tags, comma-separated',
          spec.datastoreTags ?? ''
        )
      : textInput(
          'datastore',
          'Datastore id(s), comma-separated',
          spec.datastore
        ),
    optionsInput(spec.options),
    byContainerTags
      ? textInput(
          'container-tags',
          'Container tags, comma-separated',
          spec.containerTags ?? ''
        )
      : textInput(
          'containers',
          'Container ids, comma-separated (empty: all)',
          spec.containers
        )
  ]
  const withLines = [
    'url: ${{ vars.QUALYTICS_URL }}',
    'token: ${{ secrets.QUALYTICS_TOKEN }}',
    byTags
      ? `datastore-tags: ${input('datastore-tags', spec.datastoreTags ?? '')}`
      : `datastore: ${input('datastore', spec.datastore)}`,
    `options: ${input('options', spec.options)}`,
    byContainerTags
      ? `container-tags: ${input('container-tags', spec.containerTags ?? '')}`
      : `containers: ${input('containers', spec.containers)}`,
    ...spec.more.map(([name, value]) => `${name}: ${sq(value)}`)
  ]
  return { inputs, withLines }
}

/** The workflow file for a schedule, as text (comments kept, keys in reading order). */
export function renderWorkflow(spec: ScheduleSpec): string {
  const zone = spec.timezone ?? 'UTC'
  const { inputs, withLines } = inputsAndWith(spec)
  const comment = spec.usesComment ? ` # ${spec.usesComment}` : ''
  return `# Qualytics metadata export "${spec.name}": ${spec.description} (${zone}).
# Written by \`qualytics-export schedule\` ${VERSION}; edit freely and lint with
# \`${CHECK_COMMAND}\`.
# Scheduled runs have no inputs, so every input below falls back to the value
# it was scheduled with.
# Needs the repository variable QUALYTICS_URL and the secret QUALYTICS_TOKEN.
name: ${sq(`Qualytics export: ${spec.name}`)}

on:
  schedule:
    - cron: ${sq(spec.cron)}${spec.timezone ? `\n      timezone: ${sq(spec.timezone)}` : ''}
  workflow_dispatch:
    inputs:
${inputs.join('\n')}

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
        uses: ${spec.uses}${comment}
        with:
${withLines.map(line => `          ${line}`).join('\n')}
`
}

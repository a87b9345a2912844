/**
 * `schedule --target gitlab`: the CI file that includes the GitLab
 * component (templates/export.yml) for one schedule, and the pipeline
 * schedule to create, since GitLab keeps crons outside the YAML.
 */
import { INPUTS, type InputSpec } from '../core/config/inputs-table.js'
import { VERSION } from '../core/version.js'
import { FILE_PREFIX, sq, type ScheduleSpec } from './workflow-file.js'

/**
 * Whether the GitLab CI/CD component (templates/export.yml) has an input
 * for it: not a secret (a masked CI/CD variable carries those), not one
 * the command line refuses, not marked `gitlab: false`.
 */
export function inGitlabComponent(input: InputSpec): boolean {
  return input.run !== null && !input.secret && input.gitlab !== false
}

/** Where `schedule --target gitlab` writes, at the repository's root. */
export const GITLAB_DIR = '.gitlab'

/** The pipeline variable that tells a scheduled pipeline which export job to run. */
const SCHEDULE_VARIABLE = 'QUALYTICS_EXPORT_SCHEDULE'

/**
 * The component, at the release of this command line: a remote include
 * works on any GitLab that can reach GitHub, with no catalog mirror.
 */
const COMPONENT_URL = `https://raw.githubusercontent.com/qualytics/qualytics-export-action/v${VERSION}/templates/export.yml`

/**
 * Whether the component takes the input: `schedule` refuses the others'
 * flags for GitLab, except the cron's zone, which goes to the pipeline
 * schedule (`--cronTimeZone`) as a GitLab run reads no cron.
 */
function componentInput(name: string): boolean {
  const input = INPUTS.find(i => i.name === name)
  return input !== undefined && inGitlabComponent(input)
}

/** A value as the component's typed input wants it: booleans and numbers bare. */
function typed(name: string, value: string): string {
  const form = INPUTS.find(i => i.name === name)?.run
  const bare =
    form !== undefined &&
    form !== null &&
    ('flag' in form || form.value === '<bool>' || form.value === '<n>')
  return bare ? value : sq(value)
}

/** The job's name in the pipeline. */
function gitlabJobName(spec: ScheduleSpec): string {
  return `${FILE_PREFIX}${spec.name}`
}

/** The CI file for a schedule, to include from .gitlab-ci.yml. */
export function renderGitlabFile(spec: ScheduleSpec): string {
  const only = `$${SCHEDULE_VARIABLE} == "${spec.name}"`
  const inputs: Array<[string, string]> = [
    ['job-name', sq(gitlabJobName(spec))],
    spec.datastoreTags
      ? ['datastore-tags', sq(spec.datastoreTags)]
      : ['datastore', sq(spec.datastore)],
    ['options', sq(spec.options)],
    ...(spec.containers
      ? [['containers', sq(spec.containers)] as [string, string]]
      : []),
    ...(spec.containerTags
      ? [['container-tags', sq(spec.containerTags)] as [string, string]]
      : []),
    ...spec.more
      .filter(([name]) => componentInput(name))
      .map(([name, value]): [string, string] => [name, typed(name, value)])
  ]
  return `# Qualytics metadata export "${spec.name}": ${spec.description} (${spec.timezone ?? 'UTC'}).
# Written by \`qualytics-export schedule --target gitlab\` ${VERSION}; edit freely.
# Include it from .gitlab-ci.yml. GitLab keeps the cron in a pipeline
# schedule (Build > Pipeline schedules) that sets ${SCHEDULE_VARIABLE}
# to "${spec.name}"; the command that wrote this file printed how to create it.
# Needs the CI/CD variables QUALYTICS_URL and QUALYTICS_TOKEN (masked).
include:
  - remote: ${sq(COMPONENT_URL)}
    inputs:
      rules:
        - if: ${sq(`$CI_PIPELINE_SOURCE == "schedule" && ${only}`)}
        - if: ${sq(`$CI_PIPELINE_SOURCE == "web" && ${only}`)}
${inputs.map(([name, value]) => `      ${name}: ${value}`).join('\n')}
`
}

/** A word for a POSIX shell, in single quotes. */
function shellWord(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`
}

/**
 * How to create the pipeline schedule: with glab, or with the REST API
 * (POST /projects/:id/pipeline_schedules, then its variable).
 */
export function pipelineScheduleHowTo(
  spec: ScheduleSpec,
  ref: string
): string[] {
  const zone = spec.timezone ?? 'UTC'
  const description = `Qualytics export ${spec.name}`
  return [
    'Create the pipeline schedule (GitLab keeps crons outside the YAML), with glab:',
    `  glab schedule create --description ${shellWord(description)} --ref ${shellWord(ref)} \\`,
    `    --cron ${shellWord(spec.cron)} --cronTimeZone ${shellWord(zone)} \\`,
    `    --variable ${shellWord(`${SCHEDULE_VARIABLE}:${spec.name}`)}`,
    'or with the API (a token with the api scope; <project> is the project id or its URL-encoded path):',
    '  curl --fail --request POST --header "PRIVATE-TOKEN: $GITLAB_TOKEN" \\',
    `    --data-urlencode ${shellWord(`description=${description}`)} --data-urlencode ${shellWord(`ref=${ref}`)} \\`,
    `    --data-urlencode ${shellWord(`cron=${spec.cron}`)} --data-urlencode ${shellWord(`cron_timezone=${zone}`)} \\`,
    '    "https://<your GitLab>/api/v4/projects/<project>/pipeline_schedules"',
    '  curl --fail --request POST --header "PRIVATE-TOKEN: $GITLAB_TOKEN" \\',
    `    --data-urlencode ${shellWord(`key=${SCHEDULE_VARIABLE}`)} --data-urlencode ${shellWord(`value=${spec.name}`)} \\`,
    '    "https://<your GitLab>/api/v4/projects/<project>/pipeline_schedules/<id from the answer>/variables"',
    'or in the UI: Build > Pipeline schedules > New schedule, with that cron, zone and variable.'
  ]
}

import { join, relative, sep } from 'node:path'
import { parseConfig, type RawInputs } from '../core/config/config.js'
import { INPUTS } from '../core/config/inputs-table.js'
import { checkCron, nextRuns } from './cron-rules.js'
import { InputError } from '../core/errors.js'
import { ALL_ASSET_TYPES } from '../core/types.js'
import type { ExportConfig } from '../core/config/config.js'
import {
  parseFlags,
  requiredFlag,
  stringFlag,
  UsageError,
  type Flags
} from './args.js'
import { SCHEDULE } from './commands.js'
import {
  ensureRealDir,
  ExistsError,
  UnsafePathError,
  writeFileNoFollow
} from './safe-write.js'
import { describeCron } from '../core/schedule/describe.js'
import { whenInZone } from '../core/schedule/zone-time.js'
import {
  DEFAULT_USES,
  defaultScheduleName,
  renderWorkflow,
  workflowFileName,
  type ScheduleSpec
} from './workflow-file.js'
import { findRepoRoot, workflowDir } from './workflow-dir.js'
import {
  GITLAB_DIR,
  inGitlabComponent,
  pipelineScheduleHowTo,
  renderGitlabFile
} from './gitlab-file.js'
import { DEFAULT_DIR } from './commands.js'
import { stdout, stderr } from './terminal.js'

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/
/** `owner/repo[/path]@ref`, or a local `./path`. */
const USES = /^(?:[\w.-]+\/[\w.-]+(?:\/[\w./-]+)?@[\w./-]+|\.\/[\w./-]*)$/
const LABEL = /^[\w.-]+$/

/**
 * `schedule`: check the cron against GitHub's rules, then write
 * `.github/workflows/qualytics-export-<name>.yml` and say when it runs.
 */
export async function scheduleCommand(argv: string[]): Promise<number> {
  const flags = parseFlags(SCHEDULE, argv)
  const target = ciTarget(flags)
  const { spec, warnings } = buildSpec(flags, target)
  const gitlab = target === 'gitlab'
  const text = gitlab ? renderGitlabFile(spec) : renderWorkflow(spec)
  let written: { shown: string; fromRoot: string } | undefined
  if (flags.print) {
    stdout.write(text)
  } else {
    const dir = await workflowDir(
      flags,
      'schedule',
      true,
      process.cwd(),
      gitlab ? GITLAB_DIR : DEFAULT_DIR
    )
    const shown = (path: string): string => relative(process.cwd(), path)
    const file = workflowFileName(spec.name)
    const path = join(dir.shown, file)
    try {
      const real = await ensureRealDir(dir.base, dir.parts, shown)
      // 'force' replaces a regular file only; a link there is refused.
      await writeFileNoFollow(real, file, text, flags.force === true, shown)
    } catch (error) {
      if (error instanceof ExistsError) {
        stderr.write(
          `qualytics-export schedule: ${path} already exists; add --force to replace it, or pick another --name.\n`
        )
        return 1
      }
      if (error instanceof UnsafePathError) {
        stderr.write(`qualytics-export schedule: ${error.message}\n`)
        return 1
      }
      throw error
    }
    stdout.write(`Wrote ${path}\n`)
    const root = (await findRepoRoot(dir.absolute)) ?? process.cwd()
    written = {
      shown: path,
      fromRoot: relative(root, join(dir.absolute, file)).split(sep).join('/')
    }
  }
  const out = flags.print ? stderr : stdout
  const zone = spec.timezone ?? 'UTC'
  const next = gitlab
    ? [
        ...(written
          ? [
              'Next: include the file from .gitlab-ci.yml:',
              '  include:',
              `    - local: ${written.fromRoot}`
            ]
          : []),
        'Set the CI/CD variables QUALYTICS_URL and QUALYTICS_TOKEN (masked) in',
        'Settings > CI/CD > Variables.',
        ...pipelineScheduleHowTo(spec, stringFlag(flags, 'ref') ?? 'main')
      ]
    : flags.print
      ? []
      : [
          'Next: set the repository variable QUALYTICS_URL and the secret QUALYTICS_TOKEN,',
          ...secretFlags(flags).map(
            name =>
              `the secret ${secretOf(name) ?? ''} to the --${name} you gave (the file names the secret, not the value),`
          ),
          'then commit the file to the default branch (GitHub runs schedules only there).'
        ]
  out.write(
    [
      `Schedule: ${spec.description} (${zone}), cron '${spec.cron}'.`,
      'Next runs:',
      ...nextRuns(spec.cron, zone, 3).map(d => `  ${whenInZone(d, zone)}`),
      ...warnings.map(w => `Warning: cron '${spec.cron}' ${w}.`),
      ...next,
      ''
    ].join('\n')
  )
  return 0
}

/** Flags that only make sense for one target. */
const GITHUB_ONLY = ['uses', 'pin', 'runs-on']

/** `--target`: github (default) or gitlab, with the flags each refuses. */
function ciTarget(flags: Flags): 'github' | 'gitlab' {
  const target = (stringFlag(flags, 'target') ?? 'github').toLowerCase()
  if (target !== 'github' && target !== 'gitlab')
    throw new UsageError(`--target '${target}' must be github or gitlab`)
  const foreign =
    target === 'gitlab'
      ? GITHUB_ONLY.filter(f => flags[f] !== undefined)
      : flags.ref === undefined
        ? []
        : ['ref']
  if (foreign.length > 0)
    throw new UsageError(
      `--${foreign[0]} does not apply to --target ${target}${target === 'gitlab' ? ': the GitLab job runs the component on your GitLab runners' : ': it is the branch of a GitLab pipeline schedule'}`
    )
  // GitLab refuses an include with an input the component lacks, and a
  // secret must not land in a committed file.
  const lacking = INPUTS.find(
    i =>
      i.schedule === true &&
      !inGitlabComponent(i) &&
      flags[i.name] !== undefined
  )
  if (target === 'gitlab' && lacking)
    throw new UsageError(
      `--${lacking.name} does not apply to --target gitlab: ${lacking.secret ? 'a secret goes in a masked CI/CD variable of the project (docs/gitlab.md), never in a file' : 'the GitLab component has no such input'}`
    )
  return target
}

/** Validate every flag and turn them into what the workflow will hold. */
function buildSpec(
  flags: Flags,
  target: 'github' | 'gitlab'
): { spec: ScheduleSpec; warnings: string[] } {
  // Shell quoting varies; the file gets single spaces, as GitHub splits on them.
  const cron = requiredFlag(flags, 'crontab', "'17 6 * * *'")
    .split(/\s+/)
    .join(' ')
  const datastore = stringFlag(flags, 'datastore')
  const datastoreTags = stringFlag(flags, 'datastore-tags')
  if (datastore === undefined && datastoreTags === undefined)
    throw new UsageError(
      '--datastore is required (e.g. --datastore 42), or --datastore-tags to select datastores by tag'
    )
  const timezone = stringFlag(flags, 'timezone')
  const config = checkInputs(flags, timezone)
  const options =
    flags.options === undefined
      ? 'all'
      : config.assetTypes.join(',') === ALL_ASSET_TYPES.join(',')
        ? 'all'
        : config.assetTypes.join(',')
  const ids = config.datastores.join(',')
  const tags = config.datastoreTags.join(',')
  const name =
    stringFlag(flags, 'name') ??
    (ids
      ? defaultScheduleName(ids, options)
      : `tags-${slug(tags)}-${options.split(',').join('-')}`)
  if (!NAME.test(name))
    throw new UsageError(
      `--name '${name}' must be letters, digits, '.', '_' or '-' (at most 80, starting with a letter or digit)`
    )
  const { errors, warnings } = checkCron(cron, name)
  if (errors.length > 0)
    throw new UsageError(
      `--crontab '${cron}' is not a schedule ${target === 'gitlab' ? 'GitLab' : 'GitHub'} runs:\n${errors.map(e => `  - ${e}`).join('\n')}`
    )
  const { uses, usesComment } = actionRef(flags)
  const runsOn = stringFlag(flags, 'runs-on') ?? 'ubuntu-latest'
  if (!LABEL.test(runsOn))
    throw new UsageError(`--runs-on '${runsOn}' is not a runner label`)
  const special = [
    'datastore',
    'datastore-tags',
    'containers',
    'container-tags',
    'options'
  ]
  // A secret input (the heartbeat URL) was checked above like any value,
  // but the file, which gets committed, names a repository secret instead.
  const more = Object.entries(config.raw)
    .filter(
      (entry): entry is [string, string] =>
        entry[1] !== undefined && !special.includes(entry[0])
    )
    .map(([name, value]): [string, string] => {
      const secret = secretOf(name)
      return [name, secret ? `\${{ secrets.${secret} }}` : value]
    })
  return {
    spec: {
      name,
      cron,
      timezone: config.timezone,
      datastore: ids,
      datastoreTags: tags,
      options,
      containers: config.containers.join(','),
      containerTags: config.containerTags.join(','),
      more,
      timeoutMinutes: Math.ceil(config.timeoutMs / 60_000),
      uses,
      usesComment,
      runsOn,
      description: describeCron(cron) ?? cron
    },
    warnings
  }
}

/** Tags as part of a file name: lower case, anything else becomes '-'. */
function slug(tags: string): string {
  return tags
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
}

/**
 * `--uses`, and `--pin`: the same action at a full commit SHA (organisations
 * can require SHA pins), with the tag it replaces kept as a comment.
 */
function actionRef(flags: Flags): { uses: string; usesComment?: string } {
  const uses = stringFlag(flags, 'uses') ?? DEFAULT_USES
  if (!USES.test(uses))
    throw new UsageError(
      `--uses '${uses}' is not an action reference such as ${DEFAULT_USES} or ./`
    )
  const pin = stringFlag(flags, 'pin')
  if (pin === undefined) return { uses }
  if (!/^[0-9a-f]{40}$/i.test(pin))
    throw new UsageError(
      `--pin '${pin}' is not a full commit SHA; give all 40 hex digits (git rev-parse v1), as GitHub pins only full SHAs`
    )
  if (uses.startsWith('./'))
    throw new UsageError(
      `--pin needs an owner/repo@ref action; --uses '${uses}' is a local path`
    )
  const at = uses.lastIndexOf('@')
  const ref = uses.slice(at + 1)
  return {
    uses: `${uses.slice(0, at)}@${pin.toLowerCase()}`,
    usesComment: /^[0-9a-f]{40}$/i.test(ref) ? undefined : ref
  }
}

/**
 * Check every input the workflow will pass with the action's own parser, so
 * a schedule never fails at run time on input the CLI accepted. The
 * placeholders stand in for what only the runner will have. `raw` holds
 * what the flags gave, by action input name, in the input table's order.
 */
function checkInputs(
  flags: Flags,
  timezone: string | undefined
): ExportConfig & { timezone: string | undefined; raw: RawInputs } {
  const raw: RawInputs = {}
  for (const input of INPUTS) {
    if (!input.schedule) continue
    const flag =
      typeof input.schedule === 'string' ? input.schedule : input.name
    const value = flags[flag] === true ? 'true' : stringFlag(flags, flag)
    if (value === undefined) continue
    raw[input.name] =
      input.name === 'schedule-timezone' ? spelling(value) : value
  }
  try {
    const config = parseConfig({
      ...raw,
      url: 'https://placeholder.invalid',
      token: 'placeholder'
    })
    return {
      ...config,
      raw,
      timezone: timezone === undefined ? undefined : spelling(timezone)
    }
  } catch (error) {
    if (error instanceof InputError && error.input === 'schedule-timezone')
      throw new InputError('timezone', error.problem)
    throw error
  }
}

/**
 * The zone as the file should spell it. Intl accepts any case and answers
 * with ICU's canonical id, which for some zones is the legacy one
 * (Asia/Kolkata comes back as Asia/Calcutta): keep the user's name, only
 * fixing its case when Intl knows it.
 */
function spelling(zone: string): string {
  const known = Intl.supportedValuesOf('timeZone').find(
    z => z.toLowerCase() === zone.toLowerCase()
  )
  return known ?? zone
}

/**
 * The repository secret a secret input is written as (`heartbeat-url`:
 * QUALYTICS_HEARTBEAT_URL), or null for an input that is not a secret.
 */
function secretOf(name: string): string | null {
  const input = INPUTS.find(i => i.name === name)
  return input && 'secret' in input && input.secret && name !== 'token'
    ? `QUALYTICS_${name.toUpperCase().replace(/-/g, '_')}`
    : null
}

/** The secret inputs the flags set. */
function secretFlags(flags: Flags): string[] {
  return INPUTS.filter(
    i => secretOf(i.name) && flags[i.name] !== undefined
  ).map(i => i.name)
}

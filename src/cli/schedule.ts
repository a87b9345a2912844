import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parseConfig } from '../core/config/config.js'
import { checkCron } from '../core/schedule/cron-rules.js'
import { parseDuration } from '../core/config/duration.js'
import { InputError } from '../core/errors.js'
import { ALL_ASSET_TYPES } from '../core/types.js'
import {
  parseFlags,
  requiredFlag,
  stringFlag,
  UsageError,
  type Flags
} from './args.js'
import { DEFAULT_DIR, SCHEDULE } from './commands.js'
import { describeCron, formatRun, nextRuns } from './when.js'
import {
  DEFAULT_USES,
  defaultScheduleName,
  renderWorkflow,
  workflowFileName,
  type ScheduleSpec
} from './workflow-file.js'

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
  const { spec, warnings } = buildSpec(flags)
  const text = renderWorkflow(spec)
  if (flags.print) {
    process.stdout.write(text)
  } else {
    const dir = stringFlag(flags, 'dir') ?? DEFAULT_DIR
    const path = join(dir, workflowFileName(spec.name))
    await mkdir(dir, { recursive: true })
    try {
      // 'wx' refuses an existing file atomically; --force replaces it.
      await writeFile(path, text, { flag: flags.force ? 'w' : 'wx' })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      process.stderr.write(
        `qualytics-export schedule: ${path} already exists; add --force to replace it, or pick another --name.\n`
      )
      return 1
    }
    process.stdout.write(`Wrote ${path}\n`)
  }
  const out = flags.print ? process.stderr : process.stdout
  const zone = spec.timezone ?? 'UTC'
  out.write(
    [
      `Schedule: ${spec.description} (${zone}), cron '${spec.cron}'.`,
      'Next runs:',
      ...nextRuns(spec.cron, zone, 3).map(d => `  ${formatRun(d, zone)}`),
      ...warnings.map(w => `Warning: cron '${spec.cron}' ${w}.`),
      ...(flags.print
        ? []
        : [
            'Next: set the repository variable QUALYTICS_URL and the secret QUALYTICS_TOKEN,',
            'then commit the file to the default branch (GitHub runs schedules only there).'
          ]),
      ''
    ].join('\n')
  )
  return 0
}

/** Validate every flag and turn them into what the workflow will hold. */
function buildSpec(flags: Flags): { spec: ScheduleSpec; warnings: string[] } {
  // Shell quoting varies; the file gets single spaces, as GitHub splits on them.
  const cron = requiredFlag(flags, 'crontab', "'17 6 * * *'")
    .split(/\s+/)
    .join(' ')
  const datastore = requiredFlag(flags, 'datastore', '42')
  const timezone = stringFlag(flags, 'timezone')
  const config = checkInputs(flags, datastore, timezone)
  const options =
    flags.options === undefined
      ? 'all'
      : config.assetTypes.join(',') === ALL_ASSET_TYPES.join(',')
        ? 'all'
        : config.assetTypes.join(',')
  const ids = config.datastores.join(',')
  const name = stringFlag(flags, 'name') ?? defaultScheduleName(ids, options)
  if (!NAME.test(name))
    throw new UsageError(
      `--name '${name}' must be letters, digits, '.', '_' or '-' (at most 80, starting with a letter or digit)`
    )
  const { errors, warnings } = checkCron(cron, name)
  if (errors.length > 0)
    throw new UsageError(
      `--crontab '${cron}' is not a schedule GitHub runs:\n${errors.map(e => `  - ${e}`).join('\n')}`
    )
  const uses = stringFlag(flags, 'uses') ?? DEFAULT_USES
  if (!USES.test(uses))
    throw new UsageError(
      `--uses '${uses}' is not an action reference such as ${DEFAULT_USES} or ./`
    )
  const runsOn = stringFlag(flags, 'runs-on') ?? 'ubuntu-latest'
  if (!LABEL.test(runsOn))
    throw new UsageError(`--runs-on '${runsOn}' is not a runner label`)
  const timeout = stringFlag(flags, 'timeout')
  return {
    spec: {
      name,
      cron,
      timezone: config.timezone,
      datastore: ids,
      options,
      containers: config.containers.join(','),
      timeout,
      timeoutMinutes: Math.ceil(
        parseDuration('timeout', timeout ?? '30m') / 60_000
      ),
      uses,
      runsOn,
      description: describeCron(cron)
    },
    warnings
  }
}

/**
 * Check datastore, containers, options and time zone with the action's own
 * parser, so a schedule never fails at run time on input the CLI accepted.
 * The placeholders stand in for what only the runner will have.
 */
function checkInputs(
  flags: Flags,
  datastore: string,
  timezone: string | undefined
): {
  datastores: number[]
  containers: number[]
  assetTypes: string[]
  timezone: string | undefined
} {
  try {
    const config = parseConfig({
      url: 'https://placeholder.invalid',
      token: 'placeholder',
      datastore,
      containers: stringFlag(flags, 'containers'),
      options: stringFlag(flags, 'options'),
      timeout: stringFlag(flags, 'timeout'),
      'schedule-timezone': timezone
    })
    return {
      ...config,
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

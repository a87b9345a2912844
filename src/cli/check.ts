import {
  parseIdList,
  parseOptions,
  parseTagList,
  parseTimezone
} from '../core/config/parsers.js'
import { checkCron } from './cron-rules.js'
import { stat } from 'node:fs/promises'
import { parseFlags, UsageError } from './args.js'
import { checkFormat, formatReport, type Finding } from './check-format.js'
import { CHECK, DEFAULT_DIR } from './commands.js'
import { workflowDir } from './workflow-dir.js'
import { findOverlaps, type Firing } from './overlap.js'
import { scheduleName } from './workflow-file.js'
import {
  scanWorkflows,
  yamlText,
  type ExportWorkflow
} from './workflow-scan.js'
import { stdout } from './terminal.js'

/**
 * `check`: lint every workflow that uses the action. Errors (exit 1) are
 * what makes a schedule fail or misbehave; warnings (exit 0) are advice.
 */
export async function checkCommand(argv: string[]): Promise<number> {
  const flags = parseFlags(CHECK, argv)
  const format = checkFormat(flags)
  const dir = (await workflowDir(flags, 'check', false)).shown
  // A typo in --dir must not pass CI as "nothing to check".
  if (!(await isDirectory(dir)))
    throw new UsageError(
      `${dir} is not a folder: give --dir the folder that holds the workflows (default ${DEFAULT_DIR} at the repository's root)`
    )
  const workflows = await scanWorkflows(dir)
  const findings: Finding[] = []
  const firings: Firing[] = []
  for (const workflow of workflows)
    findings.push(...lintWorkflow(workflow, firings))
  for (const overlap of findOverlaps(firings, new Date()))
    findings.push({
      path: overlap.path,
      line: overlap.line,
      level: 'error',
      message: overlap.message
    })
  stdout.write(
    formatReport({ dir, workflows: workflows.length, findings }, format)
  )
  return findings.some(f => f.level === 'error') ? 1 : 0
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory()
  } catch {
    return false
  }
}

/** Findings for one workflow; its valid schedules go into `firings` for the overlap check. */
export function lintWorkflow(w: ExportWorkflow, firings: Firing[]): Finding[] {
  const found: Finding[] = []
  const add =
    (level: Finding['level']) =>
    (message: string, line = w.line): void =>
      void found.push({ path: w.path, line, level, message })
  const error = add('error')
  const warning = add('warning')
  if (w.error) {
    error(`not valid YAML: ${w.error}`)
    return found
  }
  const scheduled = w.schedules.length > 0
  if (scheduled && !w.dispatch)
    warning(
      'no workflow_dispatch: add it so the export can be run by hand (and tested) between ticks'
    )
  if (scheduled && !w.concurrency)
    warning(
      'no concurrency group: a slow export and the next tick can overlap; add concurrency with cancel-in-progress: false'
    )
  const zones: string[] = []
  for (const [index, entry] of w.schedules.entries()) {
    const at = `schedule ${index + 1}`
    const line = entry.line ?? w.line
    if (typeof entry.cron !== 'string') {
      error(
        `${at}: cron is missing or not a string; quote it, e.g. '17 6 * * *'`,
        line
      )
      continue
    }
    // Seeded by the schedule's name, so the suggestion matches what `schedule` said.
    const { errors, warnings } = checkCron(entry.cron, scheduleName(w.file))
    for (const e of errors) error(`cron '${entry.cron}' ${e}`, line)
    for (const x of warnings) warning(`cron '${entry.cron}' ${x}`, line)
    const zone = readZone(entry.timezone, at, m => error(m, line))
    if (zone === null) continue
    zones.push(zone)
    if (errors.length === 0)
      firings.push(...stepFirings(w, index, entry.cron, zone, line))
  }
  for (const step of w.steps) {
    const where = `job ${step.job}`
    const error = (m: string): void => add('error')(m, step.line ?? w.line)
    const warning = (m: string): void => add('warning')(m, step.line ?? w.line)
    if (step.token === 'literal')
      error(
        `${where}: the token is written in the file; anyone who can read the repository has it. Revoke it and pass token: \${{ secrets.QUALYTICS_TOKEN }}`
      )
    else if (step.token === 'missing' && !step.merges)
      error(`${where}: no token; pass token: \${{ secrets.QUALYTICS_TOKEN }}`)
    else if (step.token === 'expression')
      warning(
        `${where}: the token does not come from a secret; use \${{ secrets.QUALYTICS_TOKEN }}`
      )
    if (step.heartbeat === 'literal')
      error(
        `${where}: the heartbeat URL is written in the file; anyone who can read the repository can ping it and silence the alarm. Pass heartbeat-url: \${{ secrets.QUALYTICS_HEARTBEAT_URL }}`
      )
    if (step.datastoreTags && step.datastore)
      error(
        `${where}: datastore and datastore-tags are both set; the action refuses that, keep one`
      )
    if (
      scheduled &&
      !step.merges &&
      step.datastore === '' &&
      step.datastoreTags === ''
    )
      error(
        `${where}: a scheduled run has no inputs, so datastore is empty on every tick; write datastore: \${{ inputs.datastore || '42' }} with your id`
      )
    for (const problem of inputProblems(
      step.datastore,
      step.datastoreTags,
      step.options
    ))
      error(`${where}: ${problem}`)
    const stepZone = sameZone(step.scheduleTimezone)
    if (stepZone === undefined)
      error(
        `${where}: schedule-timezone '${yamlText(step.scheduleTimezone)}' is not an IANA time zone; the action refuses it`
      )
    for (const zone of new Set(zones))
      if (stepZone && stepZone !== zone)
        warning(
          `${where}: schedule-timezone is '${stepZone}' but the schedule runs in '${zone}'; the action's next-run and summary will use the wrong zone`
        )
  }
  return found
}

/** Datastore and options a scheduled run would pass, checked as the action will. */
function inputProblems(
  datastore: string | undefined,
  datastoreTags: string | undefined,
  options: string | undefined
): string[] {
  const problems: string[] = []
  for (const check of [
    () => datastore && parseIdList('datastore', datastore),
    () => datastoreTags && parseTagList('datastore-tags', datastoreTags),
    () => options && parseOptions(options)
  ]) {
    try {
      check()
    } catch (e) {
      problems.push(e instanceof Error ? e.message : String(e))
    }
  }
  return problems
}

/**
 * A `schedule-timezone` value in the form readZone gives: null for an
 * expression (unknowable), undefined when the action would refuse it.
 */
function sameZone(value: unknown): string | null | undefined {
  if (typeof value === 'string' && value.includes('${{')) return null
  try {
    return parseTimezone(yamlText(value).trim() || 'UTC')
  } catch {
    return undefined
  }
}

function readZone(
  value: unknown,
  at: string,
  error: (m: string) => void
): string | null {
  if (value === undefined) return 'UTC'
  try {
    return parseTimezone(yamlText(value))
  } catch {
    error(
      `${at}: timezone '${yamlText(value)}' is not an IANA time zone such as Europe/Berlin`
    )
    return null
  }
}

/** What each export step of the workflow exports when this cron fires. */
function stepFirings(
  w: ExportWorkflow,
  entry: number,
  cron: string,
  zone: string,
  line: number | undefined
): Firing[] {
  return w.steps.flatMap(step => {
    try {
      // Datastores chosen by tag are known only to Qualytics: no overlap to tell.
      if (step.datastore === undefined || step.options === undefined) return []
      const datastores = parseIdList('datastore', step.datastore)
      const types = parseOptions(step.options || 'all')
      return [{ path: w.path, line, entry, cron, zone, datastores, types }]
    } catch {
      return [] // Reported above; it cannot collide with anything.
    }
  })
}

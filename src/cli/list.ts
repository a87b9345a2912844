import { cronProblems, nextRuns } from './cron-rules.js'
import { parseFlags } from './args.js'
import { workflowDir } from './workflow-dir.js'
import { LIST } from './commands.js'
import { describeCron } from '../core/schedule/describe.js'
import { whenInZone } from '../core/schedule/zone-time.js'
import { FILE_PREFIX, scheduleName } from './workflow-file.js'
import {
  scanWorkflows,
  yamlText,
  type ExportWorkflow
} from './workflow-scan.js'
import { stdout } from './terminal.js'

/** One schedule of a workflow, as `list` shows it. */
interface ListedSchedule {
  cron: string
  timezone: string
  description: string
  /** ISO 8601 (UTC); null when the cron is invalid. */
  nextRun: string | null
  problem: string | null
}

/** `list`: every workflow that uses the action, with schedules and what it exports. */
export async function listCommand(argv: string[]): Promise<number> {
  const flags = parseFlags(LIST, argv)
  const dir = (await workflowDir(flags, 'list', false)).shown
  const workflows = await scanWorkflows(dir)
  const rows = workflows.map(w => ({
    name: scheduleName(w.file),
    path: w.path,
    // `remove` deletes only what `schedule` wrote; say which these are.
    handWritten: !w.file.startsWith(FILE_PREFIX),
    error: w.error ?? null,
    schedules: w.schedules.map(listSchedule),
    dispatch: w.dispatch,
    exports: w.steps.map(s => ({
      job: s.job,
      uses: s.uses,
      datastore: s.datastore ?? null,
      datastoreTags: s.datastoreTags ?? null,
      containers: s.containers ?? null,
      containerTags: s.containerTags ?? null,
      options: s.options === '' ? 'all' : (s.options ?? null)
    }))
  }))
  if (flags.json) {
    stdout.write(`${JSON.stringify(rows, null, 2)}\n`)
    return 0
  }
  if (rows.length === 0) {
    stdout.write(
      `No workflow in ${dir} uses the export action. Create one with 'qualytics-export schedule'.\n`
    )
    return 0
  }
  const lines: string[] = []
  for (const row of rows) {
    lines.push(
      row.handWritten
        ? `${row.name}  (${row.path}, written by hand: 'remove' leaves it alone)`
        : `${row.name}  (${row.path})`
    )
    if (row.error) lines.push(`  unreadable YAML: ${row.error}`)
    for (const s of row.schedules) {
      lines.push(
        s.problem
          ? `  cron '${s.cron}': invalid, ${s.problem}`
          : `  cron '${s.cron}' ${s.timezone}: ${s.description}; next ${s.nextRun ? whenInZone(s.nextRun, s.timezone) : 'unknown'}`
      )
    }
    if (row.schedules.length === 0 && !row.error)
      lines.push(`  no schedule${row.dispatch ? ' (manual runs only)' : ''}`)
    for (const e of row.exports)
      lines.push(
        `  exports ${e.options ?? BY_EXPRESSION} of ${selection(e)}  [job ${e.job}, ${e.uses}]`
      )
  }
  stdout.write(`${lines.join('\n')}\n`)
  return 0
}

const BY_EXPRESSION = '(set by an expression)'

/** What a scheduled run of the step selects: its datastores, then its containers. */
export function selection(step: {
  datastore: string | null
  datastoreTags: string | null
  containers: string | null
  containerTags: string | null
}): string {
  const { datastore, datastoreTags: tags } = step
  const datastores =
    datastore === null || tags === null
      ? `datastore ${BY_EXPRESSION}`
      : datastore !== ''
        ? `datastore ${datastore}`
        : tags !== ''
          ? `every datastore tagged ${tags}`
          : 'no datastore (neither datastore nor datastore-tags is set)'
  const containers =
    step.containers === null || step.containerTags === null
      ? `, containers ${BY_EXPRESSION}`
      : step.containers !== ''
        ? `, containers ${step.containers}`
        : step.containerTags !== ''
          ? `, containers tagged ${step.containerTags}`
          : ''
  return `${datastores}${containers}`
}

function listSchedule(
  entry: ExportWorkflow['schedules'][number]
): ListedSchedule {
  const cron = entry.cron === undefined ? '' : yamlText(entry.cron)
  const timezone = typeof entry.timezone === 'string' ? entry.timezone : 'UTC'
  const problem = cronProblems(cron)[0] ?? null
  let nextRun: string | null = null
  if (!problem) {
    try {
      nextRun = nextRuns(cron, timezone, 1)[0]?.toISOString() ?? null
    } catch {
      // An unknown zone: `check` reports it; the list still shows the rest.
    }
  }
  return {
    cron,
    timezone,
    description: problem ? '' : (describeCron(cron) ?? cron),
    nextRun,
    problem
  }
}

import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'

/** One `on.schedule` entry, as written (not yet validated). */
export interface ScheduleEntry {
  cron: unknown
  timezone: unknown
}

/** A step that uses the export action. */
export interface ExportStep {
  job: string
  uses: string
  /** What a scheduled run passes for `datastore`; undefined when it cannot be told. */
  datastore: string | undefined
  /** Same for `options` (empty means the action's default, `all`). */
  options: string | undefined
  /** The `schedule-timezone` input as written ('' when absent). */
  scheduleTimezone: unknown
  /** Where the token comes from. */
  token: 'secret' | 'expression' | 'literal' | 'missing'
}

/** A workflow file that uses the export action. */
export interface ExportWorkflow {
  /** Path as given (directory joined with the file name). */
  path: string
  file: string
  /** The YAML could not be read; nothing else is filled in. */
  error?: string
  schedules: ScheduleEntry[]
  dispatch: boolean
  concurrency: boolean
  steps: ExportStep[]
}

type Mapping = Record<string, unknown>
const isMapping = (v: unknown): v is Mapping =>
  typeof v === 'object' && v !== null && !Array.isArray(v)
const EXPRESSION = /^\$\{\{[\s\S]*\}\}$/
/** `${{ inputs.x }}` or `${{ inputs.x || 'fallback' }}` (also github.event.inputs). */
const INPUT_EXPRESSION =
  /^\$\{\{\s*(?:github\.event\.)?inputs\.[\w-]+\s*(?:\|\|\s*'((?:[^']|'')*)'\s*)?\}\}$/

/** Whether a `uses:` value is this action (published or the repository's own `./`). */
export function usesExportAction(uses: unknown): uses is string {
  return (
    typeof uses === 'string' &&
    (uses.includes('qualytics-export-action') || /^\.\/?$/.test(uses.trim()))
  )
}

/**
 * Every workflow in `dir` that uses the export action, sorted by file name.
 * A file whose YAML does not parse is included (with `error`) when its text
 * mentions the action, so `check` can report it. A missing directory is an
 * empty list.
 */
export async function scanWorkflows(dir: string): Promise<ExportWorkflow[]> {
  let names: string[]
  try {
    names = (await readdir(dir)).filter(n => /\.ya?ml$/i.test(n)).sort()
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
  const { parse } = await import('yaml')
  const found: ExportWorkflow[] = []
  for (const file of names) {
    const path = join(dir, file)
    const text = await readFile(path, 'utf8')
    let doc: unknown
    try {
      doc = parse(text, { uniqueKeys: true })
    } catch (error) {
      if (/qualytics-export-action|uses:\s*\.\/?\s*$/m.test(text)) {
        const message = error instanceof Error ? error.message : String(error)
        found.push({ ...empty(path, file), error: message.split('\n')[0] })
      }
      continue
    }
    const workflow = readWorkflow(doc, path, file)
    if (workflow) found.push(workflow)
  }
  return found
}

function empty(path: string, file: string): ExportWorkflow {
  return {
    path,
    file,
    schedules: [],
    dispatch: false,
    concurrency: false,
    steps: []
  }
}

/** The parts of a parsed workflow the CLI cares about; null when it does not use the action. */
export function readWorkflow(
  doc: unknown,
  path: string,
  file: string
): ExportWorkflow | null {
  if (!isMapping(doc) || !isMapping(doc.jobs)) return null
  const steps: ExportStep[] = []
  for (const [job, body] of Object.entries(doc.jobs)) {
    if (!isMapping(body) || !Array.isArray(body.steps)) continue
    for (const step of body.steps as unknown[]) {
      if (!isMapping(step) || !usesExportAction(step.uses)) continue
      const given = isMapping(step.with) ? step.with : {}
      const env = [step.env, body.env, doc.env].find(
        e => isMapping(e) && e.QUALYTICS_TOKEN !== undefined
      ) as Mapping | undefined
      steps.push({
        job,
        uses: step.uses,
        datastore: scheduledValue(given.datastore),
        options: scheduledValue(given.options),
        scheduleTimezone: given['schedule-timezone'] ?? '',
        token: tokenSource(given.token ?? env?.QUALYTICS_TOKEN)
      })
    }
  }
  if (steps.length === 0) return null
  const on = doc.on
  const triggers = isMapping(on)
    ? Object.keys(on)
    : Array.isArray(on)
      ? on.map(String)
      : [String(on)]
  const schedule =
    isMapping(on) && Array.isArray(on.schedule) ? on.schedule : []
  return {
    path,
    file,
    schedules: (schedule as unknown[]).map(entry => ({
      cron: isMapping(entry) ? entry.cron : entry,
      timezone: isMapping(entry) ? entry.timezone : undefined
    })),
    dispatch: triggers.includes('workflow_dispatch'),
    concurrency: doc.concurrency !== undefined,
    steps
  }
}

/**
 * What a scheduled run passes for an input written as `value`. A scheduled
 * run has no dispatch inputs, so `${{ inputs.x }}` is empty there (the
 * dispatch default does not apply) and `${{ inputs.x || '42' }}` is `42`.
 * Undefined for any other expression (`${{ vars.X }}`): it cannot be told
 * from the file.
 */
export function scheduledValue(value: unknown): string | undefined {
  if (value === undefined || value === null) return ''
  if (typeof value !== 'string') return yamlText(value)
  const text = value.trim()
  const input = INPUT_EXPRESSION.exec(text)
  if (input) return (input[1] ?? '').replace(/''/g, "'").trim()
  return EXPRESSION.test(text) ? undefined : text
}

function tokenSource(value: unknown): ExportStep['token'] {
  if (value === undefined || value === null || value === '') return 'missing'
  // Text around an expression (`Bearer ${{ secrets.T }}`) is still no literal token.
  if (typeof value !== 'string' || !value.includes('${{')) return 'literal'
  return /\bsecrets\./.test(value) ? 'secret' : 'expression'
}

/** A YAML value as the text a user wrote (numbers stay numbers, not `[object Object]`). */
export function yamlText(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? '')
}

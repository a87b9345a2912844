import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'

/** One `on.schedule` entry, as written (not yet validated). */
interface ScheduleEntry {
  cron: unknown
  timezone: unknown
  /** 1-based line of the entry in the file, when known. */
  line?: number
}

/** A step that uses the export action. */
export interface ExportStep {
  job: string
  uses: string
  /** What a scheduled run passes for `datastore`; undefined when it cannot be told. */
  datastore: string | undefined
  /** Same for `options` (empty means the action's default, `all`). */
  options: string | undefined
  /** Same for `datastore-tags` (empty when not given). */
  datastoreTags: string | undefined
  /** Same for `containers` and `container-tags` (empty when not given). */
  containers: string | undefined
  containerTags: string | undefined
  /** The `schedule-timezone` input as written ('' when absent). */
  scheduleTimezone: unknown
  /** Where the token comes from. */
  token: 'secret' | 'expression' | 'literal' | 'missing'
  /** Where `heartbeat-url` comes from: a secret like the token. */
  heartbeat: ExportStep['token']
  /** Merges results files (`merge-results`): it calls no API and exports nothing. */
  merges: boolean
  /** 1-based line of the step in the file, when known. */
  line?: number
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
  /** 1-based line of the `on:` triggers (or of the YAML error), when known. */
  line?: number
}

/** The line where the node at a path of the document starts, if any. */
type LineOf = (path: ReadonlyArray<string | number>) => number | undefined

type Mapping = Record<string, unknown>
const isMapping = (v: unknown): v is Mapping =>
  typeof v === 'object' && v !== null && !Array.isArray(v)
const EXPRESSION = /^\$\{\{[\s\S]*\}\}$/
/** `${{ inputs.x }}` or `${{ inputs.x || 'fallback' }}` (also github.event.inputs). */
const INPUT_EXPRESSION =
  /^\$\{\{\s*(?:github\.event\.)?inputs\.[\w-]+\s*(?:\|\|\s*'((?:[^']|'')*)'\s*)?\}\}$/

/**
 * Whether a `uses:` value is this action (published or the repository's own
 * `./`). GitHub matches owner and repository without regard to case, so
 * `Qualytics/Qualytics-Export-Action@v1` is this action too.
 */
function usesExportAction(uses: unknown): uses is string {
  return (
    typeof uses === 'string' &&
    (/qualytics-export-action/i.test(uses) || /^\.\/?$/.test(uses.trim()))
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
  const { LineCounter, parseDocument } = await import('yaml')
  const found: ExportWorkflow[] = []
  for (const file of names) {
    const path = join(dir, file)
    const text = await readFile(path, 'utf8')
    const lines = new LineCounter()
    const document = parseDocument(text, {
      uniqueKeys: true,
      lineCounter: lines
    })
    const lineAt = (offset: number): number => lines.linePos(offset).line
    let doc: unknown
    let problem = document.errors[0]
    try {
      if (!problem) doc = document.toJS()
    } catch (error) {
      problem = error as typeof problem
    }
    if (problem) {
      if (/qualytics-export-action|uses:\s*\.\/?\s*$/im.test(text)) {
        const line = problem.pos ? lineAt(problem.pos[0]) : undefined
        found.push({
          ...empty(path, file),
          error: problem.message.split('\n')[0],
          line
        })
      }
      continue
    }
    const lineOf: LineOf = at => {
      const node = document.getIn(at, true) as { range?: number[] } | undefined
      const start = node?.range?.[0]
      return start === undefined ? undefined : lineAt(start)
    }
    const workflow = readWorkflow(doc, path, file, lineOf)
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
function readWorkflow(
  doc: unknown,
  path: string,
  file: string,
  lineOf: LineOf = () => undefined
): ExportWorkflow | null {
  if (!isMapping(doc) || !isMapping(doc.jobs)) return null
  const steps: ExportStep[] = []
  for (const [job, body] of Object.entries(doc.jobs)) {
    if (!isMapping(body) || !Array.isArray(body.steps)) continue
    for (const [index, step] of (body.steps as unknown[]).entries()) {
      if (!isMapping(step) || !usesExportAction(step.uses)) continue
      const given = isMapping(step.with) ? step.with : {}
      // The action reads QUALYTICS_TOKEN when `token` is empty; a literal in
      // any env level is in the file whichever one wins.
      const envTokens = [step.env, body.env, doc.env].map(e =>
        isMapping(e) ? e.QUALYTICS_TOKEN : undefined
      )
      const sources = [given.token, ...envTokens].map(tokenSource)
      const used = [given.token, ...envTokens].find(
        v => v !== undefined && v !== null && v !== ''
      )
      steps.push({
        job,
        uses: step.uses,
        datastore: scheduledValue(given.datastore),
        datastoreTags: scheduledValue(given['datastore-tags']),
        containers: scheduledValue(given.containers),
        containerTags: scheduledValue(given['container-tags']),
        options: scheduledValue(given.options),
        scheduleTimezone: given['schedule-timezone'] ?? '',
        token: sources.includes('literal') ? 'literal' : tokenSource(used),
        heartbeat: tokenSource(given['heartbeat-url']),
        merges: Boolean(given['merge-results']),
        line: lineOf(['jobs', job, 'steps', index])
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
    schedules: (schedule as unknown[]).map((entry, index) => ({
      cron: isMapping(entry) ? entry.cron : entry,
      timezone: isMapping(entry) ? entry.timezone : undefined,
      line: lineOf(['on', 'schedule', index])
    })),
    dispatch: triggers.includes('workflow_dispatch'),
    concurrency: doc.concurrency !== undefined,
    steps,
    line: lineOf(['on'])
  }
}

/**
 * What a scheduled run passes for an input written as `value`. A scheduled
 * run has no dispatch inputs, so `${{ inputs.x }}` is empty there (the
 * dispatch default does not apply) and `${{ inputs.x || '42' }}` is `42`.
 * Undefined for any other expression (`${{ vars.X }}`): it cannot be told
 * from the file.
 */
function scheduledValue(value: unknown): string | undefined {
  if (value === undefined || value === null) return ''
  if (typeof value !== 'string') return yamlText(value)
  const text = value.trim()
  const input = INPUT_EXPRESSION.exec(text)
  if (input) return (input[1] ?? '').replace(/''/g, "'").trim()
  return EXPRESSION.test(text) ? undefined : text
}

/** `${{ ... }}` in a value, with what is inside. */
const EXPRESSIONS = /\$\{\{([\s\S]*?)\}\}/g
/** A single-quoted string literal of an expression, and what comes before it. */
const STRING_LITERAL = /(\|\||&&|\[|,|\()?\s*'((?:[^']|'')*)'/g
/** Token-like text: long, no spaces, not a NAME_IN_CAPS (a secret's or variable's name). */
const TOKEN_LIKE = /^(?![A-Z0-9_]+$)[^\s{}]{16,}$/

/**
 * Where a token value comes from. Any text outside `${{ }}` is written in
 * the file (`'abc${{ github.sha }}'`), and so is a string literal inside one
 * that is a fallback (`secrets.X || 'abc'`) or looks like a token; a secret's
 * name in `secrets['X']` or a format string is not.
 */
export function tokenSource(value: unknown): ExportStep['token'] {
  if (value === undefined || value === null || value === '') return 'missing'
  if (typeof value !== 'string') return 'literal'
  const inner = [...value.matchAll(EXPRESSIONS)].map(m => m[1] ?? '')
  if (inner.length === 0 || value.replace(EXPRESSIONS, '').trim() !== '')
    return 'literal'
  for (const expression of inner)
    for (const [, before, text = ''] of expression.matchAll(STRING_LITERAL)) {
      const fallback = (before === '||' || before === '&&') && text !== ''
      if (fallback || (before !== '[' && TOKEN_LIKE.test(text)))
        return 'literal'
    }
  return inner.every(e => /\bsecrets\s*[.[]/i.test(e)) ? 'secret' : 'expression'
}

/** A YAML value as the text a user wrote (numbers stay numbers, not `[object Object]`). */
export function yamlText(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? '')
}

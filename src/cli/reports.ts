/**
 * The report files `run` writes for a CI system: the Markdown summary
 * (`--summary-file`), JUnit XML (`--junit-file`) and the outputs as dotenv
 * (`--dotenv-file`). All go through the terminal's writer (redacted, no
 * control sequences), on success, failure and a run that stopped early.
 */
import { renderJunit } from '../core/report/junit.js'
import { renderSummary, type SummaryInput } from '../core/report/summary.js'
import { safeSummaryInput } from '../core/report/summary.js'
import type { Flags } from './args.js'
import { stringFlag } from './args.js'
import type { Terminal } from './terminal.js'
import type { OperationRecord, Result } from '../core/types.js'

/** Where each report goes; absent ones are not written. */
export interface ReportFiles {
  summary?: string
  junit?: string
  dotenv?: string
}

/** The report flags `run` was given. */
export function reportFiles(flags: Flags): ReportFiles {
  const files: ReportFiles = {}
  const summary = stringFlag(flags, 'summary-file')
  const junit = stringFlag(flags, 'junit-file')
  const dotenv = stringFlag(flags, 'dotenv-file')
  if (summary) files.summary = summary
  if (junit) files.junit = junit
  if (dotenv) files.dotenv = dotenv
  return files
}

/** Write every report asked for, from the same facts as the summary. */
export async function writeReports(
  term: Terminal,
  files: ReportFiles,
  input: SummaryInput & { failOnWarning: boolean; startedAt: string }
): Promise<void> {
  const redact = term.safe.redact
  if (files.summary)
    await term.file(
      files.summary,
      renderSummary(safeSummaryInput(input, redact))
    )
  if (files.junit)
    await term.file(
      files.junit,
      renderJunit(
        {
          records: input.records,
          datastoreNames: input.datastoreNames,
          failOnWarning: input.failOnWarning,
          origin: input.origin,
          elapsedMs: input.elapsedMs,
          startedAt: input.startedAt,
          ...(input.problem === undefined ? {} : { problem: input.problem })
        },
        redact
      )
    )
  if (files.dotenv)
    await term.file(files.dotenv, renderDotenv(input.result, input.records))
}

/** Longest list value written. GitLab refuses a dotenv report above 5 KB. */
const DOTENV_LIST_CAP = 2000

/** The variables' prefix: each name is the output's, upper case, `_` for `-`. */
const DOTENV_PREFIX = 'QUALYTICS_EXPORT_'

/**
 * The id and result outputs as a dotenv file, for CI systems that pass
 * variables between jobs that way (GitLab's `artifacts:reports:dotenv`):
 * `QUALYTICS_EXPORT_RESULT`, `…_OPERATION_ID`, `…_OPERATION_IDS` and
 * `…_DATASTORES` (comma-separated, plan order). A list longer than
 * DOTENV_LIST_CAP is left out (the JSON and JUnit reports hold it all).
 * Every value is a result word, a number or a list of numbers: nothing the
 * server wrote reaches the file, so nothing needs escaping.
 */
export function renderDotenv(
  result: Result,
  records: readonly OperationRecord[]
): string {
  const ids = records.flatMap(r => (r.id === null ? [] : [r.id]))
  const datastores = [...new Set(records.map(r => r.datastoreId))]
  const values: Array<[string, string]> = [
    ['RESULT', result],
    ['OPERATION_ID', ids[0] === undefined ? '' : String(ids[0])],
    ['OPERATION_IDS', ids.join(',')],
    ['DATASTORES', datastores.join(',')]
  ]
  return values
    .filter(([, value]) => value.length <= DOTENV_LIST_CAP)
    .map(([name, value]) => `${DOTENV_PREFIX}${name}=${value}\n`)
    .join('')
}

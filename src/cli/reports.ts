/**
 * The report files `run` writes for a CI system: the Markdown summary
 * (`--summary-file`), JUnit XML (`--junit-file`) and the outputs as dotenv
 * (`--dotenv-file`). All go through the terminal's writer (redacted, no
 * control sequences), on success, failure and a run that stopped early.
 */
import { renderDotenv } from '../core/report/dotenv.js'
import { renderJunit } from '../core/report/junit.js'
import { renderSummary, type SummaryInput } from '../core/report/summary.js'
import { safeSummaryInput } from '../core/report/summary.js'
import type { Flags } from './args.js'
import { stringFlag } from './args.js'
import type { Terminal } from './terminal.js'

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

import { isFailing } from '../core/domain/results.js'
import { mergeResults } from '../core/fleet/merge.js'
import {
  badFileLines,
  describeMerge,
  mergedSummary
} from '../core/fleet/session.js'
import { operationsJson } from '../core/output/records.js'
import { describeChange, verdict } from '../core/report/verdict.js'
import { parseCommandLine, UsageError } from './args.js'
import { reportFiles, writeReports } from './reports.js'
import { REPORT } from './commands.js'
import { createTerminal } from './terminal.js'

/**
 * `report <files…>`: the action's `merge-results` from a terminal: one
 * verdict, the problems listed, a summary and JUnit file for the CI, and
 * the exit code one run of them all would have. Reads files only.
 */
export async function reportCommand(argv: string[]): Promise<number> {
  const { flags, operands } = parseCommandLine(REPORT, argv)
  if (operands.length === 0)
    throw new UsageError(
      "qualytics-export report: give the results files (or a quoted glob such as 'results/*.json')"
    )
  const term = createTerminal()
  const json = flags.json === true
  const out = json ? term.stderr : term.stdout
  const merged = await mergeResults(operands, process.cwd())
  for (const line of badFileLines(merged)) term.stderr.line(`Error: ${line}`)
  // Problems first, each on its own line; successes only counted.
  for (const record of merged.records.filter(r => r.result !== 'success'))
    out.line(describeChange(record, merged.datastoreNames))
  out.line(describeMerge(merged))
  out.line(verdict(merged.records, merged.result, null))
  if (json) term.json(operationsJson(merged.records, term.safe.redact))
  // The same report files as `run` writes (cli/reports.ts), from the merge.
  await writeReports(term, reportFiles(flags), {
    ...mergedSummary(merged),
    failOnWarning: flags['fail-on-warning'] === true,
    startedAt: new Date().toISOString()
  })
  return isFailing(merged.result, flags['fail-on-warning'] === true) ? 1 : 0
}

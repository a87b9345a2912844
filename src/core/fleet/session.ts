/**
 * What every run does at its end, whichever front end runs it (the action
 * or the command line): write the results file, then ping the heartbeat.
 * The front ends differ only in the writer they hand in.
 */
import type { ExportConfig } from '../config/config.js'
import type { Redactor } from '../output/redact.js'
import type { SummaryInput } from '../report/summary.js'
import { plural } from '../report/summary-text.js'
import { pingHeartbeat } from './heartbeat-ping.js'
import type { Merged } from './merge.js'
import { resultsFileText, type RunFacts } from './results-file.js'

/** The little a run's end needs from its front end's one way out. */
export interface EndWriter {
  readonly redact: Redactor
  info(text: string): void
  warning(text: string, title?: string): void
  /** Write a file (redacted on the way). */
  file(path: string, text: string): Promise<void>
}

/**
 * The run's end: the results file (also after a failure, a timeout or a
 * cancel, which is why the front ends call this from every way out), then
 * one heartbeat ping for a run that exported. Never throws: a file that
 * cannot be written and a ping that fails are warnings.
 */
export async function endRun(
  config: Pick<ExportConfig, 'resultsFile' | 'heartbeatUrl'>,
  facts: RunFacts,
  out: EndWriter,
  fetcher?: typeof fetch
): Promise<void> {
  if (config.resultsFile) {
    try {
      await out.file(config.resultsFile, resultsFileText(facts, out.redact))
      out.info(`Results written to ${config.resultsFile}.`)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? String(error)
      out.warning(
        `Could not write results-file ${config.resultsFile} (${code}); a merge of this run will name it missing.`,
        'Results file not written'
      )
    }
  }
  // A dry run and a run stopped before it exported say nothing to a monitor.
  if (config.heartbeatUrl && facts.result !== 'dry-run') {
    const problem = await pingHeartbeat(
      config.heartbeatUrl,
      facts.result,
      fetcher
    )
    if (problem)
      out.warning(
        `The heartbeat ping failed: ${problem}. The run's result stands; the monitor may report it missed.`,
        'Heartbeat not sent'
      )
    else
      out.info(
        `Heartbeat sent (${['success', 'warning', 'running'].includes(facts.result) ? 'ok' : 'fail'}).`
      )
  }
}

/** The merge in one sentence: how many files and exports, and which files failed. */
export function describeMerge(merged: Merged): string {
  const bad =
    merged.bad.length > 0
      ? `; ${plural(merged.bad.length, 'file')} could not be merged`
      : ''
  return `Merged ${plural(merged.files.length, 'results file')} with ${plural(merged.records.length, 'export')}${bad}.`
}

/** The job summary of a merge (advice added by the front end). */
export function mergedSummary(merged: Merged): SummaryInput {
  return {
    result: merged.result,
    records: merged.records,
    datastoreNames: merged.datastoreNames,
    schedule: null,
    elapsedMs: null,
    origin: merged.origin,
    merged: { sentence: describeMerge(merged), bad: merged.bad }
  }
}

/** One error line per file that could not be merged. */
export function badFileLines(merged: Merged): string[] {
  return merged.bad.map(
    b =>
      `Results file ${b.path} ${b.problem}: its exports are not in the merged result, which is at best failure.`
  )
}

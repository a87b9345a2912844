import * as core from '@actions/core'
import { formatDuration } from '../core/config/duration.js'
import { describeChange } from '../core/report/verdict.js'
import type { Redactor } from '../core/output/redact.js'
import { renderSummary, type SummaryInput } from '../core/report/summary.js'
import type {
  ExportConfig,
  OperationRecord,
  PlannedExport,
  Result
} from '../core/types.js'

/** Logging through one redaction: nothing reaches the log unfiltered. */
export interface ActionLog {
  info(message: string): void
  warning(message: string, title?: string): void
  error(message: string, title?: string): void
}

/** The action's log, every line redacted (setSecret covers only exact matches). */
export function createLog(redact: Redactor): ActionLog {
  return {
    info: m => core.info(redact(m)),
    warning: (m, title) => core.warning(redact(m), title ? { title } : {}),
    error: (m, title) => core.error(redact(m), title ? { title } : {})
  }
}

/** A log group per export with what was asked and what came back. */
export function logGroups(
  records: readonly OperationRecord[],
  plan: readonly PlannedExport[],
  names: ReadonlyMap<number, string>,
  log: ActionLog
): void {
  records.forEach((record, index) => {
    core.startGroup(describeChange(record, names))
    log.info(
      `Request: POST /api/operations/run ${JSON.stringify(plan[index]?.body ?? {})}`
    )
    log.info(`Operation id: ${record.id ?? 'none'}`)
    log.info(
      `Started: ${record.startTime ?? '–'}; ended: ${record.endTime ?? '–'}`
    )
    log.info(
      `Containers: ${record.totalContainers ?? '–'}; held in Qualytics at export time: ${record.count ?? '–'}`
    )
    if (record.message) log.info(`Message: ${record.message}`)
    core.endGroup()
  })
}

/** What to do next, for a run that ends with this result. */
export function adviceFor(
  result: Result,
  config: Pick<ExportConfig, 'timeoutMs' | 'failOnWarning'>
): string | undefined {
  switch (result) {
    case 'failure':
      return 'Read the message of each failed export, fix the cause in Qualytics (its Activity page shows the operation), then re-run this workflow.'
    case 'timeout':
      return `Raise the timeout input (now ${formatDuration(config.timeoutMs)}), or check in Qualytics Activity why the export runs so long.`
    case 'aborted':
      return 'The export was aborted in Qualytics; re-run this workflow when the cause is cleared.'
    case 'cancelled':
      return 'The workflow run was cancelled; re-run it when ready.'
    case 'warning':
      return config.failOnWarning
        ? 'Read the warning; set fail-on-warning: false to accept warnings.'
        : undefined
    default:
      return undefined
  }
}

/** Append the job summary (append, never overwrite: other steps write there too). */
export async function writeSummary(
  input: SummaryInput,
  redact: Redactor
): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return
  await core.summary.addRaw(redact(renderSummary(input))).write()
}

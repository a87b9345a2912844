import { formatDuration } from '../core/config/duration.js'
import { describeChange } from '../core/report/verdict.js'
import { safeNames as namesSafe, safeRecord } from '../core/output/records.js'
import type { SummaryInput } from '../core/report/summary.js'
import type { OperationRecord, PlannedExport, Result } from '../core/types.js'
import type { ExportConfig } from '../core/config/config.js'
import type { ActionWriter } from './writer.js'

/**
 * A log group per export with what was asked and what came back. The
 * title and every line are server text too: they go through the writer,
 * the message capped and, when it has several lines, inside
 * `::stop-commands::`.
 */
export function logGroups(
  records: readonly OperationRecord[],
  plan: readonly PlannedExport[],
  names: ReadonlyMap<number, string>,
  out: ActionWriter
): void {
  const safeNames = namesSafe(names, out.redact)
  records.forEach((raw, index) => {
    const record = safeRecord(raw, out.redact)
    out.group(describeChange(record, safeNames), () => {
      out.info(requestLine(record, plan[index]))
      out.info(`Operation id: ${record.id ?? 'none'}`)
      out.info(
        `Started: ${record.startTime ?? '–'}; ended: ${record.endTime ?? '–'}`
      )
      out.info(
        `Containers: ${record.totalContainers ?? '–'}; held in Qualytics at export time: ${record.count ?? '–'}`
      )
      if (record.message) {
        out.info('Message:')
        out.block(record.message)
      }
    })
  })
}

/**
 * What the run asked Qualytics for this row: the POST, or none for an
 * export it only followed (if-running: wait) or reused (skip-if-fresh).
 */
function requestLine(
  record: OperationRecord,
  planned: PlannedExport | undefined
): string {
  if (record.reused)
    return `Request: none; reused export ${record.id ?? '–'} (skip-if-fresh)`
  if (record.adopted)
    return `Request: none; followed export ${record.id ?? '–'}, already running in Qualytics (if-running: wait)`
  return `Request: POST /api/operations/run ${JSON.stringify(planned?.body ?? {})}`
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
  out: ActionWriter
): Promise<void> {
  await out.summary(input)
}

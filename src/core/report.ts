import { formatDuration } from './duration.js'
import { durationSeconds } from './results.js'
import type { ScheduleInfo } from './schedule.js'
import type { OperationRecord, Result } from './types.js'

/** Icons that read at a glance in the job summary and in a terminal. */
export const RESULT_ICON: Record<Result, string> = {
  success: '✅',
  warning: '⚠️',
  failure: '❌',
  aborted: '🛑',
  timeout: '⏱️',
  cancelled: '🚫',
  running: '⏳',
  'dry-run': '🔍'
}

/** Rows are listed worst first, so a failure is never below the fold. */
const ROW_ORDER: readonly Result[] = [
  'failure',
  'cancelled',
  'timeout',
  'aborted',
  'warning',
  'running',
  'dry-run',
  'success'
]

/** Everything the summary shows. */
export interface SummaryInput {
  result: Result
  records: readonly OperationRecord[]
  /** Datastore names from preflight, by id. */
  datastoreNames: ReadonlyMap<number, string>
  schedule: ScheduleInfo | null
  elapsedMs: number | null
  /** Host the exports ran on, shown for context. */
  origin: string
  /** What to do next, shown under a failing result. */
  advice?: string
}

/** Escape text for HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`)
}

/**
 * The job summary as HTML (GitHub renders HTML tables in step summaries):
 * outcome and schedule on top, then one row per export, failing rows first.
 */
export function renderSummary(input: SummaryInput): string {
  const { records, result } = input
  const datastores = new Set(records.map(r => r.datastoreId)).size
  const parts: string[] = []
  parts.push(`<h2>${RESULT_ICON[result]} Qualytics export: ${result}</h2>`)
  const facts = [
    `${records.length} export${records.length === 1 ? '' : 's'} of ${datastores} datastore${datastores === 1 ? '' : 's'}`,
    input.elapsedMs !== null ? `in ${formatDuration(input.elapsedMs)}` : null,
    `on <code>${escapeHtml(input.origin.replace(/^https?:\/\//, ''))}</code>`
  ].filter(Boolean)
  parts.push(`<p>${facts.join(' ')}</p>`)
  if (input.schedule) parts.push(scheduleLine(input.schedule))
  if (records.length > 5) parts.push(`<p>${tally(records)}</p>`)
  if (input.advice)
    parts.push(
      `<p><strong>What to do:</strong> ${escapeHtml(input.advice)}</p>`
    )
  parts.push(table(records, input.datastoreNames))
  if (records.some(r => r.count !== null)) {
    parts.push(
      '<p><sub>“Held” is how many anomalies or checks Qualytics held when the export started, not a count of rows written.</sub></p>'
    )
  }
  return parts.join('\n') + '\n'
}

function scheduleLine(schedule: ScheduleInfo): string {
  const words = schedule.description
    ? ` (${escapeHtml(schedule.description)}, ${escapeHtml(schedule.timezone)})`
    : ` (${escapeHtml(schedule.timezone)})`
  const next = schedule.nextRun
    ? ` · next run <strong>${escapeHtml(schedule.nextRun.replace('T', ' ').replace(/:\d\d\.\d+Z$/, ' UTC'))}</strong>`
    : ''
  return `<p>🗓️ Scheduled by <code>${escapeHtml(schedule.cron)}</code>${words}${next}</p>`
}

function tally(records: readonly OperationRecord[]): string {
  return ROW_ORDER.map(
    result => [result, records.filter(r => r.result === result).length] as const
  )
    .filter(([, n]) => n > 0)
    .map(([result, n]) => `${RESULT_ICON[result]} ${n} ${result}`)
    .join(' · ')
}

function table(
  records: readonly OperationRecord[],
  names: ReadonlyMap<number, string>
): string {
  const rows = [...records]
    .map((record, index) => ({ record, index }))
    .sort(
      (a, b) =>
        ROW_ORDER.indexOf(a.record.result) -
          ROW_ORDER.indexOf(b.record.result) || a.index - b.index
    )
    .map(({ record }) => {
      const seconds = durationSeconds(record)
      const name = names.get(record.datastoreId)
      const cells = [
        `${RESULT_ICON[record.result]} ${record.result}`,
        `${escapeHtml(name ?? '')} <code>${record.datastoreId}</code>`,
        record.assetType,
        record.id === null ? '–' : `<code>${record.id}</code>`,
        seconds === null ? '–' : formatDuration(seconds * 1000),
        record.totalContainers === null ? '–' : String(record.totalContainers),
        record.count === null ? '–' : String(record.count),
        escapeHtml(truncate(record.message ?? ''))
      ]
      return `<tr>${cells.map(c => `<td>${c}</td>`).join('')}</tr>`
    })
  const head = [
    'Result',
    'Datastore',
    'Asset type',
    'Operation',
    'Duration',
    'Containers',
    'Held',
    'Message'
  ]
  return `<table>\n<tr>${head.map(h => `<th>${h}</th>`).join('')}</tr>\n${rows.join('\n')}\n</table>`
}

function truncate(text: string): string {
  return text.length > 300 ? `${text.slice(0, 297)}...` : text
}

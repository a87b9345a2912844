/**
 * The exports table of the job summary. Few, narrow columns whose words do
 * not wrap; everything long (Qualytics' message, the action's own notes,
 * where the export landed) goes on a full-width line under its row, where
 * it wraps instead of pushing the table past the page.
 */
import { formatDuration } from '../config/duration.js'
import { operationUrl } from './links.js'
import { durationSeconds } from '../domain/results.js'
import { forSummary } from '../output/neutralise.js'
import type { ScheduleInfo } from '../schedule/next-run.js'
import {
  NAME_NOWRAP_MAX,
  plural,
  RESULT_ICON,
  splitMessage
} from './summary-text.js'
import { whenInZone } from '../schedule/zone-time.js'
import type { OperationRecord } from '../types.js'

/** How the count reads under a row, explained in a footnote. */
export const HELD = 'Held at export'

/** What the rows need of the summary's input. */
interface Context {
  datastoreNames: ReadonlyMap<number, string>
  origin: string
  schedule: ScheduleInfo | null
}

interface Column {
  head: string
  cell(record: OperationRecord, context: Context): string
  /** Shown only when some row has a value (no empty column). */
  optional?: (record: OperationRecord) => boolean
}

const COLUMNS: readonly Column[] = [
  {
    head: 'Result',
    // No break between icon and word: a wrapped icon reads as a separate cell.
    // A queued export (wait: false, or a partial summary) is still going,
    // but not yet running: the word says which.
    cell: r =>
      r.result === 'running' && r.queued
        ? `🕒&nbsp;queued`
        : `${RESULT_ICON[r.result]}&nbsp;${r.result}`
  },
  { head: 'Datastore', cell: (r, c) => datastoreCell(r.datastoreId, c) },
  { head: 'Asset', cell: r => r.assetType },
  {
    head: 'Operation',
    cell: (r, c) => operationCell(r, c.origin),
    optional: r => r.id !== null
  }
]

/** The exports as a table of the columns some of its rows fill. */
export function exportTable(
  records: readonly OperationRecord[],
  context: Context
): string {
  const columns = COLUMNS.filter(c => !c.optional || records.some(c.optional))
  const head = columns.map(c => `<th>${c.head}</th>`).join('')
  const rows = records.flatMap(r => {
    const row = `<tr>${columns.map(c => `<td>${c.cell(r, context)}</td>`).join('')}</tr>`
    const detail = detailLines(r, context)
    return detail.length === 0
      ? [row]
      : [
          row,
          `<tr><td colspan="${columns.length}">${detail.join('<br>')}</td></tr>`
        ]
  })
  return `<table>\n<tr>${head}</tr>\n${rows.join('\n')}\n</table>`
}

/** `Sales&nbsp;Warehouse <code>42</code>`: a short name never wraps. */
function datastoreCell(id: number, context: Context): string {
  const name = context.datastoreNames.get(id)
  if (!name) return `<code>${id}</code>`
  const text = escapeHtml(name)
  const shown =
    name.length <= NAME_NOWRAP_MAX ? text.replace(/ /g, '&nbsp;') : text
  // A plain space before the id: when the window is narrow the id moves
  // under the name, and the name itself stays whole.
  return `${shown} <code>${id}</code>`
}

/**
 * The id, linked to the operation in Qualytics when it has one, and how
 * long it took (in the same cell: a column of its own would push the
 * table past a narrow window).
 */
function operationCell(record: OperationRecord, origin: string): string {
  if (record.id === null) return '–'
  const code = `<code>${record.id}</code>`
  const url = operationUrl(origin, record.datastoreId, record.id)
  const link = url ? `<a href="${escapeHref(url)}">${code}</a>` : code
  const seconds = durationSeconds(record)
  if (seconds === null) return link
  return `${link}&nbsp;·&nbsp;${formatDuration(seconds * 1000).replace(/ /g, '&nbsp;')}`
}

/**
 * What goes under a row: a line of facts (the count, where the export
 * landed, how fresh the last good one is), the action's own findings, and
 * Qualytics' message, labelled as its own.
 */
function detailLines(record: OperationRecord, context: Context): string[] {
  const lines: string[] = []
  const facts = factsOf(record, context)
  if (facts.length > 0) lines.push(facts.join(' · '))
  for (const note of record.notes) lines.push(`ℹ️ ${escapeHtml(note)}`)
  // Last: a long message folds into a block, and nothing should follow it.
  if (record.message) lines.push(message(record.message))
  return lines
}

function factsOf(record: OperationRecord, context: Context): string[] {
  const facts: string[] = []
  if (record.count !== null) facts.push(`${record.count} held at export`)
  if (record.adopted)
    facts.push('followed an export already running in Qualytics')
  const table = record.table ? `<code>${escapeHtml(record.table)}</code>` : null
  if (record.verified === true)
    facts.push(`landed in ${table ?? 'its table'} ✅`)
  else if (record.verified === false)
    facts.push(
      `⚠️ ${table ?? 'the export table'} missing or not written by this export`
    )
  else if (table) facts.push(`table ${table} (not verified)`)
  const missed = record.missedRuns ?? 0
  if (missed > 0) facts.push(`⚠️ ${nowrap(plural(missed, 'missed run'))}`)
  // The last good snapshot matters when this one is not good (or runs were missed).
  if (record.lastSuccessAt && (record.result !== 'success' || missed > 0)) {
    const zone = context.schedule?.timezone ?? 'UTC'
    facts.push(
      `last good snapshot ${nowrap(whenInZone(record.lastSuccessAt, zone))}`
    )
  }
  return facts
}

/** Escaped, with spaces that do not break (a date read across two lines misleads). */
function nowrap(text: string): string {
  return escapeHtml(text).replace(/ /g, '&nbsp;')
}

/** A long message shows its start; the rest folds out beneath it. */
function message(text: string): string {
  const label = '<strong>Qualytics:</strong> '
  const { preview, rest } = splitMessage(text)
  if (rest === null) return label + escapeHtml(preview)
  return `<details><summary>${label}${escapeHtml(preview)}…</summary>…${escapeHtml(rest)}</details>`
}

/**
 * Escape one non-literal string for the summary: the way out's summary
 * neutraliser (HTML specials and Markdown punctuation as entities, no line
 * breaks, no control characters). Redaction happens before, on the input.
 */
export function escapeHtml(text: string): string {
  return forSummary(text)
}

/**
 * Escape a link the action built itself (our origin and numeric ids) for an
 * `href`: only the HTML specials, so the address stays as written.
 */
export function escapeHref(url: string): string {
  return url.replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`)
}

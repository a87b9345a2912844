import { formatDuration } from '../config/duration.js'
import { forSummary } from '../output/neutralise.js'
import { durationSeconds, WORST_FIRST } from './results.js'
import type { ScheduleInfo } from '../schedule/next-run.js'
import type { OperationRecord, Result } from '../types.js'

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

/** How the tally line counts each result ("28 succeeded"). */
const TALLY_WORDS: Record<Result, string> = {
  failure: 'failed',
  cancelled: 'cancelled',
  timeout: 'timed out',
  aborted: 'aborted',
  warning: 'with a warning',
  running: 'still running',
  'dry-run': 'planned',
  success: 'succeeded'
}

/** More rows than this: the successes fold into a <details> below the rest. */
export const FOLD_SUCCESSES_ABOVE = 10
/** Messages longer than this show their start, with the whole text folded. */
const MESSAGE_PREVIEW = 160
/** Nothing in a summary cell grows without bound (GitHub caps a summary at 1 MiB). */
const MESSAGE_MAX = 2000

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
  /** Why nothing ran (bad input, preflight): shown instead of the facts. */
  problem?: string
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
 * The job summary as HTML (GitHub renders HTML tables in step summaries):
 * outcome, schedule and a tally on top, then one row per export, failing
 * rows first. With many exports the successes fold away, so what needs
 * attention is what shows.
 */
export function renderSummary(input: SummaryInput): string {
  const { records, result } = input
  const parts: string[] = [
    `<h2>${RESULT_ICON[result]} Qualytics export: ${result}</h2>`
  ]
  if (input.schedule) parts.push(scheduleLine(input.schedule))
  parts.push(
    `<p>${input.problem ? escapeHtml(input.problem) : factsLine(input)}</p>`
  )
  // A tally only says something when results differ.
  if (new Set(records.map(r => r.result)).size > 1)
    parts.push(`<p>${tally(records)}</p>`)
  if (input.advice)
    parts.push(
      `<p><strong>What to do:</strong> ${escapeHtml(input.advice)}</p>`
    )
  const sorted = worstFirst(records)
  const fold = records.length > FOLD_SUCCESSES_ABOVE
  const shown = fold ? sorted.filter(r => r.result !== 'success') : sorted
  const folded = fold ? sorted.filter(r => r.result === 'success') : []
  if (shown.length > 0) parts.push(table(shown, input.datastoreNames))
  if (folded.length > 0) {
    parts.push(
      `<details><summary>${RESULT_ICON.success} ${folded.length} exports succeeded (show them)</summary>\n\n${table(folded, input.datastoreNames)}\n\n</details>`
    )
  }
  if (records.some(r => r.count !== null)) {
    parts.push(
      `<p><sub>${HELD}: how many anomalies or checks Qualytics held for the datastore (or the chosen containers) when the export ran; not a count of rows written. Field profiles have no count.</sub></p>`
    )
  }
  return parts.join('\n') + '\n'
}

function factsLine(input: SummaryInput): string {
  const { records } = input
  const datastores = new Set(records.map(r => r.datastoreId)).size
  const what = `${plural(records.length, 'export')} of ${plural(datastores, 'datastore')}`
  const where = `on <code>${escapeHtml(input.origin.replace(/^https?:\/\//, ''))}</code>`
  switch (input.result) {
    case 'dry-run':
      return `Dry run: ${what} planned ${where}. The token and the datastores were checked; nothing was triggered.`
    case 'running':
      return `${what} started ${where} and not waited for (<code>wait: false</code>); follow them in Qualytics.`
    default:
      return [
        what,
        input.elapsedMs !== null ? `in ${formatDuration(input.elapsedMs)}` : '',
        where
      ]
        .filter(Boolean)
        .join(' ')
  }
}

function scheduleLine(schedule: ScheduleInfo): string {
  const words = [schedule.description, schedule.timezone]
    .filter(Boolean)
    .map(w => escapeHtml(w as string))
    .join(', ')
  const next = schedule.nextRun
    ? ` · next run <strong>${escapeHtml(whenInZone(schedule.nextRun, schedule.timezone))}</strong>`
    : ''
  return `<p>🗓️ Scheduled by <code>${escapeHtml(schedule.cron)}</code> (${words})${next}</p>`
}

/**
 * `Thu 2026-11-26 06:17 Europe/Berlin (05:17 UTC)`: the schedule's own zone
 * first, since that is how the cron was written. Built from parts, not a
 * locale format, so it reads the same on every Node and ICU version.
 */
export function whenInZone(iso: string, timezone: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  const utcIso = date.toISOString()
  const utc = `${weekday(date)} ${utcIso.slice(0, 10)} ${utcIso.slice(11, 16)} UTC`
  const local = timezone === 'UTC' ? null : partsIn(date, timezone)
  if (!local) return utc
  const day = new Date(`${local.day}T00:00:00Z`)
  const utcDay = utcIso.startsWith(local.day) ? '' : `${weekday(date)} `
  return `${weekday(day)} ${local.day} ${local.time} ${timezone} (${utcDay}${utcIso.slice(11, 16)} UTC)`
}

function partsIn(
  date: Date,
  timeZone: string
): { day: string; time: string } | null {
  try {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23'
    }).formatToParts(date)
    const get = (type: string): string =>
      parts.find(p => p.type === type)?.value ?? ''
    return {
      day: `${get('year')}-${get('month')}-${get('day')}`,
      time: `${get('hour')}:${get('minute')}`
    }
  } catch {
    return null
  }
}

function weekday(date: Date): string {
  return ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][date.getUTCDay()]!
}

function tally(records: readonly OperationRecord[]): string {
  return WORST_FIRST.map(
    result => [result, records.filter(r => r.result === result).length] as const
  )
    .filter(([, n]) => n > 0)
    .map(([result, n]) => `${RESULT_ICON[result]} ${n} ${TALLY_WORDS[result]}`)
    .join(' · ')
}

function worstFirst(records: readonly OperationRecord[]): OperationRecord[] {
  return records
    .map((record, index) => ({ record, index }))
    .sort(
      (a, b) =>
        WORST_FIRST.indexOf(a.record.result) -
          WORST_FIRST.indexOf(b.record.result) || a.index - b.index
    )
    .map(({ record }) => record)
}

const HELD = 'Held at export'

interface Column {
  head: string
  cell(record: OperationRecord, names: ReadonlyMap<number, string>): string
  /** Shown only when some row has a value (no empty Message column). */
  optional?: (record: OperationRecord) => boolean
}

const COLUMNS: readonly Column[] = [
  {
    head: 'Result',
    // No break between icon and word: a wrapped icon reads as a separate cell.
    cell: r => `${RESULT_ICON[r.result]}&nbsp;${r.result}`
  },
  {
    head: 'Datastore',
    cell: (r, names) => {
      const name = names.get(r.datastoreId)
      return `${name ? `${escapeHtml(name)}&nbsp;` : ''}<code>${r.datastoreId}</code>`
    }
  },
  { head: 'Asset', cell: r => r.assetType },
  {
    head: 'Operation',
    cell: r => (r.id === null ? '–' : `<code>${r.id}</code>`),
    optional: r => r.id !== null
  },
  {
    head: 'Duration',
    cell: r => {
      const seconds = durationSeconds(r)
      return seconds === null ? '–' : formatDuration(seconds * 1000)
    },
    optional: r => durationSeconds(r) !== null
  },
  {
    head: 'Containers',
    cell: r => (r.totalContainers === null ? '–' : String(r.totalContainers)),
    optional: r => r.totalContainers !== null
  },
  {
    head: HELD,
    cell: r => (r.count === null ? '–' : String(r.count)),
    optional: r => r.count !== null
  },
  {
    head: 'Message',
    cell: r => message(r.message ?? ''),
    optional: r => Boolean(r.message)
  }
]

/** A table of the columns some of its rows fill. */
function table(
  records: readonly OperationRecord[],
  names: ReadonlyMap<number, string>
): string {
  const columns = COLUMNS.filter(c => !c.optional || records.some(c.optional))
  const head = columns.map(c => `<th>${c.head}</th>`).join('')
  const rows = records.map(
    r => `<tr>${columns.map(c => `<td>${c.cell(r, names)}</td>`).join('')}</tr>`
  )
  return `<table>\n<tr>${head}</tr>\n${rows.join('\n')}\n</table>`
}

/**
 * A long message shows its start; the rest folds out beneath it. The cut
 * falls only on white space: a token echoed in the message is never split
 * in two (the redaction that follows must see it whole).
 */
function message(text: string): string {
  const end = spaceBefore(text, MESSAGE_MAX) || MESSAGE_MAX
  const full = text.length > MESSAGE_MAX ? `${text.slice(0, end)}…` : text
  const cut = spaceBefore(full, MESSAGE_PREVIEW)
  if (full.length <= MESSAGE_PREVIEW || cut === 0) return escapeHtml(full)
  return `<details><summary>${escapeHtml(full.slice(0, cut))}…</summary>…${escapeHtml(full.slice(cut + 1))}</details>`
}

/** The last space before `limit` in its second half, or 0 when there is none. */
function spaceBefore(text: string, limit: number): number {
  const at = text.lastIndexOf(' ', limit)
  return at > limit / 2 ? at : 0
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

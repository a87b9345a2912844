import { formatDuration } from '../config/duration.js'
import { cap, MESSAGE_CAP, window } from '../output/cap.js'
import { capField, NAME_CAP, safeNames, safeRecord } from '../output/records.js'
import type { Redactor } from '../output/redact.js'
import type { DatastoreCheck } from '../errors.js'
import { appUrl } from './links.js'
import { durationSeconds, WORST_FIRST } from '../domain/results.js'
import { escapeHref, escapeHtml, exportTable, HELD } from './summary-rows.js'
import { plural, RESULT_ICON } from './summary-text.js'
import { whenInZone } from '../schedule/zone-time.js'
import type { ScheduleInfo } from '../schedule/next-run.js'
import type { AssetType, OperationRecord, Result } from '../types.js'

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

/** What a run stopped by preflight had planned, and how far the checks got. */
interface PreflightSummary {
  plan: readonly { datastoreId: number; assetType: AssetType }[]
  checked: readonly DatastoreCheck[]
}

/** Everything the summary shows. */
export interface SummaryInput {
  result: Result
  records: readonly OperationRecord[]
  /** Datastore names from preflight, by id. */
  datastoreNames: ReadonlyMap<number, string>
  schedule: ScheduleInfo | null
  elapsedMs: number | null
  /** The configured Qualytics origin: shown, and the base of every link. */
  origin: string
  /** What to do next, shown under a failing result. */
  advice?: string
  /** Why nothing ran (bad input, preflight): shown instead of the facts. */
  problem?: string
  /** With `problem` from preflight: the plan and each datastore's check. */
  preflight?: PreflightSummary
  /** `merge-results`: what was merged, and the files that could not be. */
  merged?: {
    sentence: string
    bad: readonly { path: string; problem: string }[]
  }
}

/**
 * The job summary as one HTML block (GitHub renders HTML in step summaries;
 * no blank line inside, so no Markdown comes alive in it): outcome,
 * schedule and a tally on top, then the exports, failing ones first, each
 * message on a full-width line under its row, so the one thing a failed run
 * must show is in view in a narrow window beside the jobs sidebar. With
 * many exports the successes fold away.
 */
export function renderSummary(input: SummaryInput): string {
  const { records, result } = input
  const parts: string[] = [
    `<h2>${RESULT_ICON[result]} Qualytics export: ${result}</h2>`
  ]
  if (input.schedule) parts.push(scheduleLine(input.schedule))
  if (input.merged) parts.push(mergedSection(input.merged))
  else
    parts.push(
      `<p>${input.problem ? escapeHtml(input.problem) : factsLine(input)}</p>`
    )
  // A tally only says something when results differ (a fleet always counts).
  if (
    new Set(records.map(r => r.result)).size > 1 ||
    (input.merged && records.length > 0)
  )
    parts.push(`<p>${tally(records)}</p>`)
  if (input.advice)
    parts.push(
      `<p><strong>What to do:</strong> ${escapeHtml(input.advice)}</p>`
    )
  if (input.preflight) parts.push(planSection(input, input.preflight))
  const sorted = worstFirst(records)
  const fold = records.length > FOLD_SUCCESSES_ABOVE
  const shown = fold ? sorted.filter(r => r.result !== 'success') : sorted
  const folded = fold ? sorted.filter(r => r.result === 'success') : []
  if (shown.length > 0) parts.push(exportTable(shown, input))
  if (folded.length > 0) {
    parts.push(
      `<details><summary>${RESULT_ICON.success} ${folded.length} exports succeeded (show them)</summary>\n${exportTable(folded, input)}\n</details>`
    )
  }
  if (records.some(r => r.count !== null)) {
    parts.push(
      `<p><sub>${HELD}: how many anomalies or checks Qualytics held for the datastore (or the chosen containers) when the export ran; not a count of rows written. Field profiles have no count.</sub></p>`
    )
  }
  return parts.join('\n') + '\n' + durationCharts(records)
}

/** Charts shown at most: a fleet's summary stays readable and small. */
const MAX_CHARTS = 10

/**
 * How each chart is drawn, as Mermaid front matter: lower than Mermaid's
 * 700 by 500 so a chart fits a laptop's window; bars in a blue that reads
 * on GitHub's light and dark pages alike (Mermaid's light theme draws them
 * nearly white), on the page's own background.
 */
const CHART_CONFIG = [
  '---',
  'config:',
  '  xyChart:',
  '    height: 300',
  '  themeVariables:',
  '    xyChart:',
  '      plotColorPalette: "#2f81f7"',
  '      backgroundColor: transparent',
  '---'
]

/** Longer than this (seconds), a chart counts in minutes. */
const MINUTES_FROM = 180

/**
 * The top of a chart's axis: a round number at or above the longest bar.
 * The axis starts at 0, so bar heights compare as durations do (Mermaid's
 * own range starts at the shortest bar, which makes noise look like a
 * slowdown).
 */
function axisTop(value: number): number {
  if (!(value > 0)) return 1
  const power = 10 ** Math.floor(Math.log10(value))
  const step = [1, 2, 2.5, 5, 10].find(m => m * power >= value) ?? 10
  return step * power
}

/**
 * Earlier exports' durations beside this one's, as Mermaid bar charts in a
 * fold, for each export whose history holds three or more earlier
 * successes: a slowdown shows before anyone reads numbers. Outside the
 * HTML block (Mermaid needs a Markdown fence); titles hold only our own
 * words and numbers, never server text.
 */
function durationCharts(records: readonly OperationRecord[]): string {
  const charts = records
    .map(r => ({ r, now: durationSeconds(r) }))
    .filter(
      ({ r, now }) =>
        now !== null && !r.reused && (r.earlierSeconds?.length ?? 0) >= 3
    )
    .slice(0, MAX_CHARTS)
    .map(({ r, now }) => {
      const earlier = r.earlierSeconds ?? []
      const seconds = [...earlier, now as number]
      const unit = Math.max(...seconds) > MINUTES_FROM ? 'minutes' : 'seconds'
      const bars = seconds.map(s =>
        unit === 'minutes' ? Math.round(s / 6) / 10 : s
      )
      const labels = [
        ...earlier.map((_, i) => `"-${earlier.length - i}"`),
        '"this"'
      ]
      return [
        '```mermaid',
        ...CHART_CONFIG,
        'xychart-beta',
        `  title "${r.assetType} of datastore ${r.datastoreId}"`,
        `  x-axis "earlier exports, oldest first, then this one" [${labels.join(', ')}]`,
        `  y-axis "${unit}" 0 --> ${axisTop(Math.max(...bars))}`,
        `  bar [${bars.join(', ')}]`,
        '```'
      ].join('\n')
    })
  if (charts.length === 0) return ''
  return `\n<details><summary>📈 Durations against earlier exports</summary>\n\n${charts.join('\n\n')}\n\n</details>\n`
}

/** `on acme.qualytics.io`, linked to the app when the origin allows. */
function hostLink(origin: string): string {
  const host = `<code>${escapeHtml(origin.replace(/^https?:\/\//, ''))}</code>`
  const url = appUrl(origin)
  return url ? `<a href="${escapeHref(url)}">${host}</a>` : host
}

function factsLine(input: SummaryInput): string {
  const { records } = input
  const datastores = new Set(records.map(r => r.datastoreId)).size
  const what = `${plural(records.length, 'export')} of ${plural(datastores, 'datastore')}`
  const where = `on ${hostLink(input.origin)}`
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

/** What a merge read: its sentence, then each file it could not merge. */
function mergedSection(merged: NonNullable<SummaryInput['merged']>): string {
  const bad = merged.bad.map(
    b =>
      `<li>${RESULT_ICON.failure} <code>${escapeHtml(b.path)}</code> ${escapeHtml(b.problem)}</li>`
  )
  return [
    `<p>🧩 ${escapeHtml(merged.sentence)}</p>`,
    ...(bad.length > 0 ? ['<ul>', ...bad, '</ul>'] : [])
  ].join('\n')
}

function scheduleLine(schedule: ScheduleInfo): string {
  // GitHub's words start a sentence ("Runs at 06:17"); here they sit in brackets.
  const said = schedule.description
  const words = [
    said && said[0]!.toLowerCase() + said.slice(1),
    schedule.timezone
  ]
    .filter(Boolean)
    .map(w => escapeHtml(w as string))
    .join(', ')
  const next = schedule.nextRun
    ? ` · next run <strong>${escapeHtml(whenInZone(schedule.nextRun, schedule.timezone))}</strong>`
    : ''
  const late =
    schedule.scheduledAt && schedule.lateSeconds != null
      ? ` · slot <strong>${escapeHtml(whenInZone(schedule.scheduledAt, schedule.timezone))}</strong>, started ${schedule.lateSeconds < 60 ? 'on time' : `<strong>${escapeHtml(formatDuration(schedule.lateSeconds * 1000))} late</strong>`}`
      : ''
  return `<p>🗓️ Scheduled by <code>${escapeHtml(schedule.cron)}</code> (${words})${next}${late}</p>`
}

const CHECK_WORDS: Record<DatastoreCheck['outcome'], string> = {
  passed: '✅&nbsp;ready',
  unlinked: '❌&nbsp;no&nbsp;enrichment',
  failed: '❌&nbsp;failed',
  unchecked: '➖&nbsp;not&nbsp;checked'
}

/**
 * A run that preflight stopped: what would have been exported, and which
 * datastores passed, so a fix for one datastore is not a guess about the
 * others.
 */
function planSection(input: SummaryInput, pre: PreflightSummary): string {
  const ids = [...new Set(pre.plan.map(p => p.datastoreId))]
  const rows = ids.map(id => {
    const check = pre.checked.find(c => c.id === id)
    const outcome = check?.outcome ?? 'unchecked'
    const name = check?.name ?? input.datastoreNames.get(id)
    const where =
      outcome === 'passed' && check?.enrichment
        ? ` → ${escapeHtml(check.enrichment)}`
        : ''
    const assets = pre.plan
      .filter(p => p.datastoreId === id)
      .map(p => p.assetType)
      .join(', ')
    return `<tr><td>${name ? `${escapeHtml(name)} ` : ''}<code>${id}</code></td><td>${CHECK_WORDS[outcome]}${where}</td><td>${assets}</td></tr>`
  })
  return [
    `<p>Nothing was triggered. The plan (${plural(pre.plan.length, 'export')} on ${hostLink(input.origin)}), and what the checks found:</p>`,
    '<table>',
    '<tr><th>Datastore</th><th>Check</th><th>Planned</th></tr>',
    ...rows,
    '</table>'
  ].join('\n')
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

/** Summary input with every server string redacted and capped, before rendering. */
export function safeSummaryInput(
  input: SummaryInput,
  redact: Redactor
): SummaryInput {
  const text = (t: string | undefined): string | undefined =>
    t === undefined
      ? undefined
      : cap(redact(window(t, MESSAGE_CAP)), MESSAGE_CAP)
  return {
    ...input,
    records: input.records.map(r => safeRecord(r, redact)),
    datastoreNames: safeNames(input.datastoreNames, redact),
    origin: redact(input.origin),
    problem: text(input.problem),
    advice: text(input.advice),
    merged: input.merged && {
      sentence: text(input.merged.sentence) ?? '',
      bad: input.merged.bad.map(b => ({
        path: capField(b.path, redact, NAME_CAP) ?? '',
        problem: text(b.problem) ?? ''
      }))
    },
    // Preflight's datastore and enrichment names are server text too.
    preflight: input.preflight && {
      plan: input.preflight.plan,
      checked: input.preflight.checked.map(c => ({
        ...c,
        name: capField(c.name, redact, NAME_CAP),
        enrichment: capField(c.enrichment, redact, NAME_CAP)
      }))
    }
  }
}

/**
 * Pure helpers of the benchmark: statistics, verdicts and the result table.
 * Nothing here measures anything, so it is unit-tested without timing.
 */

/** PASS/MISS against a target; INFO has no target; SKIP was not measured. */
export type Verdict = 'PASS' | 'MISS' | 'INFO' | 'SKIP'

/** One line of the result table. */
export interface Row {
  /** Group heading, e.g. 'Cold start'. */
  section: string
  measure: string
  result: string
  /** '' when the figure has no target. */
  target: string
  verdict: Verdict
}

/** Median of a non-empty list (the mean of the middle two for even lengths). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median of an empty list')
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  const upper = sorted[mid] as number
  return sorted.length % 2 === 1
    ? upper
    : ((sorted[mid - 1] as number) + upper) / 2
}

/** a / b; NaN when b is not a positive number (a ratio to nothing means nothing). */
export function ratio(a: number, b: number): number {
  return b > 0 && Number.isFinite(b) ? a / b : Number.NaN
}

/** PASS when `value` is at most `limit`; a value that is not a number misses. */
export function verdict(value: number, limit: number): Verdict {
  return Number.isFinite(value) && value <= limit ? 'PASS' : 'MISS'
}

/** Milliseconds for people: '850 ms', '1.25 s', '2 min 03 s'. */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return 'n/a'
  const sign = ms < 0 ? '-' : ''
  const abs = Math.abs(ms)
  if (abs < 1000) return `${sign}${Math.round(abs)} ms`
  if (abs < 120_000) return `${sign}${(abs / 1000).toFixed(2)} s`
  const seconds = Math.round(abs / 1000)
  const rest = String(seconds % 60).padStart(2, '0')
  return `${sign}${Math.floor(seconds / 60)} min ${rest} s`
}

/** A round length for labels: '30 s', '2 min', '1 h 30 min'. */
export function formatSpan(ms: number): string {
  const s = Math.round(ms / 1000)
  if (s < 120) return `${s} s`
  const min = Math.round(s / 60)
  if (min < 120) return `${min} min`
  const rest = min % 60
  return `${Math.floor(min / 60)} h${rest ? ` ${rest} min` : ''}`
}

/** A ratio as '1.93x' ('n/a' when it is not a number). */
export function formatRatio(r: number): string {
  return Number.isFinite(r) ? `${r.toFixed(2)}x` : 'n/a'
}

/** Bytes in decimal kilobytes or megabytes, as npm and ncc print them. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`
  return `${(bytes / 1_000_000).toFixed(2)} MB`
}

/** Escape what would break a markdown table cell. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ')
}

/** The rows as a markdown table, grouped by section in first-seen order. */
export function renderMarkdown(rows: readonly Row[]): string {
  const lines = [
    '| Measure | Result | Target | Verdict |',
    '| --- | --- | --- | --- |'
  ]
  for (const section of sectionsOf(rows)) {
    lines.push(`| **${cell(section)}** | | | |`)
    for (const r of rows.filter(r => r.section === section))
      lines.push(
        `| ${cell(r.measure)} | ${cell(r.result)} | ${cell(r.target || '–')} | ${r.verdict} |`
      )
  }
  return lines.join('\n')
}

/** The rows as aligned plain text for the terminal. */
export function renderText(rows: readonly Row[]): string {
  const header = ['Measure', 'Result', 'Target', 'Verdict']
  const body = rows.map(r => [r.measure, r.result, r.target || '–', r.verdict])
  const widths = header.map((h, i) =>
    Math.max(h.length, ...body.map(b => (b[i] ?? '').length))
  )
  const line = (cols: readonly string[]): string =>
    cols
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd()
  const out = [line(header)]
  for (const section of sectionsOf(rows)) {
    out.push('', section)
    for (const [i, r] of rows.entries())
      if (r.section === section) out.push(line(body[i] ?? []))
  }
  return out.join('\n')
}

function sectionsOf(rows: readonly Row[]): string[] {
  return [...new Set(rows.map(r => r.section))]
}

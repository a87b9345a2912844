/**
 * What `npm run demo` shows instead of raw machinery: the action's log as
 * GitHub displays it (workflow commands turned into what a reader sees,
 * `::add-mask::` lines gone), and the job summary as plain text.
 */

/**
 * A log viewer with GitHub's defaults: a group shows as its title, folded
 * (its lines hidden until opened), and everything else line by line.
 */
export function createLogView(): (line: string) => string | null {
  let inGroup = false
  // A result line is shown once: the run's closing groups and annotations
  // repeat the lines already shown as each export ended.
  const results = new Set<string>()
  return line => {
    if (line.startsWith('::group::')) inGroup = true
    else if (line.startsWith('::endgroup::')) {
      inGroup = false
      return null
    } else if (inGroup) return null
    const shown = logLine(line)
    if (shown === null) return null
    const result = RESULT_LINE.exec(shown)?.[1]
    if (result === undefined) return shown
    if (results.has(result)) return null
    results.add(result)
    return shown
  }
}

/** A line about one export's result (`✅ Export 1001 · …`), behind any prefix. */
const RESULT_LINE = /(?:^|: |▸ )(\S+ Export \d+ · .*)$/u

/** One line of the action's stdout as GitHub's log viewer shows it, or null. */
export function logLine(line: string): string | null {
  // GitHub hides these: the masked value never reaches the page.
  if (/^::(add-mask|debug|endgroup|save-state|set-output)::/.test(line))
    return null
  if (line.startsWith('::stop-commands::')) return null
  const group = /^::group::(.*)$/.exec(line)
  if (group) return `▸ ${group[1] ?? ''}`
  const note = /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/.exec(line)
  if (note) {
    const [, level, props, text] = note
    const title = /(?:^|,)title=([^,]*)/.exec(props ?? '')?.[1]
    const word = level!.charAt(0).toUpperCase() + level!.slice(1)
    return `${word}${title ? ` (${decodeProperty(title)})` : ''}: ${decodeData(text ?? '')}`
  }
  return line
}

/** GitHub's escapes in a command's message. */
function decodeData(text: string): string {
  return text.replace(/%0D/gi, '').replace(/%0A/gi, '\n  ').replace(/%25/g, '%')
}

/** GitHub's escapes in a command's property. */
function decodeProperty(text: string): string {
  return decodeData(text).replace(/%3A/gi, ':').replace(/%2C/gi, ',')
}

/**
 * The summary HTML as text a terminal can show: a line per paragraph and
 * per table row, cells apart by " | ", tags gone, entities decoded.
 */
export function summaryAsText(html: string): string {
  return html
    .replace(/<\/(p|h\d|tr|summary|details|table)>/g, '\n')
    .replace(/<br>/g, '\n    ')
    .replace(/<\/t[dh]><t[dh][^>]*>/g, ' | ')
    .replace(/<tr><td colspan="\d+">/g, '    ')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&#(\d+);/g, (_, code: string) =>
      String.fromCharCode(Number(code))
    )
    .replace(/\n{2,}/g, '\n')
    .trim()
}

/**
 * Neutralising per destination: what makes a text (already redacted) safe
 * for the place it is written to. Server text is data, never commands: it
 * must not start a workflow command, break out of its line, turn into a
 * link or image in the job summary, or reach a terminal as a control
 * sequence. Each function here is pure and runs on every line, so each is
 * one or two regular-expression passes.
 */

/** Every kind of line break a log, a terminal or Markdown may honour. */
const BREAK = /\r\n|[\n\r\v\f\u0085\u2028\u2029]/g

const BREAK_SHOWN: Record<string, string> = {
  '\r\n': '\\n',
  '\n': '\\n',
  '\r': '\\r',
  '\v': '\\v',
  '\f': '\\f',
  '\u0085': '\\u0085',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029'
}

/**
 * Terminal control sequences, 7-bit and 8-bit: CSI (`ESC [` … final byte;
 * redraws and recolours lines), OSC, DCS, SOS, PM and APC strings (OSC 52
 * writes the clipboard, OSC 8 makes links) up to BEL or ST, and any other
 * two-byte escape. An unterminated string swallows the rest of the text:
 * nothing after it can be trusted to be printable.
 */
const SEQUENCE =
  // eslint-disable-next-line no-control-regex
  /\x1b\[[0-?]*[ -/]*[@-~]?|\x1b[\]PX^_][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?|\x1b[ -/]*[0-~]?|\x9b[0-?]*[ -/]*[@-~]?|[\x90\x98\x9d\x9e\x9f][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?/g

/**
 * C0 and C1 controls other than tab and the line breaks (handled apart),
 * DEL, and the bidirectional overrides that make a terminal or a browser
 * show text in another order than it is read ("Trojan Source").
 */
const CONTROL =
  // eslint-disable-next-line no-control-regex
  /[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g

/** Remove control sequences and control characters, keeping tabs and line breaks. */
function stripControls(text: string): string {
  return text.replace(SEQUENCE, '').replace(CONTROL, '')
}

/** One line: every line break shown as its escape (`\n`), never obeyed. */
function oneLine(text: string): string {
  return text.replace(BREAK, b => BREAK_SHOWN[b] ?? ' ')
}

/**
 * For the Actions log, an annotation or a group title: one line, no control
 * characters, and no workflow command anywhere in it. The runner reads
 * `::name::` at the start of a line (after white space) and the legacy
 * `##[name]` anywhere in a line; a zero-width space between the two
 * characters breaks both without changing what a reader sees.
 */
export function forLog(text: string): string {
  return breakCommands(oneLine(stripControls(text)))
}

/** Break `::` and `##[` so neither can open a workflow command. */
function breakCommands(text: string): string {
  return text.replace(/::/g, ':\u200b:').replace(/##\[/g, '#\u200b#[')
}

/** For one terminal line: no control sequences, no line breaks. */
export function forTerminalLine(text: string): string {
  return oneLine(stripControls(text))
}

/**
 * For a block of plain local text on a terminal (help, a workflow file,
 * a listing): line breaks kept, but normalised to `\n`, and no control
 * sequences.
 */
export function forTerminalBlock(text: string): string {
  return stripControls(text).replace(BREAK, '\n')
}

/**
 * Characters the job summary writes as numeric entities: the HTML
 * specials, and the Markdown punctuation that could start emphasis, code,
 * a link (`[x](…)`), an image (`![](…)`), a heading or a table cell
 * should the text ever land outside the HTML block.
 */
const SUMMARY_SPECIAL = /[&<>"'`*_[\]!#|~\\]/g

/**
 * For the job summary (HTML in Markdown): escaped as entities, and without
 * a single line break, since a blank line ends the HTML block and what
 * follows would render as Markdown. Breaks become `<br>`.
 */
export function forSummary(text: string): string {
  return stripControls(text)
    .replace(SUMMARY_SPECIAL, c => `&#${c.charCodeAt(0)};`)
    .replace(BREAK, '<br>')
}

/**
 * JSON text with the characters that JSON.stringify leaves as they are but
 * a terminal or a JavaScript parser may act on (DEL, C1 controls, U+2028,
 * U+2029) written as `\u` escapes: still the same JSON value.
 */
export function safeJson(json: string): string {
  return json.replace(
    /[\x7f-\x9f\u2028\u2029]/g,
    c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`
  )
}

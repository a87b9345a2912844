/**
 * GitHub's verdict on an `on.schedule` cron expression, and our reasons.
 * The verdict is GitHub's own: `isValidCron` from @actions/workflow-parser,
 * the module its workflow editor and linter use. When it refuses, the
 * explainer below says which field is wrong and why in words a person can
 * act on (its parser says only yes or no). When it accepts, two things it
 * does not check are checked here: that the schedule fires at all (30
 * February), and that two runs never come closer than the 5 minutes GitHub
 * honours (its own check reads the minute field alone). Then, for a cron
 * that passed, when it fires. Used by the command line, before a workflow
 * is written or trusted, and to show and compare schedules. Pure.
 */
import { isValidCron } from '@actions/workflow-parser/model/converter/cron'
import { CronExpressionParser } from 'cron-parser'

/** GitHub runs a schedule at most once every 5 minutes. */
const MIN_INTERVAL_MINUTES = 5

interface Field {
  name: string
  min: number
  max: number
  names?: Readonly<Record<string, number>>
}

const MONTHS = {
  ...{ jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6 },
  ...{ jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 }
}
const DAYS = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 }
const FIELDS: readonly Field[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day-of-month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: MONTHS },
  { name: 'day-of-week', min: 0, max: 6, names: DAYS }
]
/** What each macro means, so the refusal can say what to write instead. */
const MACROS: Readonly<Record<string, string>> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *'
}
/** Any fixed instant works: the field sets, not the date, decide the gaps. */
const REFERENCE = new Date('2025-01-01T00:00:00Z')
/** Four years hold every calendar pattern a 5-field cron can express (Feb 29). */
const DAY_WINDOW = 4 * 366

/** Errors and advice for one cron expression. */
export interface CronCheck {
  /** Why GitHub would refuse it or never run it; empty when it is fine. */
  errors: string[]
  /** Valid, but worth changing. */
  warnings: string[]
}

/** Errors and warnings together; `seed` spreads suggested minutes (use the schedule's name). */
export function checkCron(cron: string, seed = ''): CronCheck {
  const errors = cronProblems(cron)
  return { errors, warnings: errors.length ? [] : cronWarnings(cron, seed) }
}

/**
 * Every reason GitHub would refuse this expression or never honour it:
 * GitHub's parser decides whether the syntax is accepted, the explainer
 * says why not; then whether it can fire at all and whether two runs come
 * closer than 5 minutes.
 */
export function cronProblems(cron: string): string[] {
  if (!isValidCron(cron)) {
    const reasons = syntaxProblems(cron)
    return reasons.length > 0
      ? reasons
      : [
          "is refused by GitHub's cron parser; write 5 fields (minute hour day-of-month month day-of-week), e.g. 17 6 * * *"
        ]
  }
  let fields: CronFields
  try {
    fields = readFields(cron)
  } catch (error) {
    // GitHub's parser reads numbers with JavaScript's `+x`, so it lets
    // through steps of 1.5 and hex minutes that no scheduler can run.
    const reason = error instanceof Error ? error.message : String(error)
    if (/day of month/i.test(reason))
      return [
        'never fires: no month has that day (e.g. 31 in a 30-day month, or 30 February)'
      ]
    const reasons = syntaxProblems(cron)
    return reasons.length > 0 ? reasons : [`cannot be evaluated: ${reason}`]
  }
  const gap = shortestGapMinutes(cron, fields)
  return gap < MIN_INTERVAL_MINUTES
    ? [
        `runs ${gap === 1 ? 'every minute' : `${gap} minutes apart`} at the closest; GitHub runs a schedule at most once every ${MIN_INTERVAL_MINUTES} minutes`
      ]
    : []
}

/** Advice for a valid expression: top-of-hour delays, day-of-month OR day-of-week. */
export function cronWarnings(cron: string, seed = ''): string[] {
  const [minute = '', , dom = '', , dow = ''] = cron.trim().split(/ +/)
  const warnings: string[] = []
  if (readFields(cron).minutes.includes(0)) {
    const better = offMinuteSuggestion(cron, seed)
    warnings.push(
      `fires at minute 0: GitHub delays (and may drop) scheduled runs at the top of the hour, its busiest time${better ? `; prefer an off minute, e.g. '${better}'` : `; move minute field '${minute}' off 0`}`
    )
  }
  if (dom !== '*' && dow !== '*') {
    warnings.push(
      `sets both day-of-month '${dom}' and day-of-week '${dow}': it fires when EITHER matches, not when both do`
    )
  }
  return warnings
}

/**
 * The same schedule moved off minute 0, or null when the minute field is too
 * involved to rewrite. The minute comes from the seed, so two schedules with
 * different names land on different minutes.
 */
export function offMinuteSuggestion(cron: string, seed = ''): string | null {
  const parts = cron.trim().split(/ +/)
  const step = /^(?:\*|0)\/(\d+)$/.exec(parts[0] ?? '')
  const hash = [...seed].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7)
  let minute: string
  if (parts[0] === '0') {
    let m = 3 + (hash % 54)
    if (m % 5 === 0) m++
    minute = String(m)
  } else if (step && Number(step[1]) > 1) {
    minute = `${1 + (hash % (Number(step[1]) - 1))}/${step[1]}`
  } else return null
  return [minute, ...parts.slice(1)].join(' ')
}

/** Why GitHub's parser refused it, field by field (empty when we cannot tell). */
function syntaxProblems(cron: string): string[] {
  if (cron.trim() === '') return ['is empty; write 5 fields, e.g. 17 6 * * *']
  const macro = MACROS[cron.trim().toLowerCase()]
  if (cron.trim().startsWith('@')) {
    return [
      `macros such as ${cron.trim()} are not supported by GitHub; write the 5 fields${macro ? ` (${cron.trim()} is '${macro}')` : ''}`
    ]
  }
  if (/[\t\r\n\v\f]/.test(cron))
    return ['contains a tab or line break; separate the 5 fields with spaces']
  if (cron !== cron.trim())
    return [
      'starts or ends with a space; GitHub reads a leading space as an empty field'
    ]
  const parts = cron.split(/ +/)
  if (parts.length !== 5) {
    return [
      `has ${parts.length} field${parts.length === 1 ? '' : 's'}; GitHub needs exactly 5 (minute hour day-of-month month day-of-week)${parts.length > 5 ? ', without seconds or years' : ''}`
    ]
  }
  return parts.flatMap((part, i) => fieldProblems(part, FIELDS[i] as Field))
}

function fieldProblems(part: string, field: Field): string[] {
  const problems: string[] = []
  for (const item of part.split(',')) {
    const problem =
      item === '' ? 'has an empty list item' : itemProblem(item, field)
    if (problem)
      problems.push(`${field.name} '${item === '' ? part : item}': ${problem}`)
  }
  return problems
}

function itemProblem(item: string, field: Field): string | null {
  if (item.includes('#'))
    return "'#' (nth weekday of the month) is not supported"
  if (item.includes('?')) return "'?' is not supported; use *"
  const match = /^(\*|[0-9a-z]+)(?:-([0-9a-z]+))?(?:\/(.*))?$/i.exec(item)
  if (!match) return 'is not a value, range (1-5), list (1,5) or step (*/15)'
  const [, start = '', end, step] = match
  if (start === '*' && end !== undefined) return '* cannot start a range'
  const first = start === '*' ? null : valueProblem(start, field)
  if (typeof first === 'string') return first
  if (end !== undefined) {
    const last = valueProblem(end, field)
    if (typeof last === 'string') return last
    if (first !== null && last < first)
      return 'is a reversed range; GitHub does not wrap ranges around'
  }
  if (step === undefined) return null
  if (!/^\d+$/.test(step))
    return `the step after / must be a whole number, not '${step}'`
  if (Number(step) === 0) return 'a step of 0 never advances'
  if (Number(step) > field.max)
    return `step ${step} is larger than the field allows (at most ${field.max})`
  return null
}

/** A value's number, or why it is not one GitHub accepts in this field. */
function valueProblem(value: string, field: Field): number | string {
  if (/^\d+$/.test(value)) {
    const n = Number(value)
    if (field.name === 'day-of-week' && n === 7)
      return '7 is out of range (0-6); use 0 for Sunday'
    return n >= field.min && n <= field.max
      ? n
      : `${value} is out of range (${field.min}-${field.max})`
  }
  const lower = value.toLowerCase()
  const named = field.names?.[lower]
  if (named !== undefined) return named
  if (/^\d*l$|^l\d*$|^lw$/i.test(value)) return 'L (last day) is not supported'
  if (/^\d+w$|^w$/i.test(value)) return 'W (nearest weekday) is not supported'
  if (/^h$/i.test(value))
    return 'H (hashed value) is not supported; pick a number'
  if (lower in MONTHS)
    return `${value} is a month name; it belongs in the month field`
  if (lower in DAYS)
    return `${value} is a day name; it belongs in the day-of-week field`
  return `${value} is not a number${field.names ? ` or a ${field.name === 'month' ? 'month (JAN-DEC)' : 'day (SUN-SAT)'} name` : ''}`
}

interface CronFields {
  minutes: readonly number[]
  hours: readonly number[]
}

/** The minute and hour sets, as cron-parser expands them; throws when it never fires. */
function readFields(cron: string): CronFields {
  const expr = CronExpressionParser.parse(cron.trim(), {
    tz: 'UTC',
    currentDate: REFERENCE
  })
  return {
    minutes: [...expr.fields.minute.values].map(Number).sort((a, b) => a - b),
    hours: [...expr.fields.hour.values].map(Number).sort((a, b) => a - b)
  }
}

/**
 * The shortest time between two firings, in minutes, as far as the 5-minute
 * rule needs it. Every firing day repeats the same hours x minutes, so the
 * gaps inside a day come straight from those sets (as cron-parser expands
 * them). The only other gap, from a day's last firing to the next day's
 * first, exists only when two consecutive calendar days both fire; when it
 * is short enough to matter, the firing days are walked with cron-parser
 * over four years to see whether that ever happens. (Walking every firing
 * would take half a second for a schedule that fires every five minutes.)
 * A schedule that fires once a day reports 1440, even if it fires weekly.
 */
export function shortestGapMinutes(
  cron: string,
  fields = readFields(cron)
): number {
  const times = fields.hours.flatMap(h => fields.minutes.map(m => h * 60 + m))
  let gap = Infinity
  for (let i = 1; i < times.length; i++)
    gap = Math.min(gap, (times[i] as number) - (times[i - 1] as number))
  const overnight = 1440 - (times.at(-1) ?? 0) + (times[0] ?? 0)
  const matters = overnight < Math.min(gap, MIN_INTERVAL_MINUTES)
  return matters && !firesOnConsecutiveDays(cron)
    ? gap
    : Math.min(gap, overnight)
}

function firesOnConsecutiveDays(cron: string): boolean {
  const [, , dom, month, dow] = cron.trim().split(/ +/)
  const days = CronExpressionParser.parse(`0 0 ${dom} ${month} ${dow}`, {
    tz: 'UTC',
    currentDate: REFERENCE
  })
  const end = REFERENCE.getTime() + DAY_WINDOW * 86_400_000
  let previous = days.next().getTime()
  while (previous < end) {
    const current = days.next().getTime()
    if (current - previous === 86_400_000) return true
    previous = current
  }
  return false
}

/** The next `count` firings after `from`, in zone `tz`. */
export function nextRuns(
  cron: string,
  tz: string,
  count: number,
  from = new Date()
): Date[] {
  return CronExpressionParser.parse(cron.trim(), { tz, currentDate: from })
    .take(count)
    .map(d => d.toDate())
}

/** Every firing in [from, to), at most `cap` of them. */
export function firingsBetween(
  cron: string,
  tz: string,
  from: Date,
  to: Date,
  cap = 5000
): Date[] {
  const expr = CronExpressionParser.parse(cron.trim(), {
    tz,
    currentDate: from,
    endDate: to
  })
  const out: Date[] = []
  while (out.length < cap && expr.hasNext()) out.push(expr.next().toDate())
  return out
}

/**
 * GitHub's cron rules: a passing and a failing case per rule, and a
 * comparison with GitHub's own validator (@actions/workflow-parser).
 */
import { describe, expect, it } from '@jest/globals'
import {
  hasCronIntervalLessThan5Minutes,
  isValidCron
} from '@actions/workflow-parser/model/converter/cron'
import {
  checkCron,
  cronProblems,
  cronWarnings,
  offMinuteSuggestion,
  shortestGapMinutes
} from '../src/cli/cron-rules.js'

/** [rule, a cron that passes it, a cron that breaks it, words the refusal must contain] */
const RULES: Array<[string, string, string, RegExp]> = [
  ['not empty', '17 6 * * *', '', /empty/],
  ['exactly 5 fields (not 4)', '17 6 * * *', '17 6 * *', /4 fields.*exactly 5/],
  [
    'exactly 5 fields (no seconds)',
    '17 6 * * *',
    '0 17 6 * * *',
    /6 fields.*seconds/
  ],
  ['no macros', '0 0 * * *', '@daily', /macros.*'0 0 \* \* \*'/],
  ['no L', '17 6 28 * *', '17 6 L * *', /L \(last day\)/],
  ['no W', '17 6 15 * *', '17 6 15W * *', /W \(nearest weekday\)/],
  ['no #', '17 6 * * 5', '17 6 * * 5#3', /'#'/],
  ['no ?', '17 6 * * 1', '17 6 ? * 1', /'\?'/],
  [
    'day of week 0-6',
    '17 6 * * 0',
    '17 6 * * 7',
    /7 is out of range.*0 for Sunday/
  ],
  [
    'minute 0-59',
    '59 6 * * *',
    '60 6 * * *',
    /minute '60'.*out of range \(0-59\)/
  ],
  ['hour 0-23', '17 23 * * *', '17 24 * * *', /hour '24'.*out of range/],
  [
    'day of month 1-31',
    '17 6 1 * *',
    '17 6 0 * *',
    /day-of-month '0'.*out of range \(1-31\)/
  ],
  ['month 1-12', '17 6 * 12 *', '17 6 * 13 *', /month '13'.*out of range/],
  [
    'month names in the month field',
    '17 6 * JAN-MAR *',
    '17 6 * * JAN',
    /JAN is a month name/
  ],
  [
    'day names in the day-of-week field',
    '17 6 * * mon-fri',
    '17 6 * MON *',
    /MON is a day name/
  ],
  [
    'known names only',
    '17 6 * * SAT',
    '17 6 * * SAX',
    /SAX is not a number or a day/
  ],
  ['ranges run forwards', '17 1-5 * * *', '17 5-1 * * *', /reversed range/],
  [
    'lists have no empty items',
    '7,37 * * * *',
    '7,,37 * * * *',
    /empty list item/
  ],
  [
    'step is a whole number',
    '7/15 * * * *',
    '*/1.5 * * * *',
    /whole number, not '1\.5'/
  ],
  ['step is not *', '*/15 * * * *', '*/* * * * *', /whole number, not '\*'/],
  [
    'step is not a range',
    '10-50/20 * * * *',
    '*/5-10 * * * *',
    /whole number, not '5-10'/
  ],
  ['step is not 0', '*/5 * * * *', '*/0 * * * *', /step of 0/],
  [
    'step fits the field',
    '17 */12 * * *',
    '17 */24 * * *',
    /step 24 is larger/
  ],
  ['single spaces, no tabs', '17 6 * * *', '17\t6 * * *', /tab/],
  ['no leading space', '17 6 * * *', ' 17 6 * * *', /leading space/],
  ['fires at all', '17 6 31 * *', '17 6 31 4 *', /never fires/],
  [
    '5 minutes apart (step)',
    '*/5 * * * *',
    '*/4 * * * *',
    /4 minutes apart.*once every 5 minutes/
  ],
  ['5 minutes apart (list)', '7,12 * * * *', '7,10 * * * *', /3 minutes apart/],
  ['5 minutes apart (range)', '7 * * * *', '0-2 * * * *', /every minute/],
  [
    '5 minutes apart (across midnight)',
    '0,56 0,23 * * 1',
    '1,58 0,23 * * *',
    /3 minutes apart/
  ]
]

describe('cronProblems: one passing and one failing case per rule', () => {
  it.each(RULES)('%s', (_rule, good, bad, why) => {
    expect(cronProblems(good)).toEqual([])
    const problems = cronProblems(bad)
    expect(problems.length).toBeGreaterThan(0)
    expect(problems.join('\n')).toMatch(why)
  })

  it('reports every bad field, each by name', () => {
    expect(cronProblems('60 24 0 13 7')).toEqual([
      "minute '60': 60 is out of range (0-59)",
      "hour '24': 24 is out of range (0-23)",
      "day-of-month '0': 0 is out of range (1-31)",
      "month '13': 13 is out of range (1-12)",
      "day-of-week '7': 7 is out of range (0-6); use 0 for Sunday"
    ])
  })
})

describe('shortestGapMinutes', () => {
  it.each([
    ['*/5 * * * *', 5],
    ['7,10 * * * *', 3],
    ['17 6 * * *', 1440],
    ['17 6,18 * * *', 720],
    // 23:58 to 00:01 only counts when two days in a row fire.
    ['1,58 0,23 * * *', 3],
    ['1,58 0,23 * * 1', 57],
    ['1,58 0,23 28 2 *', 57],
    ['1,58 0,23 28,29 2 *', 3]
  ])('%s -> %d', (cron, gap) => {
    expect(shortestGapMinutes(cron)).toBe(gap)
  })
})

describe('cronWarnings', () => {
  it('warns about minute 0 and suggests an off minute that keeps the rest', () => {
    const [warning] = cronWarnings('0 6 * * 1-5', 'daily-audit')
    expect(warning).toMatch(/top of the hour/)
    const suggestion = offMinuteSuggestion('0 6 * * 1-5', 'daily-audit')
    expect(suggestion).toMatch(/^\d+ 6 \* \* 1-5$/)
    expect(warning).toContain(`'${suggestion}'`)
    const minute = Number(suggestion?.split(' ')[0])
    expect(minute % 5).not.toBe(0)
    expect(cronProblems(suggestion ?? '')).toEqual([])
  })

  it('spreads suggestions by seed and shifts steps', () => {
    const minutes = new Set(
      ['a', 'b', 'c', 'd', 'e'].map(seed =>
        offMinuteSuggestion('0 6 * * *', seed)
      )
    )
    expect(minutes.size).toBeGreaterThan(1)
    expect(offMinuteSuggestion('*/15 * * * *', 'x')).toMatch(
      /^([1-9]|1[0-4])\/15 \* \* \* \*$/
    )
    expect(offMinuteSuggestion('0,30 * * * *', 'x')).toBeNull()
    expect(cronWarnings('0,30 * * * *')[0]).toMatch(
      /move minute field '0,30' off 0/
    )
  })

  it('does not warn for an off minute, and warns when both day fields are set', () => {
    expect(cronWarnings('17 6 * * *')).toEqual([])
    expect(cronWarnings('17 6 13 * 5')).toEqual([
      expect.stringMatching(/EITHER/)
    ])
  })

  it('checkCron gives no warnings for an invalid cron', () => {
    expect(checkCron('0 0 * * 7')).toEqual({
      errors: [expect.stringMatching(/day-of-week/)],
      warnings: []
    })
  })
})

/**
 * GitHub's validator as a yes/no: valid, and not under 5 minutes. Where
 * this module deliberately differs, the row says why; the test checks the
 * difference is still there, so a change on either side shows up.
 */
const GITHUB_TABLE: Array<[string, true | string]> = [
  ['17 6 * * *', true],
  ['0 0 * * *', true],
  ['*/5 * * * *', true],
  ['*/15 * * * *', true],
  ['20/15 * * * *', true],
  ['0 */2 * * *', true],
  ['30 4,16 * * 1-5', true],
  ['0 0 1 1 *', true],
  ['0 0 * * SUN-TUE', true],
  ['0 0 * JAN-MAR *', true],
  ['0 0 * jan,jul mon', true],
  ['0 0 29 2 *', true],
  ['0 12 * * 5/2', true],
  ['59 23 31 12 6', true],
  ['0  6 * * *', true],
  ['*/4 * * * *', true],
  ['* * * * *', true],
  ['0-4 * * * *', true],
  ['1,2 * * * *', true],
  ['1-5/2 * * * *', true],
  ['0,58 0,23 * * *', true],
  ['@daily', true],
  ['@hourly', true],
  ['0 6 * *', true],
  ['0 0 6 * * *', true],
  ['0 0 L * *', true],
  ['0 0 15W * *', true],
  ['0 0 * * 5#3', true],
  ['0 0 ? * *', true],
  ['0 0 * * 7', true],
  ['0 0 * * JAN', true],
  ['0 0 * MON *', true],
  ['5-1 * * * *', true],
  ['*/0 * * * *', true],
  ['*/60 * * * *', true],
  ['60 * * * *', true],
  [' 0 6 * * *', true],
  ['0,,5 * * * *', true],
  ['', true],
  ['*/1.5 * * * *', true],
  ['0 0 31 2 *', 'stricter: never fires (GitHub checks ranges per field only)'],
  ['0 0 31 4 *', 'stricter: never fires (April has 30 days)'],
  [
    '0x5 * * * *',
    "stricter: GitHub reads numbers with JavaScript's +x, so hex passes"
  ],
  [
    '0,58 0 * * *',
    'looser: fires at 00:00 and 00:58 only; GitHub wraps 58 to 0 as if every hour fired'
  ],
  [
    '1,58 0,23 * * 1',
    'looser: 23:58 to 00:01 never happens on consecutive days (Mondays only)'
  ]
]

describe("agreement with GitHub's own validator (@actions/workflow-parser 0.3.61)", () => {
  const github = (cron: string): boolean =>
    isValidCron(cron) && !hasCronIntervalLessThan5Minutes(cron)
  const ours = (cron: string): boolean => cronProblems(cron).length === 0

  it('covers enough expressions, valid and invalid', () => {
    expect(GITHUB_TABLE.length).toBeGreaterThanOrEqual(40)
    expect(GITHUB_TABLE.filter(([c]) => github(c)).length).toBeGreaterThan(10)
    expect(GITHUB_TABLE.filter(([c]) => !github(c)).length).toBeGreaterThan(20)
  })

  it.each(GITHUB_TABLE.filter(([, v]) => v === true).map(([c]) => [c]))(
    'agrees on %j',
    cron => {
      expect(ours(cron)).toBe(github(cron))
    }
  )

  it.each(GITHUB_TABLE.filter(([, v]) => v !== true))(
    'differs on %j on purpose (%s)',
    (cron, why) => {
      expect(ours(cron)).toBe(String(why).startsWith('looser'))
      expect(github(cron)).toBe(!ours(cron))
    }
  )
})

describe("the verdict is GitHub's, the reasons are ours", () => {
  /** Every 5-field combination of a few telling atoms, in a fixed order. */
  const ATOMS = ['*', '5', '60', '5-1', '*/0', 'MON', 'L', '?', '1.5', '0x5']
  const sample = Array.from({ length: 4000 }, (_, i) =>
    [0, 1, 2, 3, 4]
      .map(f => ATOMS[Math.floor(i / ATOMS.length ** f + f * 7) % ATOMS.length])
      .join(' ')
  )

  it('refuses everything GitHub refuses, naming a field and why', () => {
    const refused = sample.filter(cron => !isValidCron(cron))
    expect(refused.length).toBeGreaterThan(1000)
    for (const cron of refused) {
      const problems = cronProblems(cron)
      expect(problems.length).toBeGreaterThan(0)
      expect(problems[0]).toMatch(
        /^(minute|hour|day-of-month|month|day-of-week) '/
      )
    }
  })

  it('refuses what GitHub accepts only when it never fires, fires too often or is not decimal', () => {
    const accepted = sample.filter(cron => isValidCron(cron))
    expect(accepted.length).toBeGreaterThan(50)
    for (const cron of accepted)
      for (const problem of cronProblems(cron))
        expect(problem).toMatch(
          /never fires|at most once every 5 minutes|not a number|whole number|is not a value/
        )
  })
})

/**
 * The job summary: fixed inputs rendered to HTML (snapshots that a reviewer
 * reads as the user would), the rules behind the layout, and one black-box
 * run to see the summary the bundled action really writes.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { SUMMARY_CASES } from '../../scripts/summary-cases.js'
import { runAction } from '../helpers/bundle.js'
import type { QualyticsSimulator } from '../../simulator/index.js'
import { createRedactor } from '../../src/core/output/redact.js'
import {
  FOLD_SUCCESSES_ABOVE,
  renderSummary,
  type SummaryInput
} from '../../src/core/report/summary.js'
import { whenInZone } from '../../src/core/schedule/zone-time.js'
import type { OperationRecord } from '../../src/core/types.js'
import { newRecord } from '../../src/core/domain/records.js'
import { inputsFor, operationsOf, startSimulator } from '../helpers/fixtures.js'

/** The fixed case by name (the fixtures are typed as a record). */
function fixture(name: string): SummaryInput {
  const input = SUMMARY_CASES[name]
  if (!input) throw new Error(`no summary case ${name}`)
  return input
}

/** The `<tr>` rows of a rendered summary, header and detail rows left out. */
function dataRows(html: string): string[] {
  return (html.match(/<tr><td>.*<\/tr>/g) ?? []).filter(
    r => !r.includes('<th>')
  )
}

/** Each export's row with the full-width line under it ('' when none). */
function rowsWithDetail(html: string): Array<[string, string]> {
  const lines = html.split('\n')
  return lines.flatMap((line, i) => {
    if (!/^<tr><td>/.test(line)) return []
    const next = lines[i + 1] ?? ''
    return [[line, next.startsWith('<tr><td colspan=') ? next : '']] as Array<
      [string, string]
    >
  })
}

/** Text a reader sees: tags dropped, entities decoded. */
function visibleText(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(+code))
}

function record(overrides: Partial<OperationRecord>): OperationRecord {
  return {
    ...newRecord({ datastoreId: 42, assetType: 'anomalies' }),
    id: 1,
    result: 'success',
    startTime: '2026-11-25T06:17:41.000Z',
    endTime: '2026-11-25T06:17:44.500Z',
    totalContainers: 3,
    count: 5,
    ...overrides
  }
}

function summaryOf(records: OperationRecord[]): string {
  return renderSummary({
    result: 'success',
    records,
    datastoreNames: new Map(),
    schedule: null,
    elapsedMs: 1000,
    origin: 'https://acme.qualytics.io'
  })
}

describe('the job summary', () => {
  it.each(Object.keys(SUMMARY_CASES))(
    'renders the %s case as the snapshot shows',
    name => {
      expect(renderSummary(fixture(name))).toMatchSnapshot()
    }
  )

  it('lists failing rows first, then timeouts, then successes', () => {
    const rows = dataRows(renderSummary(fixture('failure')))
    expect(rows.map(r => /<td>\S+&nbsp;([a-z-]+)<\/td>/.exec(r)?.[1])).toEqual([
      'failure',
      'failure',
      'timeout',
      'success'
    ])
  })

  it('folds successes into <details> when there are many, keeping the rest in view', () => {
    const html = renderSummary(fixture('thirty'))
    const [top, folded] = html.split('<details><summary>✅ 28 exports')
    expect(folded).toBeDefined()
    expect(dataRows(top ?? '')).toHaveLength(2)
    expect(dataRows(top ?? '').every(r => r.includes('warning'))).toBe(true)
    expect(dataRows(folded ?? '')).toHaveLength(28)
    expect(html).toContain('⚠️ 2 with a warning · ✅ 28 succeeded')
  })

  it(`keeps every row in one table up to ${FOLD_SUCCESSES_ABOVE} exports`, () => {
    const records = Array.from({ length: FOLD_SUCCESSES_ABOVE }, (_, i) =>
      record({ id: i + 1 })
    )
    const html = summaryOf(records)
    expect(html).not.toContain('<details>')
    expect(dataRows(html)).toHaveLength(FOLD_SUCCESSES_ABOVE)
    expect(summaryOf([...records, record({ id: 99 })])).toContain(
      '<details><summary>✅ 11 exports succeeded'
    )
  })

  it('shows an empty export as a warning with its count, and says what the count is', () => {
    const html = renderSummary(fixture('thirty'))
    const [row, detail] =
      rowsWithDetail(html).find(([r]) => r.includes('Support&nbsp;Tickets')) ??
      []
    expect(row).toContain('⚠️&nbsp;warning')
    expect(detail).toContain('0 held at export')
    expect(detail).toContain('Qualytics held no anomalies for datastore 45')
    expect(html).toContain('<sub>Held at export: how many')
    expect(html).toContain('not a count of rows written')
  })

  it('leaves out columns no row fills', () => {
    const dry = renderSummary(fixture('dry-run'))
    expect(dry).toContain(
      '<tr><th>Result</th><th>Datastore</th><th>Asset</th></tr>'
    )
    expect(dry).toContain('nothing was triggered')
    expect(dry).not.toContain('Held at export')
    const one = renderSummary(fixture('one'))
    expect(one).not.toContain('<th>Message</th>')
  })

  it('folds a long message after a word and keeps all of its text', () => {
    const long = `${'word '.repeat(60)}end-of-message`
    const html = summaryOf([record({ result: 'warning', message: long })])
    expect(html).toMatch(
      /<summary><strong>Qualytics:<\/strong> (word ){31}word…<\/summary>…(word )+end/
    )
    expect(visibleText(html).replace(/……/, ' ')).toContain(long)
    expect(html).not.toContain('\n\n')
  })

  it('never splits a token the server echoed, so the redaction still finds it', () => {
    // A cut at exactly 160 characters would leave the token's first six
    // characters in the preview: too short for the redaction to recognise.
    const token = `eyJhbGciOiJIUzI1NiJ9.${'x'.repeat(60)}.signature_part`
    const html = summaryOf([
      record({ result: 'failure', message: `${'a '.repeat(77)}${token} (401)` })
    ])
    expect(html).toContain('<details>')
    const redacted = createRedactor(token)(html)
    for (let i = 0; i + 6 <= token.length; i++)
      expect(redacted).not.toContain(token.slice(i, i + 6))
  })

  it('escapes names and messages from the server', () => {
    const html = renderSummary({
      ...fixture('one'),
      datastoreNames: new Map([[42, '<img src=x onerror=alert(1)>']]),
      records: [record({ result: 'warning', message: '<b>bold</b> & "q"' })]
    })
    expect(html).not.toContain('<img')
    expect(html).not.toContain('<b>')
    expect(html).toContain('&#60;b&#62;bold&#60;/b&#62; &#38; &#34;q&#34;')
  })

  it('gives the next run in the schedule’s zone, with UTC beside it', () => {
    const next = '2026-11-26T05:17:00.000Z'
    expect(whenInZone(next, 'UTC')).toBe('Thu 2026-11-26 05:17 UTC')
    expect(whenInZone(next, 'Europe/Berlin')).toBe(
      'Thu 2026-11-26 06:17 Europe/Berlin (05:17 UTC)'
    )
    expect(whenInZone('2026-11-25T21:30:00.000Z', 'Asia/Tokyo')).toBe(
      'Thu 2026-11-26 06:30 Asia/Tokyo (Wed 21:30 UTC)'
    )
    expect(whenInZone('not a date', 'UTC')).toBe('not a date')
  })
})

describe('the durations chart', () => {
  /** The chart lines of one export's summary, by their first word. */
  function chartOf(
    earlierSeconds: number[],
    seconds: number
  ): Map<string, string> {
    const html = summaryOf([
      record({
        earlierSeconds,
        endTime: new Date(
          Date.parse('2026-11-25T06:17:41.000Z') + seconds * 1000
        ).toISOString()
      })
    ])
    const lines = html.split('\n').map(l => l.trim())
    return new Map(lines.map(l => [l.split(' ')[0]!, l]))
  }

  it('starts its axis at 0 and ends it at a round number above the longest bar', () => {
    expect(chartOf([11.8, 13.4, 12.1], 12.3).get('y-axis')).toBe(
      'y-axis "seconds" 0 --> 20'
    )
    expect(chartOf([41.2, 71.8, 63.4], 96.4).get('y-axis')).toBe(
      'y-axis "seconds" 0 --> 100'
    )
    expect(chartOf([0, 0, 0], 0).get('y-axis')).toBe('y-axis "seconds" 0 --> 1')
  })

  it('counts in minutes when an export took more than three minutes', () => {
    const chart = chartOf([170, 175, 178], 1800)
    expect(chart.get('y-axis')).toBe('y-axis "minutes" 0 --> 50')
    expect(chart.get('bar')).toBe('bar [2.8, 2.9, 3, 30]')
    expect(chartOf([170, 175, 178], 180).get('y-axis')).toBe(
      'y-axis "seconds" 0 --> 200'
    )
  })

  it('labels the bars oldest first, this export last, in one colour on any page', () => {
    const chart = chartOf([5, 6, 7], 8)
    expect(chart.get('x-axis')).toBe(
      'x-axis "earlier exports, oldest first, then this one" ["-3", "-2", "-1", "this"]'
    )
    expect(chart.get('bar')).toBe('bar [5, 6, 7, 8]')
    expect(chart.get('plotColorPalette:')).toBe('plotColorPalette: "#2f81f7"')
    expect(chart.get('backgroundColor:')).toBe('backgroundColor: transparent')
  })
})

describe('the summary the bundled action writes', () => {
  let sim: QualyticsSimulator | undefined
  afterEach(async () => {
    await sim?.close()
    sim = undefined
  })

  it('shows the schedule, the empty export as a warning, and the counts', async () => {
    sim = await startSimulator({
      datastores: [
        {
          id: 42,
          name: 'Sales Warehouse',
          enrichment: { id: 100, name: 'Sales Enrichment' },
          anomalies: 0,
          checks: 30
        }
      ]
    })
    const run = await runAction({
      inputs: inputsFor(sim, {
        options: 'anomalies,checks',
        'schedule-timezone': 'Europe/Berlin'
      }),
      scheduleCron: '17 6 * * 1-5'
    })
    expect(run.code).toBe(0)
    const html = run.summary
    expect(html).toMatch(
      /Scheduled by <code>17 6 &#42; &#42; 1-5<\/code> \(runs at 06:17, Monday through Friday, Europe\/Berlin\) · next run <strong>\w{3} \d{4}-\d\d-\d\d 06:17 Europe\/Berlin \(\d\d:17 UTC\)<\/strong>/
    )
    const rows = rowsWithDetail(html)
    expect(rows[0]?.[0]).toMatch(/⚠️&nbsp;warning.*<td>anomalies<\/td>/)
    expect(rows[0]?.[1]).toMatch(
      /0 held at export.*<br>ℹ️ Qualytics held no anomalies for datastore 42/
    )
    expect(rows[1]?.[0]).toMatch(/✅&nbsp;success.*<td>checks<\/td>/)
    expect(rows[1]?.[1]).toContain('30 held at export')
    // Each operation id links to its page in Qualytics, on the configured host.
    for (const op of operationsOf(run.outputs))
      expect(html).toContain(
        `<a href="${sim.url}/datastores/42/activity?operation_id=${String(op.id)}"><code>${String(op.id)}</code></a>`
      )
    expect(html).toContain('⚠️ 1 with a warning · ✅ 1 succeeded')
    expect(html).not.toContain(sim.token)
  })
})

/**
 * The layout rules of the job summary (what keeps a failed run's message in
 * view beside GitHub's jobs sidebar), its links into Qualytics, the 1.1 row
 * fields, a preflight failure's plan, and what survives GitHub's sanitiser.
 */
import { afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { SUMMARY_CASES } from '../../scripts/summary-cases.js'
import { runAction } from '../helpers/bundle.js'
import type { QualyticsSimulator } from '../../simulator/index.js'
import { appUrl, operationUrl } from '../../src/core/report/links.js'
import {
  renderSummary,
  type SummaryInput
} from '../../src/core/report/summary.js'
import type { OperationRecord } from '../../src/core/types.js'
import { newRecord } from '../../src/core/domain/records.js'
import { inputsFor, startSimulator } from '../helpers/fixtures.js'
import { asGitHub } from '../helpers/github-render.js'

function record(overrides: Partial<OperationRecord>): OperationRecord {
  return {
    ...newRecord({ datastoreId: 42, assetType: 'anomalies' }),
    id: 7001,
    result: 'success',
    startTime: '2026-11-25T06:17:41.000Z',
    endTime: '2026-11-25T06:17:44.500Z',
    totalContainers: 3,
    count: 5,
    ...overrides
  }
}

function render(
  records: OperationRecord[],
  extra: Partial<SummaryInput> = {}
): string {
  return renderSummary({
    result: 'failure',
    records,
    datastoreNames: new Map([[42, 'Sales Warehouse']]),
    schedule: null,
    elapsedMs: 1000,
    origin: 'https://acme.qualytics.io',
    ...extra
  })
}

/** The line after the row that holds `marker`. */
function lineUnder(html: string, marker: string): string {
  const lines = html.split('\n')
  const at = lines.findIndex(
    l => l.startsWith('<tr><td>') && l.includes(marker)
  )
  return lines[at + 1] ?? ''
}

describe('the summary layout', () => {
  it.each(Object.keys(SUMMARY_CASES))(
    'keeps the %s case one HTML block with at most four columns',
    name => {
      const html = renderSummary(SUMMARY_CASES[name]!)
      // The durations charts follow as Markdown on purpose (Mermaid fences).
      const block = html.split('\n<details><summary>📈')[0]!
      // A blank line would end GitHub's HTML block and let Markdown run.
      expect(block.trimEnd()).not.toMatch(/\n\s*\n/)
      for (const head of html.match(/<tr><th>.*<\/tr>/g) ?? [])
        expect(head.match(/<th>/g)!.length).toBeLessThanOrEqual(4)
    }
  )

  it('puts each message on a full-width line right under its row', () => {
    const html = render([
      record({ id: 1, result: 'failure', message: 'disk full' }),
      record({ id: 2, assetType: 'checks' })
    ])
    const columns = /<tr>(<th>.*?)<\/tr>/.exec(html)![1]!.match(/<th>/g)!.length
    expect(lineUnder(html, '>1</code>')).toBe(
      `<tr><td colspan="${columns}">5 held at export<br><strong>Qualytics:</strong> disk full</td></tr>`
    )
  })

  it('keeps a short datastore name on one line, and lets a long one wrap', () => {
    const html = render([record({}), record({ datastoreId: 43, id: 2 })], {
      datastoreNames: new Map([
        [42, 'Sales Warehouse'],
        [43, 'A very long datastore name that would push the table wide']
      ])
    })
    expect(html).toContain('<td>Sales&nbsp;Warehouse <code>42</code></td>')
    expect(html).toContain('<td>A very long datastore name')
  })
})

describe('links into Qualytics', () => {
  it('links each operation to its Activity page and the host to the app', () => {
    const html = render([record({ id: 7001 })])
    expect(html).toContain(
      '<a href="https://acme.qualytics.io/datastores/42/activity?operation_id=7001"><code>7001</code></a>'
    )
    expect(html).toContain(
      'on <a href="https://acme.qualytics.io/"><code>acme.qualytics.io</code></a>'
    )
  })

  it('builds links only from the configured origin and numeric ids', () => {
    expect(operationUrl('https://u:p@acme.qualytics.io/x?y', 42, 7)).toBe(
      'https://acme.qualytics.io/datastores/42/activity?operation_id=7'
    )
    expect(operationUrl('https://acme.qualytics.io', 42, 1.5)).toBeNull()
    expect(operationUrl('javascript:alert(1)', 42, 7)).toBeNull()
    expect(appUrl('http://127.0.0.1:8080')).toBe('http://127.0.0.1:8080/')
    // Server text never becomes a link: a URL in a message stays text.
    const html = render([
      record({
        result: 'failure',
        message: '<a href="https://evil">x</a> https://evil.example'
      })
    ])
    expect(html.match(/<a /g)).toHaveLength(2)
    expect(asGitHub([html])[0]).not.toMatch(/<a [^>]*evil/)
  })

  it('leaves a row without an id unlinked', () => {
    const html = render([record({ id: null, result: 'failure' })])
    expect(html).not.toContain('activity?operation_id')
  })
})

describe('the 1.1 fields of a row', () => {
  it('shows the table, the last good snapshot, missed runs, adoption and notes', () => {
    const html = render(
      [
        record({
          result: 'warning',
          adopted: true,
          table: '_q_checks_export',
          verified: false,
          missedRuns: 3,
          lastSuccessAt: '2026-11-22T05:17:09.000Z',
          notes: ['3 runs missed', '<b>not</b> verified']
        })
      ],
      {
        schedule: {
          cron: '17 6 * * *',
          timezone: 'Europe/Berlin',
          description: 'Runs at 06:17',
          nextRun: null
        }
      }
    )
    const line = lineUnder(html, '7001')
    expect(line).toContain('followed an export already running in Qualytics')
    expect(line).toContain(
      '⚠️ <code>&#95;q&#95;checks&#95;export</code> missing or not written by this export'
    )
    expect(line).toContain('⚠️ 3&nbsp;missed&nbsp;runs')
    expect(line).toContain(
      'last good snapshot Sun&nbsp;2026-11-22&nbsp;06:17&nbsp;Europe/Berlin&nbsp;(05:17&nbsp;UTC)'
    )
    expect(line).toContain(
      'ℹ️ 3 runs missed<br>ℹ️ &#60;b&#62;not&#60;/b&#62; verified'
    )
  })

  it('says where a verified export landed, and marks an unverified table', () => {
    const ok = lineUnder(
      render([record({ table: '_q_anomalies_export', verified: true })]),
      '7001'
    )
    expect(ok).toContain(
      'landed in <code>&#95;q&#95;anomalies&#95;export</code> ✅'
    )
    const unknown = lineUnder(
      render([record({ table: '_q_anomalies_export', verified: null })]),
      '7001'
    )
    expect(unknown).toContain('(not verified)')
  })

  it('leaves a plain success without a line under it when there is nothing to say', () => {
    const html = render([record({ count: null })])
    expect(html).not.toContain('colspan')
  })
})

describe('what GitHub keeps', () => {
  const names = Object.keys(SUMMARY_CASES)
  const rendered = names.map(name => renderSummary(SUMMARY_CASES[name]!))
  let shownAll: string[] = []
  beforeAll(() => {
    shownAll = asGitHub(rendered)
  })

  it.each(names.map((name, i) => [name, i] as const))(
    'keeps every link, table and spanning cell of the %s case through the sanitiser',
    (_name, i) => {
      const html = rendered[i]!
      const shown = shownAll[i]!
      const count = (text: string, re: RegExp): number =>
        text.match(re)?.length ?? 0
      for (const re of [/<a href=/g, /<table>/g, /colspan="\d"/g, /<details>/g])
        expect(count(shown, re)).toBe(count(html, re))
      // Rendered as HTML, not shown as Markdown source or code.
      expect(shown).not.toContain('&lt;tr&gt;')
    }
  )
})

describe('a run that preflight stopped', () => {
  let sim: QualyticsSimulator | undefined
  afterEach(async () => {
    await sim?.close()
    sim = undefined
  })

  it('still shows the plan and which datastores passed', async () => {
    sim = await startSimulator()
    const run = await runAction({
      inputs: inputsFor(sim, {
        datastore: '42,7,43',
        options: 'anomalies,checks'
      })
    })
    expect(run.code).toBe(1)
    const html = run.summary
    expect(html).toContain('Nothing was triggered. The plan (6 exports on')
    expect(html).toContain(
      '<tr><td>Sales Warehouse <code>42</code></td><td>✅&nbsp;ready → Sales Enrichment</td><td>anomalies, checks</td></tr>'
    )
    expect(html).toContain(
      '<tr><td>Legacy CRM <code>7</code></td><td>❌&nbsp;no&nbsp;enrichment</td>'
    )
    expect(html).toContain(
      '<td>Marketing Lake <code>43</code></td><td>✅&nbsp;ready'
    )
    expect(html).not.toContain(sim.token)
  })

  it('shows every datastore unchecked when the token is refused', async () => {
    sim = await startSimulator()
    const run = await runAction({
      inputs: {
        ...inputsFor(sim, { datastore: '42,43' }),
        token: 'wrong-token-0123456789'
      }
    })
    expect(run.code).toBe(1)
    expect(run.summary).toContain(
      '<td><code>42</code></td><td>➖&nbsp;not&nbsp;checked</td>'
    )
    expect(run.summary).toContain(
      '<td><code>43</code></td><td>➖&nbsp;not&nbsp;checked</td>'
    )
  })
})

/**
 * The JUnit report (src/core/report/junit.ts) and the dotenv outputs, read
 * back with a real XML parser; and `run --junit-file --dotenv-file` from the
 * command line against the simulator.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import type { QualyticsSimulator } from '../../simulator/index.js'
import { newRecord } from '../../src/core/domain/records.js'
import { createRedactors } from '../../src/core/output/redact.js'
import { renderDotenv } from '../../src/cli/reports.js'
import { renderJunit } from '../../src/core/report/junit.js'
import type {
  AssetType,
  OperationRecord,
  Result
} from '../../src/core/types.js'
import { runCli, tmpDir } from '../helpers/cli.js'
import { checksFail, startSimulator } from '../helpers/fixtures.js'

const TOKEN = 'qx-secret-token-0123456789abcdef'
const redact = createRedactors([TOKEN])

interface Case {
  '@_name': string
  '@_classname': string
  '@_time'?: string
  failure?: { '#text'?: string; '@_message': string; '@_type': string }
  error?: { '#text'?: string; '@_message': string; '@_type': string }
  skipped?: { '@_message': string }
  'system-out'?: string
}
interface Suite {
  '@_name': string
  '@_tests': string
  '@_failures': string
  '@_errors': string
  '@_skipped': string
  testcase: Case[]
  properties: { property: { '@_name': string; '@_value': string } }
}

/** Parse a report as a CI would; invalid XML fails the test. */
function parseJunit(xml: string): Suite {
  expect(XMLValidator.validate(xml)).toBe(true)
  const doc = new XMLParser({
    ignoreAttributes: false,
    isArray: name => name === 'testcase'
  }).parse(xml) as { testsuites: { testsuite: Suite } }
  return doc.testsuites.testsuite
}

function record(
  id: number,
  datastoreId: number,
  assetType: AssetType,
  result: Result,
  message: string | null = null
): OperationRecord {
  return {
    ...newRecord({ datastoreId, assetType }),
    id,
    result,
    message,
    startTime: '2026-12-01T06:17:00Z',
    endTime: result === 'running' ? null : '2026-12-01T06:17:42.5Z'
  }
}

const base = {
  datastoreNames: new Map([
    [42, 'Sales Warehouse'],
    [43, 'Ops & <Finance>']
  ]),
  failOnWarning: false,
  origin: 'https://acme.qualytics.io',
  elapsedMs: 61_000
}

describe('renderJunit', () => {
  it('has one case per export, named by datastore and asset type, failures as failures', () => {
    const suite = parseJunit(
      renderJunit(
        {
          ...base,
          records: [
            record(1001, 42, 'anomalies', 'success'),
            record(1002, 42, 'checks', 'failure', 'Enrichment unreachable'),
            record(1003, 43, 'profiles', 'warning', 'No profiles'),
            record(1004, 43, 'anomalies', 'aborted', 'Aborted by admin'),
            record(1005, 43, 'checks', 'timeout')
          ]
        },
        redact
      )
    )
    expect(suite['@_name']).toBe('qualytics-export')
    expect(suite).toMatchObject({
      '@_tests': '5',
      '@_failures': '2',
      '@_errors': '1',
      '@_skipped': '0'
    })
    const [ok, failed, warned, aborted, timedOut] = suite.testcase
    expect(ok).toEqual({
      '@_name': 'anomalies of datastore 42 (Sales Warehouse)',
      '@_classname': 'qualytics-export.datastore-42',
      '@_time': '42.500'
    })
    expect(failed?.failure).toMatchObject({
      '@_message': 'Enrichment unreachable',
      '@_type': 'failure'
    })
    expect(failed?.failure?.['#text']).toContain('Operation 1002 (failure).')
    // Names with XML specials survive the round trip.
    expect(warned?.['@_name']).toBe(
      'profiles of datastore 43 (Ops & <Finance>)'
    )
    expect(warned?.failure).toBeUndefined()
    expect(warned?.['system-out']).toContain('No profiles')
    expect(aborted?.failure?.['@_type']).toBe('aborted')
    expect(timedOut?.error?.['@_type']).toBe('timeout')
    expect(suite.properties.property).toEqual({
      '@_name': 'qualytics.host',
      '@_value': 'https://acme.qualytics.io'
    })
  })

  it('fails a warning under fail-on-warning, skips what was not waited for or a dry run', () => {
    const suite = parseJunit(
      renderJunit(
        {
          ...base,
          failOnWarning: true,
          records: [
            record(1, 42, 'checks', 'warning', 'Nothing to export'),
            record(2, 42, 'anomalies', 'running'),
            {
              ...newRecord(
                { datastoreId: 42, assetType: 'profiles' },
                'dry-run'
              )
            },
            record(4, 43, 'checks', 'cancelled')
          ]
        },
        redact
      )
    )
    expect(suite).toMatchObject({
      '@_failures': '1',
      '@_errors': '1',
      '@_skipped': '2'
    })
    const [warned, running, dry, cancelled] = suite.testcase
    expect(warned?.failure?.['@_type']).toBe('warning')
    expect(running?.skipped?.['@_message']).toMatch(/Not waited for/)
    expect(dry?.skipped?.['@_message']).toMatch(/Dry run/)
    expect(cancelled?.error?.['@_type']).toBe('cancelled')
  })

  it('escapes markup, drops what XML cannot carry, and redacts the token', () => {
    const hostile = `<![CDATA[ ]]></failure><injected/>"'&\x1b[31m\x0b\ud800 ${TOKEN} ${Buffer.from(TOKEN).toString('base64')}`
    const xml = renderJunit(
      { ...base, records: [record(7, 42, 'checks', 'failure', hostile)] },
      redact
    )
    const suite = parseJunit(xml)
    const text = suite.testcase[0]?.failure?.['#text'] ?? ''
    expect(text).toContain('<![CDATA[ ]]></failure><injected/>"\'&')
    expect(xml).not.toContain('<injected/>')
    expect(xml).not.toContain(TOKEN)
    expect(xml).not.toContain(Buffer.from(TOKEN).toString('base64'))
    // eslint-disable-next-line no-control-regex
    expect(xml).not.toMatch(/[\x0b\ud800]/u)
  })

  it('shows a run that stopped before any export as one case in error', () => {
    const suite = parseJunit(
      renderJunit(
        {
          ...base,
          records: [],
          problem: `The Qualytics token was rejected (${TOKEN}).`
        },
        redact
      )
    )
    expect(suite).toMatchObject({ '@_tests': '1', '@_errors': '1' })
    expect(suite.testcase[0]?.['@_name']).toBe('preflight')
    expect(suite.testcase[0]?.error?.['@_message']).toMatch(
      /token was rejected/
    )
    expect(JSON.stringify(suite)).not.toContain(TOKEN)
  })
})

describe('renderDotenv', () => {
  it('writes the result and ids in plan order, one variable a line', () => {
    const text = renderDotenv('failure', [
      record(1002, 42, 'checks', 'failure'),
      newRecord({ datastoreId: 43, assetType: 'checks' }, 'failure'),
      record(1001, 43, 'anomalies', 'success')
    ])
    expect(text).toBe(
      [
        'QUALYTICS_EXPORT_RESULT=failure',
        'QUALYTICS_EXPORT_OPERATION_ID=1002',
        'QUALYTICS_EXPORT_OPERATION_IDS=1002,1001',
        'QUALYTICS_EXPORT_DATASTORES=42,43',
        ''
      ].join('\n')
    )
  })

  it('leaves out a list too long for a dotenv report', () => {
    const many = Array.from({ length: 400 }, (_, i) =>
      record(100000 + i, 1000 + i, 'checks', 'success')
    )
    const text = renderDotenv('success', many)
    expect(text).toContain('QUALYTICS_EXPORT_RESULT=success\n')
    expect(text).toContain('QUALYTICS_EXPORT_OPERATION_ID=100000\n')
    expect(text).not.toContain('OPERATION_IDS=')
    expect(text.length).toBeLessThan(5 * 1024)
  })
})

describe('qualytics-export run --junit-file --dotenv-file', () => {
  let sim: QualyticsSimulator | undefined
  afterEach(async () => {
    await sim?.close()
    sim = undefined
  })

  it('writes both reports for a run whose exports partly fail', async () => {
    sim = await startSimulator(checksFail('Enrichment unreachable'))
    const dir = tmpDir()
    const run = await runCli(
      [
        'run',
        '--url',
        sim.url,
        '--datastore',
        '42',
        '--options',
        'anomalies,checks',
        '--poll-interval',
        '1s',
        '--junit-file',
        'report.xml',
        '--dotenv-file',
        'outputs.env'
      ],
      { cwd: dir, env: { QUALYTICS_TOKEN: sim.token } }
    )
    expect(run.code).toBe(1)
    const suite = parseJunit(readFileSync(join(dir, 'report.xml'), 'utf8'))
    expect(suite.testcase.map(c => c['@_name'])).toEqual([
      'anomalies of datastore 42 (Sales Warehouse)',
      'checks of datastore 42 (Sales Warehouse)'
    ])
    expect(suite.testcase[1]?.failure?.['@_message']).toBe(
      'Enrichment unreachable'
    )
    const ids = [...sim.operations.keys()].sort((a, b) => a - b)
    expect(readFileSync(join(dir, 'outputs.env'), 'utf8')).toBe(
      `QUALYTICS_EXPORT_RESULT=failure\nQUALYTICS_EXPORT_OPERATION_ID=${ids[0]}\nQUALYTICS_EXPORT_OPERATION_IDS=${ids.join(',')}\nQUALYTICS_EXPORT_DATASTORES=42\n`
    )
  })

  it('writes a report with the preflight error when the token is refused', async () => {
    sim = await startSimulator()
    const dir = tmpDir()
    const run = await runCli(
      [
        'run',
        '--url',
        sim.url,
        '--datastore',
        '42',
        '--junit-file',
        'report.xml'
      ],
      { cwd: dir, env: { QUALYTICS_TOKEN: 'not-the-token' } }
    )
    expect(run.code).toBe(1)
    const suite = parseJunit(readFileSync(join(dir, 'report.xml'), 'utf8'))
    expect(suite.testcase[0]?.['@_name']).toBe('preflight')
    expect(suite.testcase[0]?.error?.['@_message']).toMatch(/token/i)
  })
})

/**
 * The run as a JUnit XML report, the one test report format that GitLab
 * (pipeline and merge request), Azure Pipelines, Jenkins and Bitbucket all
 * read. Pure: records in, XML out; server text is redacted and capped
 * before it is escaped.
 */
import { durationSeconds } from '../domain/results.js'
import { safeNames, safeRecord } from '../output/records.js'
import type { Redactor } from '../output/redact.js'
import type { OperationRecord, Result } from '../types.js'
import { exportLabel } from './verdict.js'

/** What the report is made of. */
export interface JunitInput {
  records: readonly OperationRecord[]
  datastoreNames: ReadonlyMap<number, string>
  /** The run stopped before any export (preflight, an API error): its message. */
  problem?: string
  /** A warning fails the run (`fail-on-warning`), so it is a failure here too. */
  failOnWarning: boolean
  /** Shown as a property, so a report says which Qualytics it talks about. */
  origin: string
  elapsedMs: number | null
  /** When the run started (ISO 8601), for the suite's timestamp. */
  startedAt?: string
}

/**
 * How a result shows in JUnit. An export that ended `failure` or `aborted`
 * is a test that ran and failed (`<failure>`); one stopped by `timeout` or
 * `cancelled` never reached a verdict, which JUnit calls an error
 * (`<error>`); not waited for (`running`) or a dry run did not run
 * (`<skipped>`). A warning passes with its message as output, unless
 * `fail-on-warning` makes it a failure.
 */
function junitOutcome(
  result: Result,
  failOnWarning: boolean
): 'passed' | 'failure' | 'error' | 'skipped' {
  switch (result) {
    case 'failure':
    case 'aborted':
      return 'failure'
    case 'timeout':
    case 'cancelled':
      return 'error'
    case 'running':
    case 'dry-run':
      return 'skipped'
    case 'warning':
      return failOnWarning ? 'failure' : 'passed'
    default:
      return 'passed'
  }
}

/** Characters XML 1.0 cannot carry at all, escaped or not (and lone surrogates). */
const NOT_XML =
  // eslint-disable-next-line no-control-regex
  /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|[\ud800-\udfff]/gu

/** Text for an attribute or element: no markup, no character XML refuses. */
function xmlText(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\r/g, '&#13;')
}

const attrs = (values: Record<string, string | number | undefined>): string =>
  Object.entries(values)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${xmlText(String(v))}"`)
    .join('')

/** The text of a case: Qualytics' message, then the action's notes, then the id. */
function caseText(record: OperationRecord): string {
  return [
    record.message,
    ...record.notes,
    record.id === null ? null : `Operation ${record.id} (${record.result}).`
  ]
    .filter(Boolean)
    .join('\n')
}

/** The first line of a text, short, for the `message` attribute. */
const headline = (text: string): string => {
  const first = text.split('\n')[0] ?? ''
  return first.length > 200 ? `${first.slice(0, 199)}…` : first
}

function testCase(
  record: OperationRecord,
  names: ReadonlyMap<number, string>,
  failOnWarning: boolean
): string {
  const seconds = durationSeconds(record)
  const open = `    <testcase${attrs({
    classname: `qualytics-export.datastore-${record.datastoreId}`,
    name: exportLabel(record, names),
    time: seconds === null ? undefined : seconds.toFixed(3)
  })}`
  const text = caseText(record)
  const outcome = junitOutcome(record.result, failOnWarning)
  const body =
    outcome === 'passed'
      ? text && record.result !== 'success'
        ? `      <system-out>${xmlText(text)}</system-out>`
        : ''
      : outcome === 'skipped'
        ? `      <skipped${attrs({ message: record.result === 'dry-run' ? 'Dry run: nothing was triggered.' : 'Not waited for: still running in Qualytics.' })}/>`
        : `      <${outcome}${attrs({ message: headline(text) || record.result, type: record.result })}>${xmlText(text || record.result)}</${outcome}>`
  return body ? `${open}>\n${body}\n    </testcase>` : `${open}/>`
}

/**
 * The JUnit XML of a run: one `<testsuite>` named `qualytics-export`, one
 * `<testcase>` per export (classname `qualytics-export.datastore-<id>`,
 * named by asset type and datastore). A run that stopped before any export
 * is one case in error, so the report never shows an empty green suite.
 */
export function renderJunit(input: JunitInput, redact: Redactor): string {
  const names = safeNames(input.datastoreNames, redact)
  const records = input.records.map(r => safeRecord(r, redact))
  const cases = records.map(r => testCase(r, names, input.failOnWarning))
  const counts = { failure: 0, error: 0, skipped: 0 }
  for (const r of records) {
    const outcome = junitOutcome(r.result, input.failOnWarning)
    if (outcome !== 'passed') counts[outcome]++
  }
  if (input.problem !== undefined) {
    const problem = redact(input.problem)
    cases.push(
      `    <testcase${attrs({ classname: 'qualytics-export', name: 'preflight' })}>\n      <error${attrs({ message: headline(problem), type: 'preflight' })}>${xmlText(problem)}</error>\n    </testcase>`
    )
    counts.error++
  }
  const suite = attrs({
    name: 'qualytics-export',
    tests: cases.length,
    failures: counts.failure,
    errors: counts.error,
    skipped: counts.skipped,
    time:
      input.elapsedMs === null
        ? undefined
        : (input.elapsedMs / 1000).toFixed(3),
    timestamp: input.startedAt
  })
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attrs({ name: 'qualytics-export', tests: cases.length, failures: counts.failure, errors: counts.error })}>`,
    `  <testsuite${suite}>`,
    '    <properties>',
    `      <property${attrs({ name: 'qualytics.host', value: redact(input.origin) })}/>`,
    '    </properties>',
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    ''
  ].join('\n')
}

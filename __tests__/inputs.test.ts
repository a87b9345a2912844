/**
 * Bad and hostile input, expired tokens and schedules through the action's
 * entry point, in-process: bad input must be refused before any request.
 * The bundle's own runs are in blackbox/inputs.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { runActionInProcess } from './helpers/action-in-process.js'
import { FastClock } from './helpers/virtual-clock.js'
import type { ActionOptions } from '../simulator/harness.js'
import type { Scenario } from '../simulator/index.js'
import { DEFAULT_TOKEN, type QualyticsSimulator } from '../simulator/index.js'
import { inputsFor, startSimulator } from './helpers/fixtures.js'

/** The file's clock, shared by the action and the simulator: 10x real time. */
const clock = new FastClock(10)
const simulate = (scenario: Partial<Scenario> = {}, durationMs = 400) =>
  startSimulator(scenario, durationMs, clock)
const runAction = (options: Omit<ActionOptions, 'entry' | 'node'>) =>
  runActionInProcess({ ...options, clock })

let sim: QualyticsSimulator
beforeAll(async () => {
  sim = await simulate({}, 200)
})
afterAll(() => sim.close())

const jwt = (claims: object): string =>
  ['{"alg":"HS256","typ":"JWT"}', JSON.stringify(claims)]
    .map(p => Buffer.from(p).toString('base64url'))
    .join('.') + '.c2lnbmF0dXJlLWJ5dGVz'

describe('bad input is refused before any request', () => {
  const cases: Array<[string, Record<string, string>, RegExp]> = [
    [
      'a newline in an id list',
      { datastore: '42\n43' },
      /Invalid input 'datastore': "42\\n43"/
    ],
    [
      'workflow-command text',
      { options: '::error::owned' },
      /Invalid input 'options': ":\u200b:error:\u200b:owned"/
    ],
    [
      'a very long value',
      { datastore: '4'.repeat(5000) },
      /Invalid input 'datastore': is 5000 characters long/
    ],
    [
      'unicode digits',
      { datastore: '４２' },
      /Invalid input 'datastore': "４２" is not an id/
    ],
    [
      'a negative number',
      { 'max-parallel': '-3' },
      /Invalid input 'max-parallel': "-3"/
    ],
    [
      'a fractional id',
      { datastore: '42.5' },
      /Invalid input 'datastore': "42.5"/
    ],
    [
      'an overflowing id',
      { datastore: '9007199254740993' },
      /Invalid input 'datastore': "9007199254740993" is out of range/
    ],
    [
      'an overflowing duration',
      { timeout: '99999999h' },
      /Invalid input 'timeout': "99999999h" is longer than 24h/
    ],
    [
      'a URL with credentials',
      { url: 'https://admin:hunter2@acme.qualytics.io' },
      /Invalid input 'url': must not contain a user name or password/
    ],
    [
      'a javascript: URL',
      { url: 'javascript://alert(1)' },
      /Invalid input 'url': "javascript:\/\/alert\(1\)" must use https:\/\/ or http:\/\//
    ],
    [
      'a URL whose host is not a host name',
      { url: 'ht!tp://x' },
      /Invalid input 'url': "ht!tp:\/\/x" has no valid host name \("ht!tp"\)/
    ],
    [
      'a poll-interval below the floor',
      { 'poll-interval': '1ms' },
      /Invalid input 'poll-interval': "1ms" is shorter than the floor of 200ms/
    ],
    [
      'a file URL',
      { url: 'file:///etc/passwd' },
      /Invalid input 'url':.*must use https/
    ],
    [
      'an unknown time zone',
      { 'schedule-timezone': 'Europe/Atlantis' },
      /Invalid input 'schedule-timezone': "Europe\/Atlantis"/
    ],
    [
      'containers with several datastores',
      { datastore: '42,43', containers: '1' },
      /Invalid input 'containers': only works with a single datastore/
    ]
  ]

  it.each(cases)('%s', async (_, extra, message) => {
    const before = sim.requests.length
    const run = await runAction({ inputs: inputsFor(sim, extra) })
    expect(run.code).toBe(1)
    expect(sim.requests.length).toBe(before)
    expect(run.errors).toHaveLength(1)
    expect(run.errors[0]).toMatch(message)
    expect(run.errors[0]).toMatch(/Nothing was sent to Qualytics/)
    expect(run.stderr).toBe('')
    expect(run.stdout).not.toMatch(/\n\s+at /) // no stack trace
    expect(run.outputs.result).toBe('failure')
    if (extra.url) expect(run.stdout).not.toContain('hunter2')
  })
})

describe('tokens', () => {
  it('refuses an expired JWT before any request, saying when it expired and what to do', async () => {
    const before = sim.requests.length
    const token = jwt({
      sub: 'svc',
      exp: Math.floor(Date.parse('2026-01-02T03:04:05Z') / 1000)
    })
    const run = await runAction({ inputs: inputsFor(sim, { token }) })
    expect(run.code).toBe(1)
    expect(sim.requests.length).toBe(before)
    expect(run.errors.at(-1)).toMatch(
      /token expired on 2026-01-02T03:04:05.000Z.*service token/
    )
  })

  it('warns two weeks ahead of expiry with the date, and still runs', async () => {
    const exp = Math.floor((Date.now() + 5 * 86_400_000) / 1000)
    const token = jwt({ sub: 'svc', exp })
    sim.scenario.token = token
    try {
      const run = await runAction({ inputs: inputsFor(sim, { token }) })
      expect(run.code).toBe(0)
      const day = new Date(exp * 1000).toISOString().slice(0, 10)
      expect(run.warnings.join('\n')).toMatch(
        new RegExp(`token expires on ${day}`)
      )
    } finally {
      sim.scenario.token = DEFAULT_TOKEN
    }
  })
})

describe('scheduled runs', () => {
  it('reads the cron that fired, sets next-run in UTC and shows the schedule in the summary', async () => {
    const run = await runAction({
      inputs: inputsFor(sim, { 'schedule-timezone': 'Asia/Kolkata' }),
      scheduleCron: '30 6 * * 1-5'
    })
    expect(run.code).toBe(0)
    const next = run.outputs['next-run'] ?? ''
    expect(next).toMatch(/^\d{4}-\d\d-\d\dT01:00:00\.000Z$/) // 06:30 IST is 01:00 UTC
    expect(new Date(next).getTime()).toBeGreaterThan(Date.now())
    expect([1, 2, 3, 4, 5]).toContain(
      new Date(Date.parse(next) + 5.5 * 3_600_000).getUTCDay()
    )
    expect(run.summary).toContain('30 6 &#42; &#42; 1-5')
    expect(run.summary).toMatch(/runs at 06:30, Monday through Friday/)
    expect(run.summary).toContain('Asia/Kolkata')
  })

  it('leaves next-run empty when the run was not scheduled', async () => {
    const run = await runAction({ inputs: inputsFor(sim) })
    expect(run.outputs['next-run']).toBe('')
  })
})

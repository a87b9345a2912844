/**
 * Bad and hostile input, expired tokens, secrets and schedules: the bundled
 * action, black-box. Bad input must be refused before any request.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { runAction } from '../helpers/bundle.js'
import {
  DEFAULT_TOKEN,
  type QualyticsSimulator
} from '../../simulator/index.js'
import { inputsFor, startSimulator } from '../helpers/fixtures.js'

let sim: QualyticsSimulator
beforeAll(async () => {
  sim = await startSimulator({}, 200)
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

  it('reads url and token from QUALYTICS_URL and QUALYTICS_TOKEN', async () => {
    const run = await runAction({
      inputs: { datastore: '42', options: 'checks' },
      env: { QUALYTICS_URL: sim.url, QUALYTICS_TOKEN: sim.token }
    })
    expect(run.code).toBe(0)
    expect(run.stdout).toContain(`::add-mask::${sim.token}`)
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

  it('never lets the token out, even when the server echoes it whole, encoded or in part', async () => {
    sim.scenario.echoToken = true
    try {
      const run = await runAction({
        inputs: inputsFor(sim, { datastore: '999' })
      })
      expect(run.code).toBe(1)
      expect(run.errors.join('\n')).toContain('***')
      const seen = [
        run.stdout.replace(`::add-mask::${sim.token}`, ''),
        run.summary,
        JSON.stringify(run.outputs),
        JSON.stringify(run.state)
      ].join('\n')
      for (const leak of [
        sim.token,
        encodeURIComponent(sim.token),
        sim.token.slice(0, 12)
      ]) {
        expect(seen).not.toContain(leak)
      }
    } finally {
      sim.scenario.echoToken = false
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

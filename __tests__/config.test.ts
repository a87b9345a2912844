import { describe, expect, it } from '@jest/globals'
import { parseConfig, type RawInputs } from '../src/core/config/config.js'
import { formatDuration, parseDuration } from '../src/core/config/duration.js'
import { InputError } from '../src/core/errors.js'
import { isValidHost, normalizeBaseUrl } from '../src/core/config/url.js'

const base: RawInputs = {
  url: 'acme.qualytics.io',
  token: 'secret-token-value',
  datastore: '42'
}
const parse = (extra: RawInputs, env = {}) =>
  parseConfig({ ...base, ...extra }, env)
const problem = (extra: RawInputs, env = {}): InputError => {
  try {
    parse(extra, env)
  } catch (error) {
    if (error instanceof InputError) return error
    throw error
  }
  throw new Error('no InputError raised')
}

describe('parseConfig', () => {
  it('applies the contract defaults to empty inputs (scheduled runs have none)', () => {
    const config = parse({
      options: '',
      wait: '',
      timeout: '',
      'poll-interval': ''
    })
    expect(config).toMatchObject({
      apiBase: 'https://acme.qualytics.io/api/',
      datastores: [42],
      assetTypes: ['anomalies', 'checks', 'profiles'],
      includeDeleted: false,
      wait: true,
      pollIntervalMs: 10_000,
      timeoutMs: 30 * 60_000,
      abortOnTimeout: true,
      abortOnCancel: true,
      failOnWarning: false,
      maxParallel: 4,
      dryRun: false,
      scheduleTimezone: 'UTC',
      datastoreTags: [],
      ifRunning: 'wait',
      maxRequestRate: 20,
      verify: true
    })
  })

  it('selects by datastore-tags instead of ids, and reads the 1.1 inputs', () => {
    const config = parse({
      datastore: '',
      'datastore-tags': 'Gold, silver,Gold',
      'if-running': 'TRIGGER',
      'max-request-rate': '0.5',
      verify: 'false'
    })
    expect(config).toMatchObject({
      datastores: [],
      datastoreTags: ['Gold', 'silver'],
      ifRunning: 'trigger',
      maxRequestRate: 0.5,
      verify: false
    })
  })

  it('falls back to QUALYTICS_URL and QUALYTICS_TOKEN', () => {
    const config = parseConfig(
      { datastore: '1' },
      {
        QUALYTICS_URL: 'https://x.qualytics.io/api',
        QUALYTICS_TOKEN: 'tok-from-env'
      }
    )
    expect(config.apiBase).toBe('https://x.qualytics.io/api/')
    expect(config.token).toBe('tok-from-env')
  })

  it('orders and collapses options: checks,all = checks, anomalies, profiles', () => {
    expect(parse({ options: 'checks,all' }).assetTypes).toEqual([
      'checks',
      'anomalies',
      'profiles'
    ])
    expect(
      parse({ options: 'field-profiles, profiles ,ANOMALIES' }).assetTypes
    ).toEqual(['profiles', 'anomalies'])
  })

  it('keeps sub-second poll intervals down to the 200 ms floor', () => {
    expect(parse({ 'poll-interval': '500ms' }).pollIntervalMs).toBe(500)
    expect(parse({ 'poll-interval': '200ms' }).pollIntervalMs).toBe(200)
    expect(parse({ 'poll-interval': '0.2' }).pollIntervalMs).toBe(200)
  })

  it('collapses repeated datastores to their first place', () => {
    expect(parse({ datastore: '43, 42,43' }).datastores).toEqual([43, 42])
  })

  it.each([
    [{ datastore: '' }, 'datastore', 'is empty'],
    [{ datastore: '42,abc' }, 'datastore', '"abc"'],
    [{ datastore: '-4' }, 'datastore', '"-4"'],
    [{ datastore: '4.5' }, 'datastore', '"4.5"'],
    [{ datastore: '99999999999' }, 'datastore', 'out of range'],
    [{ options: 'anomalys' }, 'options', '"anomalys"'],
    [{ wait: 'yes' }, 'wait', '"yes"'],
    [{ 'poll-interval': '0' }, 'poll-interval', 'greater than zero'],
    [{ 'poll-interval': '1ms' }, 'poll-interval', 'floor of 200ms'],
    [{ 'poll-interval': '199ms' }, 'poll-interval', '"199ms"'],
    [{ url: 'ht!tp://x' }, 'url', '"ht!tp"'],
    [{ url: 'https://-bad-.example.com' }, 'url', 'no valid host name'],
    [{ url: 'https://a..b.example' }, 'url', 'no valid host name'],
    [{ url: 'https://under_score.example' }, 'url', 'no valid host name'],
    [{ url: `https://${'a'.repeat(64)}.example` }, 'url', 'no valid host'],
    [{ timeout: '-5m' }, 'timeout', '"-5m"'],
    [{ timeout: '10 minutes' }, 'timeout', '"10 minutes"'],
    [{ 'max-parallel': '0' }, 'max-parallel', '"0"'],
    [{ 'max-parallel': '2.5' }, 'max-parallel', '"2.5"'],
    [
      { 'schedule-timezone': 'Mars/Olympus' },
      'schedule-timezone',
      'Mars/Olympus'
    ],
    [{ datastore: '42,43', containers: '1' }, 'containers', 'single datastore'],
    [{ 'datastore-tags': 'gold' }, 'datastore-tags', 'cannot be combined'],
    [
      { datastore: '', 'datastore-tags': 'gold', containers: '1' },
      'containers',
      'not with datastore-tags'
    ],
    [{ 'if-running': 'skip' }, 'if-running', '"skip"'],
    [{ 'max-request-rate': '0' }, 'max-request-rate', '"0"'],
    [{ 'max-request-rate': 'fast' }, 'max-request-rate', '"fast"'],
    [{ 'max-request-rate': '5000' }, 'max-request-rate', '"5000"'],
    [
      { containers: '1', 'container-tags': 'gold' },
      'container-tags',
      'cannot be combined'
    ],
    [{ url: 'ftp://acme.qualytics.io' }, 'url', 'https://'],
    [{ url: 'https://acme.qualytics.io/?x=1' }, 'url', 'query'],
    [{ token: '' }, 'token', 'is empty']
  ])('refuses %j naming the input %s', (extra, input, fragment) => {
    const error = problem(extra)
    expect(error.input).toBe(input)
    expect(error.message).toContain(fragment)
  })

  it('never quotes the token or URL credentials in an error', () => {
    expect(problem({ token: 'abc def' }).message).not.toContain('abc')
    expect(
      problem({ url: 'https://user:pa55word@acme.qualytics.io' }).message
    ).not.toContain('pa55word')
  })

  it('neutralises workflow-command text and newlines in quoted values', () => {
    const error = problem({ options: 'checks\n::error::pwned' })
    expect(error.message).not.toContain('\n')
    expect(error.message).not.toContain('::error::')
  })

  it('refuses absurdly long values', () => {
    expect(problem({ datastore: '1,'.repeat(5000) }).message).toContain(
      'characters long'
    )
  })
})

describe('durations', () => {
  it.each([
    ['90', 90_000],
    ['90s', 90_000],
    ['15m', 900_000],
    ['2h', 7_200_000],
    ['1h30m', 5_400_000],
    ['500ms', 500],
    ['1.5m', 90_000]
  ])('%s is %d ms', (text, ms) =>
    expect(parseDuration('timeout', text)).toBe(ms)
  )

  it('words', () => {
    expect(formatDuration(850)).toBe('850 ms')
    expect(formatDuration(2_340)).toBe('2.3 s')
    expect(formatDuration(42_000)).toBe('42 s')
    expect(formatDuration(185_000)).toBe('3 min 5 s')
    expect(formatDuration(3_720_000)).toBe('1 h 2 min')
  })
})

describe('normalizeBaseUrl', () => {
  it.each([
    ['acme.qualytics.io', 'https://acme.qualytics.io/api/'],
    ['https://acme.qualytics.io/', 'https://acme.qualytics.io/api/'],
    ['https://acme.qualytics.io/api', 'https://acme.qualytics.io/api/'],
    ['https://acme.qualytics.io/api/', 'https://acme.qualytics.io/api/'],
    [
      'http://10.0.0.5:8000/qualytics/api',
      'http://10.0.0.5:8000/qualytics/api/'
    ]
  ])('%s means %s', (raw, api) =>
    expect(normalizeBaseUrl(raw).apiBase).toBe(api)
  )

  it.each([
    ['bücher.example', 'https://xn--bcher-kva.example/api/'],
    ['https://localhost.:8080', 'https://localhost.:8080/api/'],
    ['http://[2001:db8::1]:8000', 'http://[2001:db8::1]:8000/api/'],
    ['qualytics', 'https://qualytics/api/'],
    ['https://10.1.2.3/api', 'https://10.1.2.3/api/']
  ])('accepts the host of %s', (raw, api) =>
    expect(normalizeBaseUrl(raw).apiBase).toBe(api)
  )

  it('flags plain http except on loopback', () => {
    expect(normalizeBaseUrl('http://qualytics.internal').insecure).toBe(true)
    expect(normalizeBaseUrl('http://127.0.0.1:8080').insecure).toBe(false)
    expect(normalizeBaseUrl('http://localhost:8080').insecure).toBe(false)
    expect(normalizeBaseUrl('http://[::1]:8080').insecure).toBe(false)
    expect(normalizeBaseUrl('https://acme.qualytics.io').insecure).toBe(false)
  })
})

describe('isValidHost', () => {
  it.each([
    ['acme.qualytics.io', true],
    ['xn--bcher-kva.example', true],
    ['qualytics', true],
    ['localhost.', true],
    ['10.0.0.5', true],
    ['[::1]', true],
    ['ht!tp', false],
    ['a..b', false],
    ['-a.example', false],
    ['a-.example', false],
    ['a_b.example', false],
    ['', false],
    [`${'a'.repeat(63)}.example`, true],
    [`${'a'.repeat(64)}.example`, false],
    [Array(64).fill('abc').join('.'), false]
  ])('%s: %s', (host, valid) => expect(isValidHost(host)).toBe(valid))
})

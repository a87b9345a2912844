/**
 * `qualytics-export run`: the bundled CLI against the simulator on
 * 127.0.0.1, through the same core as the action.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import type { QualyticsSimulator } from '../../simulator/index.js'
import { runCli } from '../helpers/cli.js'
import { startSimulator, triggers } from '../helpers/fixtures.js'

let sim: QualyticsSimulator | undefined
afterEach(async () => {
  await sim?.close()
  sim = undefined
})

const env = (s: QualyticsSimulator): Record<string, string> => ({
  QUALYTICS_TOKEN: s.token
})
const base = (s: QualyticsSimulator, ...extra: string[]): string[] => [
  'run',
  '--url',
  s.url,
  '--datastore',
  '42',
  '--poll-interval',
  '1s',
  '--timeout',
  '30s',
  ...extra
]

describe('qualytics-export run', () => {
  it('exports, prints one line per state change in a pipe, and exits 0', async () => {
    sim = await startSimulator()
    const run = await runCli(base(sim, '--options', 'anomalies,checks'), {
      env: env(sim)
    })
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(triggers(sim)).toEqual(
      ['anomalies', 'checks'].map(asset => ({
        type: 'export',
        datastore_id: 42,
        asset_type: asset,
        include_deleted: false
      }))
    )
    const ids = [...sim.operations.keys()].sort((a, b) => a - b)
    for (const [i, asset] of ['anomalies', 'checks'].entries())
      expect(run.stdout).toMatch(
        new RegExp(
          `✅ Export ${ids[i]} · ${asset} of datastore 42 \\(Sales Warehouse\\): success after`
        )
      )
    expect(run.stdout).toMatch(/Token accepted/)
    expect(run.stdout).toMatch(/2 exports ended with result success \(\d/)
    // A pipe gets plain lines: no cursor movement.
    expect(run.stdout).not.toContain('\x1b[')
    expect(`${run.stdout}${run.stderr}`).not.toContain(sim.token)
  })

  it('exits 1 when an export fails, naming the failure', async () => {
    sim = await startSimulator({
      behaviour: ({ assetType }) =>
        assetType === 'checks'
          ? {
              durationMs: 200,
              result: 'failure',
              message: 'Enrichment unreachable'
            }
          : { durationMs: 200, result: 'success' }
    })
    const run = await runCli(base(sim, '--options', 'anomalies,checks'), {
      env: env(sim)
    })
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(
      /❌ Export \d+ · checks of datastore 42.*failure.*Enrichment unreachable/
    )
    expect(run.stdout).toMatch(
      /1 of 2 exports did not succeed after [\d.]+ s: failure \d+\./
    )
  })

  it("--json prints the action's operations rows on stdout and logs on stderr", async () => {
    sim = await startSimulator()
    const run = await runCli(
      base(sim, '--datastore', '43,42', '--options', 'checks', '--json'),
      { env: env(sim) }
    )
    expect(run.code).toBe(0)
    const rows = JSON.parse(run.stdout) as Array<Record<string, unknown>>
    expect(rows.map(r => Object.keys(r))).toEqual(
      rows.map(() => [
        'id',
        'datastore_id',
        'asset_type',
        'result',
        'message',
        'start_time',
        'end_time',
        'duration_seconds',
        'total_containers',
        'count',
        'last_success_at',
        'missed_runs',
        'adopted',
        'table',
        'verified',
        'reused',
        'attempts',
        'retried_ids',
        'notes'
      ])
    )
    expect(rows.map(r => [r.datastore_id, r.asset_type, r.result])).toEqual([
      [43, 'checks', 'success'],
      [42, 'checks', 'success']
    ])
    expect(rows.map(r => r.count)).toEqual([8, 30])
    expect(rows.map(r => r.id).sort()).toEqual(
      [...sim.operations.keys()].sort()
    )
    expect(run.stderr).toMatch(/2 exports ended with result success/)
  })

  it('--dry-run checks token and datastores and triggers nothing', async () => {
    sim = await startSimulator()
    const run = await runCli(base(sim, '--dry-run', '--json'), {
      env: env(sim)
    })
    expect(run.code).toBe(0)
    expect(triggers(sim)).toEqual([])
    expect(sim.requests.map(r => `${r.method} ${r.path}`)).toEqual(
      expect.arrayContaining(['GET /api/users/me', 'GET /api/datastores/42'])
    )
    const rows = JSON.parse(run.stdout) as Array<Record<string, unknown>>
    expect(rows).toEqual(
      ['anomalies', 'checks', 'profiles'].map(asset =>
        expect.objectContaining({
          id: null,
          asset_type: asset,
          result: 'dry-run'
        })
      )
    )
    expect(run.stderr).toMatch(
      /Would export checks of datastore 42 \(Sales Warehouse\)/
    )
  })

  it('--wait false triggers and returns with the ids', async () => {
    sim = await startSimulator({}, 60_000)
    const run = await runCli(
      base(sim, '--wait', 'false', '--options', 'anomalies'),
      {
        env: env(sim)
      }
    )
    expect(run.code).toBe(0)
    const [id] = [...sim.operations.keys()]
    expect(run.stdout).toContain(`not waiting (--wait false). Ids: ${id}`)
  })

  it('fails on a warning only with --fail-on-warning', async () => {
    sim = await startSimulator({
      behaviour: () => ({
        durationMs: 200,
        result: 'success',
        message: '2 containers skipped'
      })
    })
    const lenient = await runCli(base(sim, '--options', 'checks'), {
      env: env(sim)
    })
    expect(lenient.code).toBe(0)
    expect(lenient.stdout).toMatch(
      /⚠️ Export \d+ · checks.*warning.*2 containers skipped/
    )
    const strict = await runCli(
      base(sim, '--options', 'checks', '--fail-on-warning'),
      {
        env: env(sim)
      }
    )
    expect(strict.code).toBe(1)
    expect(strict.stdout).toMatch(/--fail-on-warning is set/)
  })

  it('exits 1 with the hint when preflight refuses a datastore', async () => {
    sim = await startSimulator()
    const run = await runCli(base(sim, '--datastore', '7'), { env: env(sim) })
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/7.*enrichment/i)
    expect(triggers(sim)).toEqual([])
  })

  it('exits 1 when the server refuses the token, without printing it', async () => {
    sim = await startSimulator()
    const token = 'wrong-token-0123456789'
    const run = await runCli(base(sim), { env: { QUALYTICS_TOKEN: token } })
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/401|rejected|token/i)
    expect(`${run.stdout}${run.stderr}`).not.toContain(token.slice(0, 12))
    expect(triggers(sim)).toEqual([])
  })

  it('aborts the running exports on SIGINT and exits 130, as a shell expects of Ctrl-C', async () => {
    sim = await startSimulator({}, 60_000)
    let sent = false
    const run = await runCli(base(sim, '--options', 'anomalies'), {
      env: env(sim),
      onStdout: (out, child) => {
        if (!sent && /⏳ Export \d+ .*running/.test(out)) {
          sent = true
          child.kill('SIGINT')
        }
      }
    })
    expect(sent).toBe(true)
    expect(run.code).toBe(130)
    const [id] = [...sim.operations.keys()]
    expect(sim.requests.map(r => `${r.method} ${r.path}`)).toContain(
      `PUT /api/operations/abort/${id}`
    )
    expect(run.stdout).toMatch(/Interrupted: aborting/)
    expect(run.stdout).toMatch(/did not succeed after .*: cancelled \d+\./)
  })
})

describe('qualytics-export run: refused before any request', () => {
  it('refuses --token and says why, without echoing it', async () => {
    for (const args of [
      ['run', '--token', 's3cret-value', '--datastore', '42'],
      ['run', '--datastore', '42', '--token=s3cret-value']
    ]) {
      const run = await runCli(args)
      expect(run.code).toBe(2)
      expect(run.stderr).toMatch(/--token is not accepted.*QUALYTICS_TOKEN/s)
      expect(run.stderr).not.toContain('s3cret-value')
    }
  })

  it.each([
    [['run', '--bogus'], /Unknown option '--bogus'.*run --help/s],
    [['run', '--datastore'], /'--datastore <value>' argument missing/],
    [
      [
        'run',
        '--url',
        'http://127.0.0.1:9',
        '--datastore',
        '42',
        '--wait',
        'maybe'
      ],
      /--wait: "maybe" is not a boolean/
    ],
    [
      ['run', '--url', 'http://127.0.0.1:9', '--datastore', 'abc'],
      /--datastore: "abc" is not an id/
    ],
    [
      ['run', '--url', 'http://127.0.0.1:9', '--datastore', '42', 'extra'],
      /Unexpected argument 'extra'/
    ],
    [['run', '--url', 'http://127.0.0.1:9'], /--datastore: is empty/],
    [
      [
        'run',
        '--url',
        'http://127.0.0.1:9',
        '--datastore',
        '42',
        '--datastore-tags',
        'gold'
      ],
      /--datastore-tags: cannot be combined with datastore/
    ],
    [
      [
        'run',
        '--url',
        'http://127.0.0.1:9',
        '--datastore-tags',
        'gold',
        '--containers',
        '7'
      ],
      /--containers: only works with a single datastore, not with datastore-tags/
    ],
    [
      ['run', '--url', 'ht!tp://x', '--datastore', '42'],
      /--url: "ht!tp:\/\/x" has no valid host name/
    ],
    [
      [
        'run',
        '--url',
        'http://127.0.0.1:9',
        '--datastore',
        '42',
        '--poll-interval',
        '1ms'
      ],
      /--poll-interval: "1ms" is shorter than the floor of 200ms/
    ]
  ])('exits 2 for %j', async (args, message) => {
    const run = await runCli(args, { env: { QUALYTICS_TOKEN: 'abc123' } })
    expect(run.stderr).toMatch(message)
    expect(run.code).toBe(2)
  })

  it('exits 2 when QUALYTICS_TOKEN is not set', async () => {
    const run = await runCli([
      'run',
      '--url',
      'http://127.0.0.1:9',
      '--datastore',
      '42'
    ])
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/QUALYTICS_TOKEN is not set/)
  })

  it('prints help and the version', async () => {
    const help = await runCli(['run', '--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toMatch(/--poll-interval <duration>/)
    expect(help.stdout).toMatch(/--datastore-tags <tags>/)
    expect(help.stdout).not.toMatch(/--token/)
    const top = await runCli(['--help'])
    expect(top.stdout).toMatch(/Commands:[\s\S]*schedule[\s\S]*remove/)
    const version = await runCli(['--version'])
    const { VERSION } = await import('../../src/core/version.js')
    expect(version.stdout.trim()).toBe(VERSION)
  })
})

describe('how run ends when it stops early', () => {
  it('gives the reachability advice for a network error, not a bare ECONNREFUSED', async () => {
    const { stopText, REACH_ADVICE } = await import('../../src/cli/run.js')
    const refused = Object.assign(
      new Error('connect ECONNREFUSED 127.0.0.1:9'),
      { code: 'ECONNREFUSED' }
    )
    expect(stopText(refused, null)).toEqual({
      problem: 'connect ECONNREFUSED 127.0.0.1:9.',
      advice: REACH_ADVICE
    })
    expect(REACH_ADVICE).toMatch(/^Check that Qualytics is reachable/)
    const { PreflightError } = await import('../../src/core/errors.js')
    const preflight = Object.create(PreflightError.prototype) as InstanceType<
      typeof PreflightError
    >
    Object.assign(preflight, {
      message: 'Token rejected.',
      hint: 'Make a new one.'
    })
    expect(stopText(preflight, null)).toEqual({
      problem: 'Token rejected.',
      advice: 'Make a new one.'
    })
    expect(stopText(refused, 'SIGINT').problem).toMatch(
      /^Interrupted \(SIGINT\)/
    )
  })

  it('exits 128 + the signal number after a signal, else 1 or 0', async () => {
    const { exitCode } = await import('../../src/cli/run.js')
    expect(exitCode(true, 'SIGINT')).toBe(130)
    expect(exitCode(true, 'SIGTERM')).toBe(143)
    expect(exitCode(true, null)).toBe(1)
    expect(exitCode(false, null)).toBe(0)
  })
})

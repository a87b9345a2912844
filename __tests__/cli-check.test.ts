/**
 * `qualytics-export check`: each problem it looks for, caught in a workflow
 * written for the purpose, through the command line's entry point
 * in-process. The bundle's own runs are in blackbox/cli-check.test.ts.
 */
import { describe, expect, it } from '@jest/globals'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { tokenSource } from '../src/cli/workflow-scan.js'
import { runCliInProcess as runCli } from './helpers/cli-in-process.js'
import { tmpDir } from './helpers/cli.js'
import { flowsDir, workflow } from './helpers/check-workflows.js'

/** Run `check` over these files (name -> text). */
async function check(files: Record<string, string>, extra: string[] = []) {
  return runCli(['check', '--dir', 'flows', ...extra], { cwd: flowsDir(files) })
}

describe('qualytics-export check', () => {
  it.each([
    [
      'an invalid cron',
      { cron: '0 6 * * 7' },
      /flows\/a\.yml:3: error: cron '0 6 \* \* 7' day-of-week '7'/
    ],
    ['a macro', { cron: '@daily' }, /error: cron '@daily' macros/],
    [
      'a too-frequent cron',
      { cron: '*/3 * * * *' },
      /error: cron '\*\/3 \* \* \* \*' runs 3 minutes apart/
    ],
    [
      'a literal heartbeat URL',
      { heartbeat: 'https://hc-ping.com/0b7c5e0e-7d3e-4a8b' },
      /error: job export: the heartbeat URL is written in the file/
    ],
    [
      'a literal token',
      { token: 'eyJhbGciOiJIUzI1NiJ9.e30.abc' },
      /error: job export: the token is written in the file/
    ],
    ['no token at all', { token: '' }, /error: job export: no token/],
    [
      'a literal fallback after a secret',
      { token: "${{ secrets.QUALYTICS_TOKEN || 'literal' }}" },
      /error: job export: the token is written in the file/
    ],
    [
      'literal text around an expression',
      { token: "'eyJhbGciOiJIUzI1NiJ9${{ github.sha }}'" },
      /error: job export: the token is written in the file/
    ],
    [
      "a literal in the step's env",
      { env: ['QUALYTICS_TOKEN: eyJhbGciOiJIUzI1NiJ9.e30.abc'] },
      /error: job export: the token is written in the file/
    ],
    [
      'a literal token under a uses: in another letter case',
      {
        uses: 'Qualytics/Qualytics-Export-Action@v1',
        token: 'eyJhbGciOiJIUzI1NiJ9.e30.abc'
      },
      /error: job export: the token is written in the file/
    ],
    [
      'datastore and datastore-tags together',
      { select: "datastore-tags: gold\n          datastore: '42'" },
      /error: job export: datastore and datastore-tags are both set/
    ],
    [
      'an input a scheduled run leaves empty',
      { datastore: '${{ inputs.datastore }}' },
      /error: job export: a scheduled run has no inputs, so datastore is empty/
    ],
    [
      'a bad datastore',
      { datastore: 'forty-two' },
      /error: job export: Invalid input 'datastore': "forty-two" is not an id/
    ],
    [
      'a schedule-timezone the action refuses',
      { scheduleTimezone: 'Mars/Olympus' },
      /error: job export: schedule-timezone 'Mars\/Olympus' is not an IANA/
    ],
    [
      'an unknown time zone',
      { timezone: 'Mars/Olympus' },
      /error: schedule 1: timezone 'Mars\/Olympus' is not an IANA/
    ]
  ])('errors on %s (exit 1)', async (_what, options, finding) => {
    const run = await check({ 'a.yml': workflow(options) })
    expect(run.stdout).toMatch(finding)
    expect(run.code).toBe(1)
  })

  it.each([
    [
      'no workflow_dispatch',
      { dispatch: false },
      /warning: no workflow_dispatch/
    ],
    [
      'minute 0',
      { cron: '0 6 * * *' },
      /warning: cron '0 6 \* \* \*' fires at minute 0/
    ],
    [
      'no concurrency group',
      { concurrency: false },
      /warning: no concurrency group/
    ],
    [
      'a token that is not a secret',
      { token: '${{ vars.TOKEN }}' },
      /warning: job export: the token does not come from a secret/
    ],
    [
      'schedule-timezone that differs from timezone:',
      { timezone: 'Europe/Berlin' },
      /warning: job export: schedule-timezone is 'UTC' but the schedule runs in 'Europe\/Berlin'/
    ]
  ])('warns about %s (exit 0)', async (_what, options, finding) => {
    const run = await check({ 'a.yml': workflow(options) })
    expect(run.stdout).toMatch(finding)
    expect(run.stdout).toMatch(/0 errors, 1 warning in 1 workflow/)
    expect(run.code).toBe(0)
  })

  it.each([
    ["secrets['QUALYTICS_TOKEN']", "${{ secrets['QUALYTICS_TOKEN'] }}"],
    ['an empty fallback', "${{ secrets.QUALYTICS_TOKEN || '' }}"],
    [
      'a secret picked by a format string',
      "${{ secrets[format('{0}_TOKEN', 'QUALYTICS')] }}"
    ],
    ['Secrets in capitals', '${{ Secrets.QUALYTICS_TOKEN }}']
  ])('accepts a token from %s', async (_what, token) => {
    const run = await check({ 'a.yml': workflow({ token }) })
    expect(run.stdout).toBe('0 errors, 0 warnings in 1 workflow.\n')
    expect(run.code).toBe(0)
  })

  it('accepts datastores chosen by tag on a schedule', async () => {
    const run = await check({
      'a.yml': workflow({
        select: "datastore-tags: ${{ inputs.tags || 'gold' }}"
      })
    })
    expect(run.stdout).toBe('0 errors, 0 warnings in 1 workflow.\n')
  })

  it('prints JSON with --json: counts and each finding with its file and line', async () => {
    const run = await check(
      {
        'a.yml': workflow({ cron: '0 6 * * 7' }),
        'b.yml': workflow({ concurrency: false, cron: '23 6 * * *' })
      },
      ['--json']
    )
    expect(run.code).toBe(1)
    const report = JSON.parse(run.stdout) as {
      workflows: number
      errors: number
      warnings: number
      findings: Array<{ path: string; line: number | null; level: string }>
    }
    expect(report).toMatchObject({ workflows: 2, errors: 1, warnings: 1 })
    expect(report.findings).toEqual([
      expect.objectContaining({
        path: 'flows/a.yml',
        line: 3,
        level: 'error',
        message: expect.stringMatching(/^cron '0 6 \* \* 7' day-of-week '7'/)
      }),
      expect.objectContaining({
        path: 'flows/b.yml',
        line: 2,
        level: 'warning',
        message: expect.stringMatching(/^no concurrency group/)
      })
    ])
  })

  it('writes GitHub annotations with --format github, on the line of the step', async () => {
    const run = await check(
      { 'a.yml': workflow({ token: 'eyJhbGciOiJIUzI1NiJ9.e30.abc' }) },
      ['--format', 'github']
    )
    expect(run.code).toBe(1)
    const lines = run.stdout.trimEnd().split('\n')
    expect(lines).toEqual([
      expect.stringMatching(
        /^::error file=flows\/a\.yml,line=12,title=qualytics-export check::job export: the token is written in the file/
      ),
      '1 error, 0 warnings in 1 workflow.'
    ])
    // The token itself is never in the output.
    expect(run.stdout).not.toContain('e30.abc')
  })

  it('escapes annotation text so a value in the file cannot start a command', async () => {
    const run = await check(
      { 'a.yml': workflow({ timezone: '"Mars%0A::warning::x,y"' }) },
      ['--format', 'github']
    )
    const annotations = run.stdout.split('\n').filter(l => l.startsWith('::'))
    expect(annotations).toHaveLength(1)
    expect(annotations[0]).toMatch(/^::error file=flows\/a\.yml,line=3,/)
    expect(annotations[0]).toContain('Mars%250A::warning::x,y')
  })

  it.each([
    [['--format', 'xml'], /--format 'xml' is not one of text, json, github/],
    [['--json', '--format', 'github'], /--json and --format github disagree/]
  ])('refuses %j with exit 2', async (extra, why) => {
    const run = await check({ 'a.yml': workflow() }, extra)
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(why)
  })

  it('catches two schedules that export the same datastore and asset type in the same minute, across time zones', async () => {
    // Kolkata is UTC+5:30 all year: 11:47 there is 06:17 UTC.
    const run = await check({
      'a.yml': workflow({ cron: '17 6 * * *' }),
      'b.yml': workflow({
        cron: '47 11 * * 1',
        timezone: 'Asia/Kolkata',
        scheduleTimezone: 'Asia/Kolkata',
        options: 'checks,anomalies'
      }),
      'c.yml': workflow({ cron: '17 6 * * *', options: 'profiles' }),
      'd.yml': workflow({ cron: '17 6 * * *', datastore: '43' }),
      'e.yml': workflow({ cron: '18 6 * * *' })
    })
    expect(run.code).toBe(1)
    const overlaps = run.stdout
      .split('\n')
      .filter(l => l.includes('same minute'))
    expect(overlaps).toEqual([
      expect.stringMatching(
        /^flows\/b\.yml:\d+: error: cron '47 11 \* \* 1' exports checks of datastore 42 in the same minute as flows\/a\.yml \(cron '17 6 \* \* \*'\), first at Mon \S+ 11:47 Asia\/Kolkata \(06:17 UTC\)/
      )
    ])
  })

  it('reports a workflow whose YAML does not parse', async () => {
    const run = await check({
      'a.yml':
        'jobs:\n  x:\n    steps:\n      - uses: qualytics/qualytics-export-action@v1\n        with: [unclosed\n'
    })
    expect(run.stdout).toMatch(/flows\/a\.yml:6: error: not valid YAML/)
    expect(run.code).toBe(1)
  })

  it('accepts what `schedule` writes', async () => {
    const cwd = tmpDir()
    mkdirSync(join(cwd, '.git'))
    await runCli(
      [
        'schedule',
        '--crontab',
        '17 6 * * *',
        '--datastore',
        '42',
        '--timezone',
        'Europe/Berlin'
      ],
      { cwd }
    )
    const run = await runCli(['check'], { cwd })
    expect(run.stdout).toBe('0 errors, 0 warnings in 1 workflow.\n')
    expect(run.code).toBe(0)
  })
})

describe('where a token comes from', () => {
  it.each([
    ['${{ secrets.QUALYTICS_TOKEN }}', 'secret'],
    ["${{ secrets['QUALYTICS_TOKEN'] }}", 'secret'],
    ['${{ secrets.A || secrets.B }}', 'secret'],
    ["${{ secrets.A || '' }}", 'secret'],
    ['${{ vars.TOKEN }}', 'expression'],
    ["${{ secrets.A || 'x' }}", 'literal'],
    ["${{ secrets.A && 'fallback' }}", 'literal'],
    ["${{ format('{0}', 'eyJhbGciOiJIUzI1NiJ9.e30.sig') }}", 'literal'],
    ['Bearer ${{ secrets.A }}', 'literal'],
    ['${{ secrets.A }}${{ secrets.B }}', 'secret'],
    ['abc${{ github.sha }}', 'literal'],
    ['eyJhbGciOiJIUzI1NiJ9.e30.sig', 'literal'],
    [42, 'literal'],
    ['', 'missing'],
    [undefined, 'missing']
  ])('%j is %s', (value, source) => expect(tokenSource(value)).toBe(source))
})

describe('check points at the place', () => {
  it('prints the line of each finding, as an editor jumps to it', async () => {
    const run = await check({
      'a.yml': workflow({ cron: '0 6 * * 7', dispatch: false })
    })
    expect(run.code).toBe(1)
    // The cron's entry is on line 3; the triggers (`on:`) start on line 2.
    expect(run.stdout.trim().split('\n')).toEqual([
      expect.stringMatching(/^flows\/a\.yml:2: warning: no workflow_dispatch/),
      expect.stringMatching(/^flows\/a\.yml:3: error: cron '0 6 \* \* 7'/),
      '1 error, 1 warning in 1 workflow.'
    ])
  })
})

describe('check points at the place', () => {
  it('prints the line of each finding, as an editor jumps to it', async () => {
    const run = await check({
      'a.yml': workflow({ cron: '0 6 * * 7', dispatch: false })
    })
    expect(run.code).toBe(1)
    // The cron's entry is on line 3; the triggers (`on:`) start on line 2.
    expect(run.stdout.trim().split('\n')).toEqual([
      expect.stringMatching(/^flows\/a\.yml:2: warning: no workflow_dispatch/),
      expect.stringMatching(/^flows\/a\.yml:3: error: cron '0 6 \* \* 7'/),
      '1 error, 1 warning in 1 workflow.'
    ])
  })
})

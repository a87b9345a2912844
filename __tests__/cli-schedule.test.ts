/**
 * `schedule`, `list` and `remove` through the command line's entry point,
 * in-process, in a temp directory. The bundle's own runs, and the
 * generated workflows against GitHub's schema, are in
 * blackbox/cli-schedule.test.ts.
 */
import { describe, expect, it } from '@jest/globals'
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { join } from 'node:path'
import { runCliInProcess as runCli } from './helpers/cli-in-process.js'
import {
  AUDIT,
  SCHEDULE_ARGS,
  tmpDir,
  tmpRepo,
  WORKFLOWS
} from './helpers/cli.js'

/** One row of `list --json`. */
interface Listed {
  name: string
  handWritten: boolean
  path: string
  schedules: Array<{ cron: string; nextRun: string | null }>
  exports: Array<Record<string, string | null>>
}

describe('qualytics-export schedule', () => {
  it('prints the schedule in words and the next three runs in its zone and in UTC', async () => {
    const run = await runCli(SCHEDULE_ARGS, { cwd: tmpRepo() })
    expect(run.stdout).toMatch(
      /Schedule: Runs at 06:17, Monday through Friday \(Asia\/Kolkata\)/
    )
    const runs = run.stdout.match(/^ {2}(Mon|Tue|Wed|Thu|Fri) .*$/gm) ?? []
    expect(runs).toHaveLength(3)
    // Kolkata is UTC+5:30 all year: 06:17 there is 00:47 UTC, same day.
    for (const line of runs)
      expect(line).toMatch(
        /^ {2}\w{3} \d{4}-\d\d-\d\d 06:17 Asia\/Kolkata \(00:47 UTC\)$/
      )
    const days = runs.map(l => Date.parse(l.slice(6, 16)))
    expect(days[1]).toBeGreaterThan(days[0] ?? Infinity)
    expect(run.stdout).not.toMatch(/Warning/)
  })

  it('warns about minute 0 and suggests an off minute; names the file after datastore and options', async () => {
    const cwd = tmpRepo()
    const run = await runCli(
      [
        'schedule',
        '--crontab',
        '0 6 * * *',
        '--datastore',
        '42',
        '--options',
        'checks'
      ],
      { cwd }
    )
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(
      /Warning: cron '0 6 \* \* \*' fires at minute 0.*top of the hour.*e\.g\. '\d+ 6 \* \* \*'/
    )
    expect(
      existsSync(join(cwd, WORKFLOWS, 'qualytics-export-ds42-checks.yml'))
    ).toBe(true)
    const all = await runCli(
      ['schedule', '--crontab', '7 6 * * *', '--datastore', '42,43'],
      { cwd }
    )
    expect(all.stdout).toContain('qualytics-export-ds42-43-all.yml')
  })

  it('refuses to overwrite without --force', async () => {
    const cwd = tmpRepo()
    await runCli(SCHEDULE_ARGS, { cwd })
    const before = readFileSync(join(cwd, AUDIT), 'utf8')
    const again = await runCli(
      [...SCHEDULE_ARGS.slice(0, 2), '23 7 * * *', ...SCHEDULE_ARGS.slice(3)],
      { cwd }
    )
    expect(again.code).toBe(1)
    expect(again.stderr).toMatch(/already exists; add --force/)
    expect(readFileSync(join(cwd, AUDIT), 'utf8')).toBe(before)
    const forced = await runCli(
      [
        ...SCHEDULE_ARGS.slice(0, 2),
        '23 7 * * *',
        ...SCHEDULE_ARGS.slice(3),
        '--force'
      ],
      { cwd }
    )
    expect(forced.code).toBe(0)
    expect(readFileSync(join(cwd, AUDIT), 'utf8')).toContain(
      "cron: '23 7 * * *'"
    )
  })

  it.each([
    [['--crontab', '*/2 * * * *'], /runs 2 minutes apart/],
    [['--crontab', '@daily'], /macros/],
    [['--crontab', '0 6 * * 7'], /0 for Sunday/],
    [
      ['--crontab', '17 6 * * *', '--timezone', 'Mars/Olympus'],
      /--timezone: "Mars\/Olympus" is not an IANA/
    ],
    [
      ['--crontab', '17 6 * * *', '--options', 'everything'],
      /--options: "everything" is not one of/
    ],
    [
      ['--crontab', '17 6 * * *', '--name', '../escape'],
      /--name '\.\.\/escape'/
    ],
    [['--crontab', '17 6 * * *', '--uses', 'not a ref'], /--uses 'not a ref'/]
  ])('refuses %j with exit 2 and writes nothing', async (extra, why) => {
    const cwd = tmpRepo()
    const run = await runCli(['schedule', '--datastore', '42', ...extra], {
      cwd
    })
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(why)
    expect(existsSync(join(cwd, WORKFLOWS))).toBe(false)
  })
})

describe('where schedule writes', () => {
  const args = ['schedule', '--crontab', '17 6 * * *', '--datastore', '42']
  const file = join(WORKFLOWS, 'qualytics-export-ds42-all.yml')

  it("writes to the repository's root from a subfolder, where GitHub reads it", async () => {
    const root = tmpRepo()
    const sub = join(root, 'infra', 'qualytics')
    mkdirSync(sub, { recursive: true })
    const run = await runCli(args, { cwd: sub })
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.stdout).toContain(`Wrote ../../${file}`)
    expect(existsSync(join(root, file))).toBe(true)
    expect(existsSync(join(sub, '.github'))).toBe(false)
    // list and remove find it from the same subfolder.
    const listed = JSON.parse(
      (await runCli(['list', '--json'], { cwd: sub })).stdout
    ) as Listed[]
    expect(listed.map(r => r.name)).toEqual(['ds42-all'])
    const removed = await runCli(['remove', '--name', 'ds42-all'], {
      cwd: sub
    })
    expect(removed.code).toBe(0)
    expect(existsSync(join(root, file))).toBe(false)
  })

  it('refuses outside a repository unless --dir says where', async () => {
    const cwd = tmpDir()
    const run = await runCli(args, { cwd })
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/is not inside a git repository.*give --dir/)
    expect(existsSync(join(cwd, '.github'))).toBe(false)
    const given = await runCli([...args, '--dir', 'flows'], { cwd })
    expect(given.code).toBe(0)
    expect(
      existsSync(join(cwd, 'flows', 'qualytics-export-ds42-all.yml'))
    ).toBe(true)
  })

  it('never writes through a link planted at the file, even with --force', async () => {
    const cwd = tmpRepo()
    const outside = join(tmpDir(), 'victim.txt')
    writeFileSync(outside, 'precious\n')
    mkdirSync(join(cwd, WORKFLOWS), { recursive: true })
    symlinkSync(outside, join(cwd, file))
    for (const extra of [[], ['--force']]) {
      const run = await runCli([...args, ...extra], { cwd })
      expect(run.code).toBe(1)
      expect(run.stderr).toMatch(/is a symbolic link; not writing through it/)
    }
    expect(readFileSync(outside, 'utf8')).toBe('precious\n')
    expect(lstatSync(join(cwd, file)).isSymbolicLink()).toBe(true)
    // A dangling link is refused too (it would create the file outside).
    const dangling = tmpRepo()
    mkdirSync(join(dangling, WORKFLOWS), { recursive: true })
    const target = join(tmpDir(), 'created.yml')
    symlinkSync(target, join(dangling, file))
    expect((await runCli([...args, '--force'], { cwd: dangling })).code).toBe(1)
    expect(existsSync(target)).toBe(false)
  })

  it.each([['.github'], [WORKFLOWS]])(
    'refuses a linked %s folder',
    async linked => {
      const cwd = tmpRepo()
      const elsewhere = tmpDir()
      if (linked === WORKFLOWS) {
        mkdirSync(join(cwd, '.github'))
        mkdirSync(join(elsewhere, 'x'))
      }
      symlinkSync(
        linked === WORKFLOWS ? join(elsewhere, 'x') : elsewhere,
        join(cwd, linked),
        'dir'
      )
      const run = await runCli([...args, '--force'], { cwd })
      expect(run.code).toBe(1)
      expect(run.stderr).toContain(`${linked} is a symbolic link`)
      expect(readdirSync(elsewhere, { recursive: true })).toEqual(
        linked === WORKFLOWS ? ['x'] : []
      )
    }
  )

  it('replaces a regular file with --force, leaving no temporary file behind', async () => {
    const cwd = tmpRepo()
    await runCli(args, { cwd })
    const run = await runCli(
      ['schedule', '--crontab', '23 7 * * *', '--datastore', '42', '--force'],
      { cwd }
    )
    expect(run.code).toBe(0)
    expect(readFileSync(join(cwd, file), 'utf8')).toContain("'23 7 * * *'")
    expect(readdirSync(join(cwd, WORKFLOWS))).toEqual([
      'qualytics-export-ds42-all.yml'
    ])
  })
})

describe('schedule flags for every export input', () => {
  const sha = '0123456789ABCDEF0123456789abcdef01234567'

  it.each([
    [
      ['--datastore', '42', '--pin', 'abc123'],
      /--pin 'abc123' is not a full commit SHA/
    ],
    [
      ['--datastore', '42', '--uses', './', '--pin', sha],
      /--pin needs an owner\/repo@ref/
    ],
    [
      ['--datastore', '42', '--poll-interval', '1ms'],
      /--poll-interval: "1ms" is shorter than the floor of 200ms/
    ],
    [['--datastore', '42', '--max-parallel', '0'], /--max-parallel: "0"/],
    [
      ['--datastore', '42', '--containers', '1', '--container-tags', 'x'],
      /--container-tags: cannot be combined/
    ],
    [
      ['--datastore', '42', '--datastore-tags', 'x'],
      /--datastore-tags: cannot be combined/
    ],
    [[], /--datastore is required.*--datastore-tags/]
  ])('refuses %j with exit 2 and writes nothing', async (extra, why) => {
    const cwd = tmpRepo()
    const run = await runCli(
      ['schedule', '--crontab', '17 6 * * *', ...extra],
      {
        cwd
      }
    )
    expect(run.stderr).toMatch(why)
    expect(run.code).toBe(2)
    expect(existsSync(join(cwd, WORKFLOWS))).toBe(false)
  })
})

describe('a secret input', () => {
  it('is written as a repository secret, never as the value given', async () => {
    const cwd = tmpRepo()
    const url = 'https://hc-ping.com/6f1c2d3e-secret-uuid'
    const run = await runCli(
      [
        'schedule',
        '--crontab',
        '17 6 * * *',
        '--datastore',
        '42',
        '--heartbeat-url',
        url
      ],
      { cwd }
    )
    expect(run.code).toBe(0)
    const [file] = readdirSync(join(cwd, WORKFLOWS))
    const text = readFileSync(join(cwd, WORKFLOWS, file ?? ''), 'utf8')
    expect(text).toContain(
      "heartbeat-url: '${{ secrets.QUALYTICS_HEARTBEAT_URL }}'"
    )
    for (const out of [text, run.stdout, run.stderr])
      expect(out).not.toMatch(/6f1c2d3e|hc-ping/)
    expect(run.stdout).toMatch(
      /the secret QUALYTICS_HEARTBEAT_URL to the --heartbeat-url you gave/
    )
  })

  it('is still checked, and refused without echoing it', async () => {
    const cwd = tmpRepo()
    const run = await runCli(
      [
        'schedule',
        '--crontab',
        '17 6 * * *',
        '--datastore',
        '42',
        '--heartbeat-url',
        'http://hc-ping.com/6f1c2d3e-secret-uuid'
      ],
      { cwd }
    )
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/heartbeat-url/)
    expect(run.stdout + run.stderr).not.toMatch(/6f1c2d3e/)
    expect(existsSync(join(cwd, WORKFLOWS))).toBe(false)
  })
})

describe('qualytics-export list and remove', () => {
  it('round-trips: schedule, list, remove, list', async () => {
    const cwd = tmpRepo()
    await runCli(SCHEDULE_ARGS, { cwd })
    await runCli(['schedule', '--crontab', '29 2 * * 0', '--datastore', '43'], {
      cwd
    })
    const listed = await runCli(['list', '--json'], { cwd })
    expect(listed.code).toBe(0)
    const rows = JSON.parse(listed.stdout) as Listed[]
    expect(rows.map(r => r.name)).toEqual(['daily-audit', 'ds43-all'])
    expect(rows[0]).toMatchObject({
      path: AUDIT,
      schedules: [
        {
          cron: '17 6 * * 1-5',
          timezone: 'Asia/Kolkata',
          description: 'Runs at 06:17, Monday through Friday',
          problem: null
        }
      ],
      exports: [{ datastore: '42', options: 'anomalies,checks' }]
    })
    const next = new Date(rows[0]?.schedules[0]?.nextRun ?? '')
    expect(next.getTime()).toBeGreaterThan(Date.now())
    expect([next.getUTCHours(), next.getUTCMinutes()]).toEqual([0, 47])
    const text = await runCli(['list'], { cwd })
    expect(text.stdout).toMatch(
      /daily-audit .*\n.*cron '17 6 \* \* 1-5' Asia\/Kolkata: Runs at 06:17, Monday through Friday; next /
    )
    expect(text.stdout).toMatch(/exports all of datastore 43/)

    const removed = await runCli(['remove', '--name', 'daily-audit'], { cwd })
    expect(removed.code).toBe(0)
    expect(existsSync(join(cwd, AUDIT))).toBe(false)
    const after = JSON.parse(
      (await runCli(['list', '--json'], { cwd })).stdout
    ) as Listed[]
    expect(after.map(r => r.name)).toEqual(['ds43-all'])
    const again = await runCli(['remove', '--name', 'daily-audit'], { cwd })
    expect(again.code).toBe(1)
    expect(again.stderr).toMatch(
      /no schedule named 'daily-audit'.*Schedules: ds43-all/
    )
  })

  it('lists workflows written by hand, and never removes one it did not write', async () => {
    const cwd = tmpRepo()
    const dir = join(cwd, WORKFLOWS)
    mkdirSync(dir, { recursive: true })
    writeFileSync(
      join(dir, 'ci.yml'),
      'on: [push]\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: ./\n        with:\n          datastore: 7\n'
    )
    writeFileSync(
      join(dir, 'qualytics-export-other.yml'),
      'on: [push]\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo hi\n'
    )
    const rows = JSON.parse(
      (await runCli(['list', '--json'], { cwd })).stdout
    ) as Listed[]
    expect(rows).toEqual([
      expect.objectContaining({
        name: 'ci',
        schedules: [],
        exports: [
          expect.objectContaining({
            datastore: '7',
            options: 'all',
            uses: './'
          })
        ]
      })
    ])
    expect(rows[0]).toMatchObject({ handWritten: true })
    const text = await runCli(['list'], { cwd })
    expect(text.stdout).toMatch(
      /^ci {2}\(\.github\/workflows\/ci\.yml, written by hand: 'remove' leaves it alone\)$/m
    )
    // The name list shows gets an answer that says what it is and what to do.
    const ci = await runCli(['remove', '--name', 'ci'], { cwd })
    expect(ci.code).toBe(1)
    expect(ci.stderr).toMatch(
      /'ci' is \.github\/workflows\/ci\.yml, a workflow written by hand.*git rm \.github\/workflows\/ci\.yml/
    )
    const other = await runCli(['remove', '--name', 'other'], { cwd })
    expect(other.code).toBe(1)
    expect(other.stderr).toMatch(/not deleting it/)
    expect(existsSync(join(dir, 'ci.yml'))).toBe(true)
    expect(existsSync(join(dir, 'qualytics-export-other.yml'))).toBe(true)
  })

  it('never deletes through a linked workflows folder', async () => {
    const cwd = tmpRepo()
    // A real schedule file, reached only through a planted link.
    const real = tmpRepo()
    await runCli(SCHEDULE_ARGS, { cwd: real })
    mkdirSync(join(cwd, '.github'))
    symlinkSync(join(real, WORKFLOWS), join(cwd, WORKFLOWS), 'dir')
    const run = await runCli(['remove', '--name', 'daily-audit'], { cwd })
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(
      /\.github\/workflows is a symbolic link; not following it/
    )
    expect(existsSync(join(real, AUDIT))).toBe(true)
  })

  it('says so when there is nothing to list, and needs --name to remove', async () => {
    const cwd = tmpRepo()
    const list = await runCli(['list'], { cwd })
    expect(list.code).toBe(0)
    expect(list.stdout).toMatch(
      /No workflow in \.github\/workflows uses the export action/
    )
    const remove = await runCli(['remove'], { cwd })
    expect(remove.code).toBe(2)
    expect(remove.stderr).toMatch(/--name is required/)
  })
})

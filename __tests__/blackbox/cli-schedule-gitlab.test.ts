/**
 * `qualytics-export schedule --target gitlab`: the CI file that includes the
 * GitLab component, checked against the component's own spec, and the
 * pipeline schedule it tells the user to create.
 */
import { describe, expect, it } from '@jest/globals'
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { runCli, tmpDir, tmpRepo } from '../helpers/cli.js'
import {
  includeComponent,
  type GitlabJob
} from '../helpers/gitlab-component.js'

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  version: string
}

interface GitlabFile {
  include: Array<{ remote: string; inputs: Record<string, unknown> }>
}

const ARGS = [
  'schedule',
  '--target',
  'gitlab',
  '--crontab',
  '17 6 * * *',
  '--datastore',
  '42,43',
  '--options',
  'anomalies,checks',
  '--timezone',
  'Europe/Berlin',
  '--name',
  'daily-audit',
  '--include-deleted',
  '--max-parallel',
  '2',
  '--timeout',
  '1h'
]

describe('schedule --target gitlab', () => {
  it('writes .gitlab/qualytics-export-<name>.yml at the repository root, including the component', async () => {
    const repo = tmpRepo()
    const sub = join(repo, 'some', 'folder')
    mkdirSync(sub, { recursive: true })
    const run = await runCli(ARGS, { cwd: sub })
    expect([run.code, run.stderr]).toEqual([0, ''])
    const path = join(repo, '.gitlab', 'qualytics-export-daily-audit.yml')
    expect(existsSync(path)).toBe(true)
    const file = parse(readFileSync(path, 'utf8')) as GitlabFile
    const [include] = file.include
    // The component of this release, by a path that exists here.
    expect(include?.remote).toBe(
      `https://raw.githubusercontent.com/qualytics/qualytics-export-action/v${pkg.version}/templates/export.yml`
    )
    expect(existsSync(include?.remote.split(`v${pkg.version}/`)[1] ?? '')).toBe(
      true
    )
    expect(include?.inputs).toEqual({
      rules: [
        {
          if: '$CI_PIPELINE_SOURCE == "schedule" && $QUALYTICS_EXPORT_SCHEDULE == "daily-audit"'
        },
        {
          if: '$CI_PIPELINE_SOURCE == "web" && $QUALYTICS_EXPORT_SCHEDULE == "daily-audit"'
        }
      ],
      'job-name': 'qualytics-export-daily-audit',
      datastore: '42,43',
      options: 'anomalies,checks',
      'include-deleted': true,
      timeout: '1h',
      'max-parallel': 2
    })
    // GitLab would accept these inputs: names, types and options as the spec says.
    const jobs = includeComponent('templates/export.yml', include?.inputs ?? {})
    const job = jobs['qualytics-export-daily-audit'] as GitlabJob
    expect(job.variables).toMatchObject({
      QE_DATASTORE: '42,43',
      QE_TIMEOUT: '1h',
      QE_SWITCHES: 'include-deleted=true fail-on-warning=false dry-run=false'
    })
    expect(job.variables.QE_VALUES).toContain('max-parallel=2 ')
    expect(run.stdout).toContain(
      'Wrote ../../.gitlab/qualytics-export-daily-audit.yml'
    )
    expect(run.stdout).toContain(
      'include:\n    - local: .gitlab/qualytics-export-daily-audit.yml'
    )
  })

  it('prints the pipeline schedule to create, with glab and with the API', async () => {
    const run = await runCli([...ARGS, '--ref', 'production'], {
      cwd: tmpRepo()
    })
    expect(run.code).toBe(0)
    expect(run.stdout).toContain(
      "glab schedule create --description 'Qualytics export daily-audit' --ref 'production' \\\n    --cron '17 6 * * *' --cronTimeZone 'Europe/Berlin' \\\n    --variable 'QUALYTICS_EXPORT_SCHEDULE:daily-audit'"
    )
    expect(run.stdout).toMatch(
      /--data-urlencode 'cron=17 6 \* \* \*' --data-urlencode 'cron_timezone=Europe\/Berlin'[\s\S]*\/pipeline_schedules"/
    )
    expect(run.stdout).toMatch(
      /'key=QUALYTICS_EXPORT_SCHEDULE' --data-urlencode 'value=daily-audit'[\s\S]*\/variables"/
    )
    expect(run.stdout).toMatch(/Next runs:\n {2}\S/)
    expect(run.stdout).toContain('QUALYTICS_URL and QUALYTICS_TOKEN (masked)')
  })

  it('prints the file and the how-to apart with --print, and selects by tags', async () => {
    const run = await runCli(
      [
        'schedule',
        '--target',
        'gitlab',
        '--crontab',
        '41 2 * * 1',
        '--datastore-tags',
        'finance',
        '--print'
      ],
      { cwd: tmpDir() }
    )
    expect(run.code).toBe(0)
    const file = parse(run.stdout) as GitlabFile
    expect(file.include[0]?.inputs).toMatchObject({
      'datastore-tags': 'finance',
      options: 'all'
    })
    expect(run.stderr).toContain('glab schedule create')
    expect(run.stderr).toContain("--cronTimeZone 'UTC'")
  })

  it("checks the cron as for GitHub and refuses GitHub's flags", async () => {
    const base = ['schedule', '--target', 'gitlab', '--datastore', '42']
    const often = await runCli([...base, '--crontab', '* * * * *'], {
      cwd: tmpRepo()
    })
    expect(often.code).toBe(2)
    expect(often.stderr).toMatch(/is not a schedule GitLab runs/)
    const short = await runCli([...base, '--crontab', '0 6 * *'], {
      cwd: tmpRepo()
    })
    expect(short.code).toBe(2)
    const uses = await runCli(
      [...base, '--crontab', '17 6 * * *', '--runs-on', 'self-hosted'],
      { cwd: tmpRepo() }
    )
    expect([uses.code, uses.stderr]).toEqual([
      2,
      expect.stringMatching(/--runs-on does not apply to --target gitlab/)
    ])
    const ref = await runCli(
      [
        'schedule',
        '--crontab',
        '17 6 * * *',
        '--datastore',
        '42',
        '--ref',
        'main'
      ],
      { cwd: tmpRepo() }
    )
    expect([ref.code, ref.stderr]).toEqual([
      2,
      expect.stringMatching(/--ref does not apply to --target github/)
    ])
    // Inputs the component lacks: GitLab would refuse the include, and a
    // secret would sit in a committed file.
    const secret = 'https://hc-ping.com/0b7c5e0e-7d3e-4a8b-9d5e-1f2a3b4c5d6e'
    for (const [flag, value, reason] of [
      ['--heartbeat-url', secret, /masked CI\/CD variable/],
      ['--results-file', 'r.json', /the GitLab component has no such input/]
    ] as const) {
      const repo = tmpRepo()
      const lacking = await runCli(
        [...base, '--crontab', '17 6 * * *', flag, value],
        { cwd: repo }
      )
      expect([lacking.code, lacking.stderr]).toEqual([
        2,
        expect.stringContaining(`${flag} does not apply to --target gitlab: `)
      ])
      expect(lacking.stderr).toMatch(reason)
      expect(existsSync(join(repo, '.gitlab'))).toBe(false)
      expect(lacking.stdout + lacking.stderr).not.toContain(secret)
    }
    const other = await runCli(
      [...base, '--crontab', '17 6 * * *', '--target', 'jenkins'],
      {
        cwd: tmpRepo()
      }
    )
    expect(other.code).toBe(2)
  })
})

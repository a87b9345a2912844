/**
 * `schedule` from the bundle in a temp directory, and the workflows it
 * writes checked with GitHub's own schema (scripts/validate-workflows.ts).
 * Its rules, `list` and `remove` run in-process in ../cli-schedule.test.ts.
 */
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { validateWorkflows } from '../helpers/workflow-steps.js'
import {
  AUDIT,
  runCli,
  SCHEDULE_ARGS,
  tmpRepo,
  WORKFLOWS
} from '../helpers/cli.js'

/** The parts of a generated workflow the tests read. */
interface Workflow {
  on: {
    schedule: unknown[]
    workflow_dispatch: { inputs: Record<string, { default: string }> }
  }
  permissions: unknown
  concurrency: unknown
  jobs: {
    export: {
      'timeout-minutes': number
      steps: Array<{ uses: string; with: Record<string, string> }>
    }
  }
}

describe('qualytics-export schedule', () => {
  it('writes a workflow with the schedule, dispatch inputs and the action wired to them', async () => {
    const cwd = tmpRepo()
    const run = await runCli(SCHEDULE_ARGS, { cwd })
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.stdout).toContain(`Wrote ${AUDIT}`)
    const text = readFileSync(join(cwd, AUDIT), 'utf8')
    expect(text).toContain("cron: '17 6 * * 1-5'")
    const doc = parse(text) as Workflow
    expect(doc.on.schedule).toEqual([
      { cron: '17 6 * * 1-5', timezone: 'Asia/Kolkata' }
    ])
    const inputs = doc.on.workflow_dispatch.inputs
    expect(
      Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, v.default]))
    ).toEqual({
      datastore: '42',
      options: 'anomalies,checks',
      containers: '100,101'
    })
    expect(doc.permissions).toEqual({ contents: 'read' })
    expect(doc.concurrency).toEqual({
      group: 'qualytics-export-daily-audit',
      'cancel-in-progress': false
    })
    const job = doc.jobs.export
    expect(job['timeout-minutes']).toBe(45)
    expect(job.steps[0]?.uses).toBe('qualytics/qualytics-export-action@v1')
    expect(job.steps[0]?.with).toEqual({
      url: '${{ vars.QUALYTICS_URL }}',
      token: '${{ secrets.QUALYTICS_TOKEN }}',
      datastore: "${{ inputs.datastore || '42' }}",
      options: "${{ inputs.options || 'anomalies,checks' }}",
      containers: "${{ inputs.containers || '100,101' }}",
      'schedule-timezone': 'Asia/Kolkata'
    })
  })

  it("passes GitHub's workflow schema (scripts/validate-workflows.ts)", async () => {
    const cwd = tmpRepo()
    await runCli(SCHEDULE_ARGS, { cwd })
    await runCli(
      [
        'schedule',
        '--crontab',
        '3 */6 * * *',
        '--datastore',
        '42,43',
        '--timeout',
        '2h',
        '--uses',
        './'
      ],
      { cwd }
    )
    const files = [
      'qualytics-export-daily-audit.yml',
      'qualytics-export-ds42-43-all.yml'
    ].map(f => join(cwd, WORKFLOWS, f))
    expect(validateWorkflows(files)).toEqual({
      code: 0,
      output: '2 file(s) valid.\n'
    })
    // The second one: a longer timeout gives the job more time, and ./ is accepted.
    const second = parse(readFileSync(files[1] as string, 'utf8')) as Workflow
    expect(second.jobs.export['timeout-minutes']).toBe(135)
    expect(second.jobs.export.steps[0]?.uses).toBe('./')
  })
})

describe('schedule flags for every export input', () => {
  const sha = '0123456789ABCDEF0123456789abcdef01234567'

  it('writes container tags, include-deleted, fail-on-warning, max-parallel, poll-interval and a SHA pin', async () => {
    const cwd = tmpRepo()
    const run = await runCli(
      [
        'schedule',
        '--crontab',
        '17 6 * * *',
        '--datastore',
        '42',
        '--container-tags',
        'pii,finance',
        '--include-deleted',
        '--fail-on-warning',
        '--max-parallel',
        '2',
        '--poll-interval',
        '500ms',
        '--options',
        'checks',
        '--pin',
        sha
      ],
      { cwd }
    )
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const path = join(cwd, WORKFLOWS, 'qualytics-export-ds42-checks.yml')
    const text = readFileSync(path, 'utf8')
    expect(text).toContain(
      `uses: qualytics/qualytics-export-action@${sha.toLowerCase()} # v1\n`
    )
    const doc = parse(text) as Workflow
    expect(doc.jobs.export.steps[0]?.with).toEqual({
      url: '${{ vars.QUALYTICS_URL }}',
      token: '${{ secrets.QUALYTICS_TOKEN }}',
      datastore: "${{ inputs.datastore || '42' }}",
      options: "${{ inputs.options || 'checks' }}",
      'container-tags': "${{ inputs.container-tags || 'pii,finance' }}",
      'include-deleted': 'true',
      'fail-on-warning': 'true',
      'max-parallel': '2',
      'poll-interval': '500ms'
    })
    const options = doc.on.workflow_dispatch.inputs.options as unknown as {
      type: string
      options: string[]
      default: string
    }
    expect(options.type).toBe('choice')
    expect(options.options).toContain('checks')
    expect(options.options).toContain('all')
    expect(options.options).toContain(options.default)
    // The lint hint names a command that works: the npm package, on the major version.
    expect(text).toContain('`npx --yes qualytics-export@1 check`')
    expect(text).not.toMatch(/`npx qualytics-export check`/)
    expect(validateWorkflows([path])).toEqual({
      code: 0,
      output: '1 file(s) valid.\n'
    })
    // And its own check passes it.
    const checked = await runCli(['check'], { cwd })
    expect(checked.stdout).toBe('0 errors, 0 warnings in 1 workflow.\n')
  })

  it('selects datastores by tag, names the file after them, and keeps an odd option order as a choice', async () => {
    const cwd = tmpRepo()
    const run = await runCli(
      [
        'schedule',
        '--crontab',
        '17 6 * * *',
        '--datastore-tags',
        'Gold, Silver',
        '--options',
        'profiles,anomalies'
      ],
      { cwd }
    )
    expect(run.code).toBe(0)
    const path = join(
      cwd,
      WORKFLOWS,
      'qualytics-export-tags-gold-silver-profiles-anomalies.yml'
    )
    const doc = parse(readFileSync(path, 'utf8')) as Workflow
    const step = doc.jobs.export.steps[0]?.with ?? {}
    expect(step['datastore-tags']).toBe(
      "${{ inputs.datastore-tags || 'Gold,Silver' }}"
    )
    expect(step.datastore).toBeUndefined()
    const inputs = doc.on.workflow_dispatch.inputs as Record<
      string,
      { default: string; options?: string[] }
    >
    expect(Object.keys(inputs)).toEqual([
      'datastore-tags',
      'options',
      'containers'
    ])
    expect(inputs.options?.options).toContain('profiles,anomalies')
    const checked = await runCli(['check'], { cwd })
    expect(checked.stdout).toBe('0 errors, 0 warnings in 1 workflow.\n')
    expect(validateWorkflows([path])).toEqual({
      code: 0,
      output: '1 file(s) valid.\n'
    })
  })
})

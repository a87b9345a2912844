/**
 * The GitLab CI/CD component (templates/export.yml): laid out as GitLab's
 * catalog expects, its inputs typed and named like the action's, and its
 * script run in a shell against the simulator, as a GitLab runner would run
 * it, leaving the dotenv report, the summary and a JUnit file.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  writeFileSync
} from 'node:fs'
import { join } from 'node:path'
import { XMLParser } from 'fast-xml-parser'
import type { QualyticsSimulator } from '../../simulator/index.js'
import { renderComponent } from '../../scripts/gitlab-component.js'
import { updateDocs } from '../../scripts/readme-tables.js'
import { INPUTS, type InputSpec } from '../../src/core/config/inputs-table.js'
import { cliEntry } from '../helpers/bundle.js'
import { tmpDir } from '../helpers/cli.js'
import { checksFail, startSimulator, triggers } from '../helpers/fixtures.js'
import {
  includeComponent,
  readComponent,
  type GitlabJob
} from '../helpers/gitlab-component.js'

const COMPONENT = 'templates/export.yml'
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  version: string
}
/** The component's own inputs: the job around the command, not the export. */
const OWN = ['job-name', 'stage', 'rules', 'image', 'version']
/**
 * Action inputs the component leaves out, and why: a GitLab run has no
 * cron of its own to read (the schedule lives in GitLab), the results file
 * is always written (qualytics-export-results.json, an artifact), and a
 * secret belongs in a masked CI/CD variable, never in an input.
 */
const LEFT_OUT = (name: string): boolean =>
  name === 'schedule-timezone' ||
  name === 'results-file' ||
  INPUTS.some(i => i.name === name && Boolean(i.secret))
const EXPORT_INPUTS = INPUTS.filter(i => i.run !== null && !LEFT_OUT(i.name))

describe('the component', () => {
  it('is the one file under templates/, with a spec header and one job', () => {
    expect(readdirSync('templates')).toEqual(['export.yml'])
    const jobs = includeComponent(COMPONENT, { datastore: '42' })
    expect(Object.keys(jobs)).toEqual(['qualytics-export'])
    const named = includeComponent(COMPONENT, {
      datastore: '42',
      'job-name': 'nightly-export'
    })
    expect(Object.keys(named)).toEqual(['nightly-export'])
    expect(named['nightly-export']?.resource_group).toBe('nightly-export')
  })

  it('has an input for each export input of the action, of the same name, type and default', () => {
    const { inputs } = readComponent(COMPONENT)
    expect(Object.keys(inputs).sort()).toEqual(
      [...OWN, ...EXPORT_INPUTS.map(i => i.name)].sort()
    )
    for (const input of EXPORT_INPUTS) {
      const spec = inputs[input.name]
      const form = input.run
      const type =
        form && 'flag' in form
          ? 'boolean'
          : form?.value === '<bool>'
            ? 'boolean'
            : form?.value === '<n>'
              ? 'number'
              : 'string'
      expect([input.name, spec?.type ?? 'string']).toEqual([input.name, type])
      const typed =
        type === 'boolean'
          ? input.default === 'true'
          : type === 'number'
            ? Number(input.default)
            : input.default
      expect([input.name, spec?.default]).toEqual([input.name, typed])
      expect(spec?.description?.length).toBeGreaterThan(10)
    }
    expect(inputs['if-running']?.options).toEqual(['wait', 'trigger'])
    expect(inputs.version?.default).toBe(pkg.version)
  })

  it('passes every export input to the command under its flag: text as a variable each, booleans and numbers as words', () => {
    const job = includeComponent(COMPONENT, { datastore: '42' })[
      'qualytics-export'
    ] as GitlabJob
    const { variables } = job
    const presence = EXPORT_INPUTS.filter(i => i.run && 'flag' in i.run)
    const typed = EXPORT_INPUTS.filter(
      i =>
        i.run &&
        !('flag' in i.run) &&
        (i.run.value === '<bool>' || i.run.value === '<n>')
    )
    const text = EXPORT_INPUTS.filter(
      i => !presence.includes(i) && !typed.includes(i)
    )
    for (const input of text)
      expect(variables).toHaveProperty(
        `QE_${input.name.toUpperCase().replace(/-/g, '_')}`,
        input.name === 'datastore' ? '42' : input.default
      )
    const words = (value: string | undefined): string[] =>
      (value ?? '').split(' ').map(w => w.split('=')[0] ?? '')
    expect(words(variables.QE_VALUES)).toEqual(typed.map(i => i.name))
    expect(words(variables.QE_SWITCHES)).toEqual(presence.map(i => i.name))
    // Every value is a string, as GitLab wants variables.
    for (const value of Object.values(variables))
      expect(typeof value).toBe('string')
    const script = job.script.join('\n')
    const list = /for flag in ([\w -]+); do/.exec(script)?.[1]?.split(' ')
    expect(list).toEqual(text.map(i => i.name))
    // No input is pasted into a command line.
    for (const line of [...job.before_script, ...job.script])
      expect(line).not.toContain('$[[')
  })

  it('runs on Node 24 only in scheduled and manual pipelines by default, keeping every report', () => {
    const job = includeComponent(COMPONENT, { datastore: '42' })[
      'qualytics-export'
    ] as GitlabJob
    expect(job.image).toBe('node:24-slim')
    expect(job.rules).toEqual([
      { if: '$CI_PIPELINE_SOURCE == "schedule"' },
      { if: '$CI_PIPELINE_SOURCE == "web"' }
    ])
    expect(job.artifacts).toEqual({
      when: 'always',
      expose_as: 'Qualytics export',
      paths: [
        'qualytics-export-summary.md',
        'qualytics-export-operations.json',
        'qualytics-export-results.json'
      ],
      reports: {
        junit: 'qualytics-export-junit.xml',
        dotenv: 'qualytics-export.env'
      }
    })
  })

  it('refuses what GitLab would refuse: a wrong type, an unknown input, a value not offered', () => {
    expect(() =>
      includeComponent(COMPONENT, { datastore: '42', wait: 'false' })
    ).toThrow(/'wait' is a boolean/)
    expect(() => includeComponent(COMPONENT, { datastor: '42' })).toThrow(
      /unknown input 'datastor'/
    )
    expect(() =>
      includeComponent(COMPONENT, { datastore: '42', 'if-running': 'skip' })
    ).toThrow(/not one of wait, trigger/)
  })
})

/** Inputs a later release might add, one of each way the component passes them. */
const NEW_INPUTS: InputSpec[] = (
  [
    ['label', '', { value: '<text>', help: 'A label (default none).' }],
    ['keep', 'true', { value: '<bool>', help: 'Keep them (default true).' }],
    ['most', '3', { value: '<n>', help: 'At most this many (default 3).' }],
    ['quiet', 'false', { flag: true, help: 'Print less.' }]
  ] as const
).map(([name, value, run]) => ({
  name,
  since: '1.2',
  default: value,
  description: `The ${name} input.`,
  run,
  schedule: true,
  export: true
}))

describe('the generated parts of the component', () => {
  const text = readFileSync(COMPONENT, 'utf8')

  it('are what npm run docs makes of the input table', () => {
    expect(renderComponent(text)).toBe(text)
  })

  it('take a new input of the table into the spec, the variables and the script', () => {
    const path = join(tmpDir(), 'export.yml')
    writeFileSync(path, renderComponent(text, [...INPUTS, ...NEW_INPUTS]))
    const { inputs } = readComponent(path)
    expect(
      NEW_INPUTS.map(i => [i.name, inputs[i.name]?.type ?? 'string'])
    ).toEqual([
      ['label', 'string'],
      ['keep', 'boolean'],
      ['most', 'number'],
      ['quiet', 'boolean']
    ])
    expect(
      NEW_INPUTS.map(i => [
        inputs[i.name]?.default,
        inputs[i.name]?.description
      ])
    ).toEqual([
      ['', 'A label.'],
      [true, 'Keep them.'],
      [3, 'At most this many.'],
      [false, 'Print less.']
    ])
    const job = includeComponent(path, { datastore: '42', label: 'a b' })[
      'qualytics-export'
    ] as GitlabJob
    expect(job.variables.QE_LABEL).toBe('a b')
    expect(job.variables.QE_VALUES).toMatch(/ keep=true most=3$/)
    expect(job.variables.QE_SWITCHES).toMatch(/ quiet=false$/)
    expect(job.script.join('\n')).toMatch(/for flag in [\w -]* label; do/)
    // GitLab would refuse a boolean input whose default is not a boolean.
    const [, keep] = NEW_INPUTS
    expect(() =>
      renderComponent(text, [...INPUTS, { ...keep!, default: '' }])
    ).toThrow("keep's default '' is not a GitLab boolean")
  })

  it('are named by npm run docs -- --check when stale, and put right by npm run docs', async () => {
    // The component and what it needs; a README without generated parts
    // keeps the run to the component.
    const root = tmpDir()
    for (const entry of ['action.yml', '.prettierrc.json', 'templates'])
      cpSync(entry, join(root, entry), { recursive: true })
    writeFileSync(join(root, 'README.md'), '# Qualytics export\n')
    // A hand edit inside a generated region, and an input missing from the script.
    const stale = text
      .replace('default: 30m', 'default: 1h')
      .replace(' skip-if-fresh; do', '; do')
    expect(stale).not.toBe(text)
    writeFileSync(join(root, COMPONENT), stale)
    expect(await updateDocs(root, false)).toEqual([COMPONENT])
    expect(readFileSync(join(root, COMPONENT), 'utf8')).toBe(stale)
    expect(await updateDocs(root, true)).toEqual([COMPONENT])
    expect(readFileSync(join(root, COMPONENT), 'utf8')).toBe(text)
    expect(await updateDocs(root, false)).toEqual([])
  })
})

/** Run the job's before_script and script in one shell, as a runner does. */
function runJob(
  job: GitlabJob,
  cwd: string,
  env: Record<string, string>
): Promise<{ code: number | null; log: string }> {
  // `qualytics-export` on PATH is the bundle under test, so the install
  // line (`command -v … ||`) is skipped, as in an image that ships it.
  const bin = join(cwd, '.bin')
  mkdirSync(bin)
  writeFileSync(
    join(bin, 'qualytics-export'),
    `#!/bin/sh\nexec "${process.execPath}" "${cliEntry()}" "$@"\n`
  )
  chmodSync(join(bin, 'qualytics-export'), 0o755)
  const child = spawn(
    'sh',
    ['-e', '-c', [...job.before_script, ...job.script].join('\n')],
    {
      cwd,
      env: {
        PATH: `${bin}:/usr/bin:/bin`,
        ...job.variables,
        ...env
      },
      stdio: ['ignore', 'pipe', 'pipe']
    }
  )
  let log = ''
  child.stdout.on('data', (d: Buffer) => (log += d.toString()))
  child.stderr.on('data', (d: Buffer) => (log += d.toString()))
  return new Promise(done => child.on('close', code => done({ code, log })))
}

interface JunitCase {
  '@_name': string
  failure?: { '@_message': string }
}

describe("the component's script against the simulator", () => {
  let sim: QualyticsSimulator | undefined
  afterEach(async () => {
    await sim?.close()
    sim = undefined
  })

  it('fails the job on a failed export and leaves the dotenv report, the summary and JUnit', async () => {
    sim = await startSimulator(checksFail('Enrichment unreachable'))
    const job = includeComponent(COMPONENT, {
      datastore: '42',
      options: 'anomalies,checks',
      'poll-interval': '1s',
      'include-deleted': true
    })['qualytics-export'] as GitlabJob
    const dir = tmpDir()
    // The CI/CD variables a project sets: the URL, the masked token.
    const run = await runJob(job, dir, {
      QUALYTICS_URL: sim.url,
      QUALYTICS_TOKEN: sim.token
    })
    expect(run.code).not.toBe(0)
    expect(run.log).toMatch(
      /checks of datastore 42.*failure.*Enrichment unreachable/
    )
    expect(run.log).not.toContain(sim.token)
    const [anomalies, checks] = [...sim.operations.keys()].sort((a, b) => a - b)
    // The boolean input reached the command as its presence flag.
    expect(triggers(sim)).toEqual(
      ['anomalies', 'checks'].map(asset => ({
        type: 'export',
        datastore_id: 42,
        asset_type: asset,
        include_deleted: true
      }))
    )
    const dotenv = readFileSync(join(dir, job.artifacts.reports.dotenv), 'utf8')
    expect(dotenv).toBe(
      `QUALYTICS_EXPORT_RESULT=failure\nQUALYTICS_EXPORT_OPERATION_ID=${anomalies}\nQUALYTICS_EXPORT_OPERATION_IDS=${anomalies},${checks}\nQUALYTICS_EXPORT_DATASTORES=42\n`
    )
    for (const path of job.artifacts.paths)
      expect([path, existsSync(join(dir, path))]).toEqual([path, true])
    expect(
      readFileSync(join(dir, 'qualytics-export-summary.md'), 'utf8')
    ).toMatch(/Enrichment unreachable/)
    const operations = JSON.parse(
      readFileSync(join(dir, 'qualytics-export-operations.json'), 'utf8')
    ) as Array<{ id: number; result: string }>
    expect(operations.map(o => [o.id, o.result])).toEqual([
      [anomalies, 'success'],
      [checks, 'failure']
    ])
    const junit = new XMLParser({
      ignoreAttributes: false,
      isArray: name => name === 'testcase'
    }).parse(readFileSync(join(dir, job.artifacts.reports.junit), 'utf8')) as {
      testsuites: { testsuite: { testcase: JunitCase[] } }
    }
    const cases = junit.testsuites.testsuite.testcase
    expect(cases.map(c => c['@_name'])).toEqual([
      'anomalies of datastore 42 (Sales Warehouse)',
      'checks of datastore 42 (Sales Warehouse)'
    ])
    expect(cases[0]?.failure).toBeUndefined()
    expect(cases[1]?.failure?.['@_message']).toBe('Enrichment unreachable')
  })

  it('passes with the url input instead of the variable, and a value with shell characters stays a value', async () => {
    sim = await startSimulator()
    const job = includeComponent(COMPONENT, {
      url: sim.url,
      datastore: '43',
      options: 'checks',
      'poll-interval': '1s'
    })['qualytics-export'] as GitlabJob
    const dir = tmpDir()
    const run = await runJob(job, dir, { QUALYTICS_TOKEN: sim.token })
    expect([run.code, run.log]).toEqual([0, expect.stringMatching(/success/)])
    expect(readFileSync(join(dir, 'qualytics-export.env'), 'utf8')).toMatch(
      /^QUALYTICS_EXPORT_RESULT=success$/m
    )
    const hostile = includeComponent(COMPONENT, {
      url: sim.url,
      datastore: '42; touch pwned $(touch pwned2)'
    })['qualytics-export'] as GitlabJob
    const cwd = tmpDir()
    const bad = await runJob(hostile, cwd, { QUALYTICS_TOKEN: sim.token })
    expect(bad.code).toBe(2)
    expect(bad.log).toMatch(/--datastore/)
    expect(readdirSync(cwd).filter(f => f.startsWith('pwned'))).toEqual([])
  })
})

/**
 * Every workflow this repository ships (CI, the examples, the README's) and
 * action.yml pass GitHub's own schema; a broken one is caught; the
 * examples' action steps run as a scheduled run would run them; and CI's
 * self-test job works, step by step, against the simulator.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { spawn, spawnSync } from 'node:child_process'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parse } from 'yaml'
import { documentFiles } from '../../scripts/readme-tables.js'
import { runAction } from '../helpers/bundle.js'
import { parseFileCommand } from '../../simulator/harness.js'
import type { QualyticsSimulator } from '../../simulator/index.js'
import { runCli } from '../helpers/cli.js'
import { startSimulator } from '../helpers/fixtures.js'
import {
  actionStep,
  evaluate,
  readWorkflow,
  scheduledContexts,
  type Contexts,
  type Step,
  stepInputs,
  validateWorkflows
} from '../helpers/workflow-steps.js'

const WORKFLOWS = readdirSync('.github/workflows')
  .filter(f => f.endsWith('.yml'))
  .map(f => join('.github/workflows', f))
const EXAMPLES = readdirSync('examples')
  .filter(f => f.endsWith('.yml'))
  .map(f => join('examples', f))

/** The YAML blocks of the README and docs/ that are whole workflows, as files. */
function readmeWorkflows(dir: string): string[] {
  const readme = documentFiles('.')
    .map(file => readFileSync(file, 'utf8'))
    .join('\n')
  return [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)]
    .map(m => m[1] ?? '')
    .filter(text => /^on:/m.test(text) && /^jobs:/m.test(text))
    .map((text, i) => {
      const file = join(dir, `readme-${i}.yml`)
      writeFileSync(file, text)
      return file
    })
}

describe('workflow files', () => {
  it('all pass GitHub’s schema: CI, the examples, the README’s and action.yml', () => {
    const dir = mkdtempSync(join(tmpdir(), 'qea-readme-'))
    const readme = readmeWorkflows(dir)
    expect(readme.length).toBeGreaterThanOrEqual(6)
    expect(WORKFLOWS.length).toBeGreaterThanOrEqual(4)
    const files = [...WORKFLOWS, ...EXAMPLES, ...readme, 'action.yml']
    const result = validateWorkflows(files)
    expect(result.output).toBe(`${files.length} file(s) valid.\n`)
    expect(result.code).toBe(0)
  })

  it('catches a broken workflow and a broken action.yml', () => {
    const dir = mkdtempSync(join(tmpdir(), 'qea-broken-'))
    const workflow = join(dir, 'broken.yml')
    writeFileSync(
      workflow,
      [
        'on:',
        '  schedule:',
        "    - cron: '0 6 * *'",
        'jobs:',
        '  export:',
        '    runs-on: ubuntu-latest',
        '    timeout-minute: 10',
        '    steps:',
        '      - uses: qualytics/qualytics-export-action@v1',
        '        with:',
        '          datastor: 42',
        ''
      ].join('\n')
    )
    const action = join(dir, 'action.yml')
    writeFileSync(
      action,
      readFileSync('action.yml', 'utf8').replace("'node24'", "'node99'")
    )
    const result = validateWorkflows([workflow, action])
    expect(result.code).toBe(1)
    for (const problem of [
      /broken\.yml:3:\d+: error: Invalid cron expression/,
      /broken\.yml:7:\d+: error: Unexpected value 'timeout-minute'/,
      /broken\.yml:11:\d+: error: Invalid action input 'datastor'/,
      /action\.yml:\d+:\d+: error: .*node99/
    ])
      expect(result.output).toMatch(problem)
  })

  it('give every workflow least-privilege permissions and pinned versions', () => {
    for (const file of [...WORKFLOWS, ...EXAMPLES]) {
      const text = readFileSync(file, 'utf8')
      const workflow = parse(text) as { permissions?: unknown }
      expect([file, workflow.permissions]).not.toEqual([file, undefined])
    }
    // The examples show users the moving major tag; this repository's own
    // workflows pin full commit SHAs, with the release in a comment, as the
    // README's Versioning section tells users to do.
    for (const file of EXAMPLES) {
      const text = readFileSync(file, 'utf8')
      for (const [, uses] of text.matchAll(/^\s*(?:- )?uses: ([^\s#]+)/gm))
        expect(uses).toMatch(/^(\.\/|[\w-]+\/[\w./-]+@v\d+$)/)
    }
    for (const file of WORKFLOWS) {
      const text = readFileSync(file, 'utf8')
      const uses = [...text.matchAll(/^\s*(?:- )?uses: (.+)$/gm)].map(
        m => m[1] ?? ''
      )
      expect(uses.length).toBeGreaterThan(0)
      for (const line of uses)
        expect([file, line]).toEqual([
          file,
          expect.stringMatching(
            /^(\.\/|[\w-]+\/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+)$/
          )
        ])
    }
    for (const file of WORKFLOWS.filter(f => /ci|check-dist/.test(f)))
      expect(readFileSync(file, 'utf8')).toContain(
        'node-version-file: .node-version'
      )
  })

  it('check-dist compares with `id: diff` and uploads the expected dist/ only when it differs', () => {
    const job = readWorkflow('.github/workflows/check-dist.yml').jobs[
      'check-dist'
    ]
    const steps = job?.steps ?? []
    const diff = steps.find(s => s.id === 'diff')
    expect(diff?.run).toContain('git diff --ignore-space-at-eol --exit-code')
    const upload = steps.find(s =>
      s.uses?.startsWith('actions/upload-artifact')
    )
    expect(upload?.if).toContain("steps.diff.outcome == 'failure'")
    expect(steps.indexOf(upload as Step)).toBeGreaterThan(
      steps.indexOf(diff as Step)
    )
  })

  it('release moves the major tag of a published vX.Y.Z release', () => {
    const text = readFileSync('.github/workflows/release.yml', 'utf8')
    const workflow = parse(text) as {
      on: {
        release: { types: string[] }
        workflow_dispatch?: { inputs?: Record<string, unknown> }
      }
      permissions: Record<string, string>
    }
    expect(workflow.on.release.types).toEqual(['published'])
    expect(workflow.permissions).toEqual({ contents: 'write' })
    // Re-pointing or rolling back vX: the same job, dispatched with a tag.
    expect(workflow.on.workflow_dispatch?.inputs?.tag).toMatchObject({
      required: true,
      type: 'string'
    })
    expect(text).not.toMatch(/\$\{\{\s*github\.event\.release\.tag_name\s*\}\}/)
    expect(text).toContain('github.event.release.tag_name || inputs.tag')
    // The script's own logic, run on a tag: vX.Y.Z gives vX.
    const major = spawnSync('bash', ['-c', 'TAG=v12.3.4; echo "${TAG%%.*}"'], {
      encoding: 'utf8'
    }).stdout.trim()
    expect(text).toContain('major="${TAG%%.*}"')
    expect(major).toBe('v12')
    expect(text).toMatch(/git push --force origin "refs\/tags\/\$major"/)
  })

  it('dependabot updates npm and actions, minor and patch grouped', () => {
    const config = parse(readFileSync('.github/dependabot.yml', 'utf8')) as {
      version: number
      updates: Array<{
        'package-ecosystem': string
        groups: Record<string, { 'update-types': string[] }>
      }>
    }
    expect(config.version).toBe(2)
    expect(config.updates.map(u => u['package-ecosystem']).sort()).toEqual([
      'github-actions',
      'npm'
    ])
    for (const update of config.updates)
      expect(
        Object.values(update.groups).map(g => g['update-types'].sort())
      ).toEqual([['minor', 'patch']])
  })
})

describe("the examples pass the project's own check", () => {
  it('no errors and no warnings from `qualytics-export check` (run from the bundle)', async () => {
    const run = await runCli(['check', '--dir', resolve('examples')])
    expect(run.stdout).toBe(
      `0 errors, 0 warnings in ${EXAMPLES.length} workflows.\n`
    )
    expect(run.code).toBe(0)
  })

  it('each recipe fires at its own minute and has a concurrency group', () => {
    const minutes = EXAMPLES.map(file => {
      const doc = parse(readFileSync(file, 'utf8')) as {
        on: { schedule?: Array<{ cron: string; timezone?: string }> }
        concurrency?: { group?: string; 'cancel-in-progress'?: boolean }
      }
      expect(doc.concurrency).toMatchObject({ 'cancel-in-progress': false })
      const entry = doc.on.schedule?.[0]
      return `${entry?.cron} ${entry?.timezone ?? 'UTC'}`
    })
    expect(new Set(minutes).size).toBe(minutes.length)
  })
})

describe('the failure notice recipe', () => {
  let sim: QualyticsSimulator | undefined
  let hook: Server | undefined
  afterEach(async () => {
    await sim?.close()
    hook?.close()
    sim = hook = undefined
  })

  it('posts the result, the operation ids and the run link when the export fails', async () => {
    const workflow = readWorkflow('examples/notify-on-failure.yml')
    const steps = workflow.jobs.export?.steps ?? []
    const notify = steps.find(s => s.run?.includes('curl')) as Step
    expect(notify.if).toBe('failure() || cancelled()')
    sim = await startSimulator({
      behaviour: () => ({
        durationMs: 200,
        result: 'failure',
        message: 'Enrichment datastore unreachable'
      })
    })
    const { step } = actionStep(workflow)
    const contexts = scheduledContexts(
      {},
      {
        'vars.QUALYTICS_URL': sim.url,
        'secrets.QUALYTICS_TOKEN': sim.token
      }
    )
    const run = await runAction({ inputs: stepInputs(step, contexts) })
    expect(run.code).toBe(1)
    const bodies: string[] = []
    hook = createServer((req, res) => {
      let body = ''
      req.on('data', (d: Buffer) => (body += d.toString()))
      req.on('end', () => {
        bodies.push(body)
        res.writeHead(200).end('ok')
      })
    })
    await new Promise<void>(resolve => hook?.listen(0, '127.0.0.1', resolve))
    const { port } = hook.address() as AddressInfo
    const known: Contexts = {
      'secrets.SLACK_WEBHOOK_URL': `http://127.0.0.1:${port}/hook`,
      'github.server_url': 'https://github.com',
      'github.repository': 'acme/exports',
      'github.run_id': '777'
    }
    for (const [name, value] of Object.entries(run.outputs))
      known[`steps.export.outputs.${name}`] = value
    const env = Object.fromEntries(
      Object.entries(notify.env ?? {}).map(([k, v]) => [k, evaluate(v, known)])
    )
    // Asynchronously: the webhook server answers from this process.
    const child = spawn(
      'bash',
      ['--noprofile', '--norc', '-eo', 'pipefail', '-c', notify.run ?? ''],
      { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] }
    )
    let stderr = ''
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    const code = await new Promise<number | null>(resolve =>
      child.on('exit', resolve)
    )
    expect([code, stderr]).toEqual([0, ''])
    expect(bodies).toHaveLength(1)
    const { text } = JSON.parse(bodies[0] ?? '{}') as { text: string }
    expect(text).toContain("ended 'failure'")
    expect(text).toContain(run.outputs['operation-ids'] ?? 'no ids')
    expect(text).toContain('https://github.com/acme/exports/actions/runs/777')
  })
})

describe('CI’s self-test job, step by step', () => {
  let group: number | undefined
  afterEach(() => {
    // The simulator was started in the background by a step: stop its group.
    if (group) process.kill(-group, 'SIGTERM')
    group = undefined
  })

  /** Run a step's script as a runner would (bash -e), in its own process group. */
  async function runStep(
    run: string,
    env: Record<string, string>
  ): Promise<{ code: number | null; log: string }> {
    // A fixed port may be taken here; let the simulator pick one.
    const script = run.replace('--port 8787', '--port 0')
    const child = spawn(
      'bash',
      ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script],
      {
        detached: true,
        env: { ...process.env, ...env },
        stdio: ['ignore', 'pipe', 'pipe']
      }
    )
    group ??= child.pid
    let log = ''
    child.stdout.on('data', (d: Buffer) => (log += d.toString()))
    child.stderr.on('data', (d: Buffer) => (log += d.toString()))
    const code = await new Promise<number | null>(resolve =>
      child.on('exit', resolve)
    )
    return { code, log }
  }

  it('waits for the simulator when its log appears late', async () => {
    const start = (
      readWorkflow('.github/workflows/ci.yml').jobs['self-test']
        ?.steps as Step[]
    ).find(step => step.name === 'Start the Qualytics simulator')
    const launch = 'npx tsx simulator/cli.ts'
    expect(start?.run).toContain(launch)
    // The background shell creates the log only after a second: the step
    // used to read it before it existed and stop under bash -e.
    const late = (start?.run ?? '').replace(launch, `sleep 1 && ${launch}`)
    const dir = mkdtempSync(join(tmpdir(), 'qea-ci-'))
    const envFile = join(dir, 'env')
    writeFileSync(envFile, '')
    const { code, log } = await runStep(late, {
      RUNNER_TEMP: dir,
      GITHUB_ENV: envFile
    })
    expect([code, log]).toEqual([0, expect.any(String)])
    expect(parseEnvFile(readFileSync(envFile, 'utf8'))).toMatchObject({
      QUALYTICS_URL: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/)
    })
  })

  it('starts the simulator, runs `uses: ./` twice and passes its own checks', async () => {
    const steps = readWorkflow('.github/workflows/ci.yml').jobs['self-test']
      ?.steps as Step[]
    const dir = mkdtempSync(join(tmpdir(), 'qea-ci-'))
    const envFile = join(dir, 'env')
    writeFileSync(envFile, '')
    const contexts: Contexts = {}
    for (const step of steps) {
      if (step.uses && step.uses !== './') continue // checkout, setup-node
      if (step.run === 'npm ci') continue
      const jobEnv = parseEnvFile(readFileSync(envFile, 'utf8'))
      if (step.uses === './') {
        const run = await runAction({
          inputs: stepInputs(step, contexts),
          env: jobEnv
        })
        const outcome = run.code === 0 ? 'success' : 'failure'
        if (!step['continue-on-error'])
          expect([step.name, outcome]).toEqual([step.name, 'success'])
        contexts[`steps.${step.id}.outcome`] = outcome
        for (const [name, value] of Object.entries(run.outputs))
          contexts[`steps.${step.id}.outputs.${name}`] = value
        continue
      }
      const env = Object.fromEntries(
        Object.entries(step.env ?? {}).map(([k, v]) => [
          k,
          evaluate(v, contexts)
        ])
      )
      const { code, log } = await runStep(step.run ?? '', {
        ...jobEnv,
        ...env,
        RUNNER_TEMP: dir,
        GITHUB_ENV: envFile
      })
      expect([step.name, code, code === 0 ? '' : log]).toEqual([
        step.name,
        0,
        ''
      ])
    }
    expect(contexts['steps.export.outputs.result']).toBe('success')
    expect(contexts['steps.unlinked.outcome']).toBe('failure')
  })
})

/** `NAME=value` lines and `NAME<<delimiter` blocks of a GITHUB_ENV file. */
function parseEnvFile(text: string): Record<string, string> {
  const env: Record<string, string> = parseFileCommand(text)
  for (const line of text.split('\n')) {
    const match = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line)
    if (match) env[match[1] as string] = match[2] ?? ''
  }
  return env
}

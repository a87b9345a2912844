/**
 * The npm package `qualytics-export`, as a user gets it: packed (from the
 * repository's package.json, README and LICENSE with the bundle built from
 * the source under test as dist/cli), installed into an empty prefix with
 * no registry and an empty cache (the bundle has no runtime dependency),
 * and run from an empty folder with no clone.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawn, spawnSync } from 'node:child_process'
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import type { QualyticsSimulator } from '../../simulator/index.js'
import { parse } from 'yaml'
import { bundleDir } from '../helpers/bundle.js'
import { startSimulator, triggers } from '../helpers/fixtures.js'

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  name: string
  version: string
}
const root = mkdtempSync(join(tmpdir(), 'qea-package-'))
const prefix = join(root, 'prefix')
const BIN = join(prefix, 'bin', 'qualytics-export')
/** No registry to reach: npm must not need one. */
const NPM_ENV = {
  ...process.env,
  npm_config_cache: join(root, 'cache'),
  npm_config_registry: 'http://127.0.0.1:9/',
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_update_notifier: 'false'
}
let packed: string[] = []
let packageJson: Record<string, unknown> = {}

interface Run {
  code: number | null
  stdout: string
  stderr: string
}

/** The installed command, in an empty folder, with a bare environment. */
function installed(
  args: string[],
  env: Record<string, string> = {}
): Promise<Run> {
  const cwd = mkdtempSync(join(root, 'work-'))
  const child = spawn(BIN, args, {
    cwd,
    // The shebang finds node on PATH: this test's node, nothing of the clone.
    env: { PATH: `${dirname(process.execPath)}:/usr/bin:/bin`, ...env },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
  return new Promise((done, fail) => {
    child.on('error', fail)
    child.on('close', code => done({ code, stdout, stderr }))
  })
}

beforeAll(() => {
  const pack = spawnSync(
    'npm',
    ['pack', '--json', '--pack-destination', root],
    {
      encoding: 'utf8',
      env: NPM_ENV
    }
  )
  expect(pack.status).toBe(0)
  const [info] = JSON.parse(pack.stdout) as Array<{
    filename: string
    files: Array<{ path: string }>
  }>
  packed = (info?.files ?? []).map(f => f.path).sort()
  const tarball = join(root, info?.filename ?? '')
  mkdirSync(prefix)
  const install = spawnSync(
    'npm',
    ['install', '--global', '--offline', '--prefix', prefix, tarball],
    { encoding: 'utf8', env: NPM_ENV }
  )
  expect([install.status, install.stderr]).toEqual([0, ''])
  packageJson = JSON.parse(
    readFileSync(
      join(prefix, 'lib', 'node_modules', pkg.name, 'package.json'),
      'utf8'
    )
  ) as Record<string, unknown>
}, 120_000)

afterAll(() => rmSync(root, { recursive: true, force: true }))

describe('npm pack', () => {
  it('holds the command line bundle, its licences, README, LICENSE and package.json only', () => {
    const bundle = readdirSync(join(bundleDir(), 'cli'), { recursive: true })
      .map(f => `dist/cli/${String(f)}`)
      .filter(f => !f.endsWith('.map'))
    expect(packed).toEqual(
      ['LICENSE', 'README.md', 'package.json', ...bundle].sort()
    )
    expect(packed).toContain('dist/cli/licenses.txt')
  })

  it('is a public package named qualytics-export that needs nothing at run time', () => {
    expect(packageJson).toMatchObject({
      name: 'qualytics-export',
      version: pkg.version,
      bin: { 'qualytics-export': 'dist/cli/index.js' },
      type: 'module'
    })
    expect(packageJson.private).toBeUndefined()
    // Everything is bundled: a dependency would send installs to a registry.
    expect(packageJson.dependencies).toBeUndefined()
    expect(readdirSync(join(prefix, 'lib', 'node_modules'))).toEqual([pkg.name])
  })
})

describe('the installed command, in an empty folder', () => {
  let sim: QualyticsSimulator | undefined
  afterAll(async () => sim?.close())

  it('prints its version and help', async () => {
    const version = await installed(['--version'])
    expect(version).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' })
    const help = await installed(['--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toContain(`qualytics-export ${pkg.version}`)
    expect(help.stdout).toMatch(/run\s+Export now/)
    const runHelp = await installed(['run', '--help'])
    expect(runHelp.stdout).toContain('--datastore <ids>')
  })

  it('runs an export against the simulator', async () => {
    sim = await startSimulator({}, 200)
    const run = await installed(
      [
        'run',
        '--url',
        sim.url,
        '--datastore',
        '42',
        '--options',
        'checks',
        '--poll-interval',
        '1s'
      ],
      { QUALYTICS_TOKEN: sim.token }
    )
    expect([run.code, run.stderr]).toEqual([0, ''])
    expect(triggers(sim)).toHaveLength(1)
    expect(run.stdout).toMatch(
      /checks of datastore 42 \(Sales Warehouse\): success/
    )
    expect(run.stdout).not.toContain(sim.token)
  })
})

describe('the release', () => {
  it('publishes the package with provenance, after the tag checks, with NPM_TOKEN only', () => {
    const text = readFileSync('.github/workflows/release.yml', 'utf8')
    const workflow = parse(text) as {
      jobs: Record<
        string,
        {
          needs?: string
          if?: string
          permissions?: Record<string, string>
          steps: Array<{ run?: string; env?: Record<string, string> }>
        }
      >
    }
    const job = workflow.jobs['publish-npm']
    expect(job?.needs).toBe('move-major-tag')
    expect(job?.if).toContain("github.event_name == 'release'")
    expect(job?.permissions).toEqual({ contents: 'read', 'id-token': 'write' })
    const publish = job?.steps.find(s => s.run?.includes('npm publish'))
    expect(publish?.run).toContain('npm publish --provenance --access public')
    expect(publish?.env).toEqual({
      NODE_AUTH_TOKEN: '${{ secrets.NPM_TOKEN }}'
    })
    expect([...text.matchAll(/secrets\.(\w+)/g)].map(m => m[1])).toEqual([
      'NPM_TOKEN'
    ])
    expect(readFileSync('docs/development.md', 'utf8')).toMatch(
      /one secret, `NPM_TOKEN`/
    )
  })
})

/**
 * The simulator as a person runs it: `--help`, usage errors, a JWT-shaped
 * default token, `--token`, `--result`, `--message`; and the operation's
 * `containers[]` and `tags` in the published shapes the vendor CLI reads.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createInterface } from 'node:readline'
import { DEFAULT_TOKEN, READ_ONLY_TOKEN } from '../../simulator/index.js'
import { readTokenExpiry } from '../../src/core/config/token.js'
import { call, closeAll, exportBody, start } from '../helpers/sim-client.js'

/** `tsx simulator/cli.ts` in one process (tsx's own command starts two). */
const SIMULATOR = ['--import', 'tsx', 'simulator/cli.ts']
let child: ChildProcess | undefined

afterEach(async () => {
  child?.kill('SIGTERM')
  child = undefined
  await closeAll()
})

/** Start the CLI and read its first line, `{"url":...,"token":...}`. */
async function startCli(
  args: string[]
): Promise<{ url: string; token: string }> {
  child = spawn(process.execPath, [...SIMULATOR, '--port', '0', ...args], {
    stdio: ['ignore', 'pipe', 'pipe']
  })
  const lines = createInterface({ input: child.stdout! })
  const first = await new Promise<string>((resolve, reject) => {
    lines.once('line', resolve)
    child!.once('exit', code => reject(new Error(`exited ${code}`)))
  })
  return JSON.parse(first) as { url: string; token: string }
}

describe('simulator: command line', () => {
  it('--help lists its options, datastores and tokens, and exits 0', () => {
    const run = spawnSync(process.execPath, [...SIMULATOR, '--help'], {
      encoding: 'utf8'
    })
    expect(run.status).toBe(0)
    expect(run.stderr).toBe('')
    for (const option of ['--token', '--result', '--message', '--port'])
      expect(run.stdout).toContain(option)
    expect(run.stdout).toMatch(
      /42 {2}Sales Warehouse: linked to enrichment datastore 100/
    )
    expect(run.stdout).toMatch(/7 {2}Legacy CRM: no enrichment link/)
    expect(run.stdout).toContain(DEFAULT_TOKEN)
    expect(run.stdout).toContain(READ_ONLY_TOKEN)
  })

  it('answers a mistyped option with a usage line, not a stack trace', () => {
    const run = spawnSync(
      process.execPath,
      [...SIMULATOR, '--resutl', 'failure'],
      {
        encoding: 'utf8'
      }
    )
    expect(run.status).toBe(2)
    expect(run.stderr).toMatch(
      /^simulator: Unknown option '--resutl' \(see --help\)\n$/
    )
    const bad = spawnSync(
      process.execPath,
      [...SIMULATOR, '--result', 'maybe'],
      {
        encoding: 'utf8'
      }
    )
    expect(bad.status).toBe(2)
    expect(bad.stderr).toContain(
      '--result must be one of success, failure, aborted'
    )
  })

  it('defaults to a JWT-shaped token without exp, as Qualytics "Never" tokens are', () => {
    const [header, claims, signature] = DEFAULT_TOKEN.split('.')
    expect(signature).toMatch(/^[A-Za-z0-9_-]+$/)
    expect(JSON.parse(Buffer.from(header!, 'base64url').toString())).toEqual({
      alg: 'HS256',
      typ: 'JWT'
    })
    const payload = JSON.parse(
      Buffer.from(claims!, 'base64url').toString()
    ) as object
    expect(payload).not.toHaveProperty('exp')
    expect(readTokenExpiry(DEFAULT_TOKEN, Date.now())).toEqual({
      state: 'unknown'
    })
  })

  it('is the token .env.example gives local-action', () => {
    const env = readFileSync('.env.example', 'utf8')
    expect(/^INPUT_TOKEN=(.*)$/m.exec(env)?.[1]).toBe(DEFAULT_TOKEN)
  })

  it('queues each export for --queued milliseconds first (0: none)', async () => {
    const trigger = async (args: string[]): Promise<string | undefined> => {
      const { url, token } = await startCli(args)
      const res = await fetch(`${url}/api/operations/run`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json'
        },
        body: JSON.stringify(exportBody(42, 'anomalies'))
      })
      child?.kill('SIGTERM')
      return ((await res.json()) as { result?: string }).result
    }
    expect(await trigger(['--queued', '90000'])).toBe('queued')
    expect(await trigger(['--queued', '0'])).toBe('running')
    const bad = spawnSync(
      process.execPath,
      [...SIMULATOR, '--queued', 'soon'],
      {
        encoding: 'utf8'
      }
    )
    expect(bad.status).toBe(2)
    expect(bad.stderr).toContain(
      "--queued must be a non-negative number, got 'soon'"
    )
  })

  it('accepts --token and ends every export as --result and --message say', async () => {
    const { url, token } = await startCli([
      '--token',
      'my.own.token',
      '--result',
      'failure',
      '--message',
      'disk full',
      '--duration',
      '50'
    ])
    expect(token).toBe('my.own.token')
    const post = (auth: string): Promise<Response> =>
      fetch(`${url}/api/operations/run`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${auth}`,
          'content-type': 'application/json'
        },
        body: JSON.stringify(exportBody(42, 'anomalies'))
      })
    expect((await post(DEFAULT_TOKEN)).status).toBe(401)
    const created = (await (await post(token)).json()) as { id: number }
    let op: { result?: string; message?: string | null } = {}
    for (let i = 0; i < 50 && op.result !== 'failure'; i++) {
      await new Promise(r => setTimeout(r, 50))
      op = (await (
        await fetch(`${url}/api/operations/${created.id}`, {
          headers: { authorization: `Bearer ${token}` }
        })
      ).json()) as typeof op
    }
    expect(op).toMatchObject({ result: 'failure', message: 'disk full' })
  })
})

describe('simulator: published shapes', () => {
  it('gives containers[] as container stubs and tags as objects, or null', async () => {
    const sim = await start()
    const withIds = await call(sim, 'POST', '/api/operations/run', {
      body: { ...exportBody(42), container_ids: [5, 6] }
    })
    const got = await call(sim, 'GET', `/api/operations/${withIds.body.id}`)
    expect(got.body.containers).toEqual(
      [5, 6].map(id =>
        expect.objectContaining({
          id,
          name: expect.any(String),
          container_type: 'table',
          table_type: 'table',
          deleted_at: null,
          volumetric_tracking_enabled: expect.any(Boolean),
          freshness_tracking_enabled: expect.any(Boolean)
        })
      )
    )
    expect(got.body.tags).toBeNull()
    const withTags = await call(sim, 'POST', '/api/operations/run', {
      body: { ...exportBody(43), container_tags: ['pii', 'finance'] }
    })
    const tagged = await call(sim, 'GET', `/api/operations/${withTags.body.id}`)
    expect(tagged.body.tags).toEqual(
      ['pii', 'finance'].map(name =>
        expect.objectContaining({
          id: expect.any(Number),
          name,
          type: 'global'
        })
      )
    )
    expect(tagged.body.containers).toBeNull()
  })
})

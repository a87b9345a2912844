/* eslint-disable no-control-regex -- the point of these tests is control characters */
/**
 * One way out, black-box against dist/: a hostile server puts workflow
 * commands, Markdown, control sequences, the token (in other letter cases,
 * encoded, HTML-special) and megabytes into every string it answers. None
 * of it may act as a command, render, reach a terminal as a sequence, leak
 * the token or blow past GitHub's limits.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { runAction } from '../helpers/bundle.js'
import type { ActionRun } from '../../simulator/harness.js'
import { runCli, tmpDir } from '../helpers/cli.js'
import { startHostileServer, type Exchange } from '../helpers/hostile-server.js'

/** A token with every HTML and JSON special in it. */
const TOKEN = `Zq7&Kx<Lm>"Np'Rs\\Tv-Wy9Ab3Cd5Ef`

/** What a hostile Qualytics puts in its strings. */
const EVIL = [
  TOKEN.toUpperCase(),
  TOKEN.toLowerCase(),
  encodeURIComponent(TOKEN),
  '::error::forged error',
  '\n::warning::forged warning',
  '\r::notice::forged notice',
  '\u2028::add-mask::secret-to-hide',
  '::stop-commands::pwned',
  '##[error]forged legacy',
  '\u0085##[warning]forged legacy two',
  '\n\n[phish](http://evil.example/login)',
  '\n\n![](http://evil.example/pixel.png)',
  '\x1b[2K\x1b[1A\x1b[32m✅ success\x1b[0m',
  '\x1b]52;c;cGF5bG9hZA==\x07',
  '\x9b31m',
  '\v\f end'
].join(' ')

interface Script {
  name: string
  message: string
  /** Ms the export keeps running. */
  runMs?: number
}

/** A server whose datastore name and operation message are `EVIL` (or as given). */
function hostile(script: Script) {
  let startedAt = 0
  return startHostileServer(
    (req: IncomingMessage, res: ServerResponse, { json }: Exchange) => {
      if (req.url === '/api/users/me') {
        json({ id: 1, name: script.name, role: script.name })
        return true
      }
      if (req.url === '/api/datastores/42') {
        json({
          id: 42,
          name: script.name,
          enrich_datastore: { id: 9, name: 'E' }
        })
        return true
      }
      if (req.method === 'POST' && req.url === '/api/operations/run') {
        startedAt = Date.now()
        json({
          id: 6,
          result: 'running',
          end_time: null,
          type: 'export',
          datastore_id: 42,
          asset_type: 'anomalies'
        })
        return true
      }
      if (req.url === '/api/operations/6') {
        const running = Date.now() - startedAt < (script.runMs ?? 0)
        json({
          id: 6,
          type: 'export',
          datastore_id: 42,
          asset_type: 'anomalies',
          result: running ? 'running' : 'failure',
          message: running ? null : script.message,
          start_time: new Date(startedAt).toISOString(),
          end_time: running ? null : new Date().toISOString()
        })
        return true
      }
      return false
    }
  )
}

const inputs = (url: string, extra: Record<string, string> = {}) => ({
  url,
  token: TOKEN,
  datastore: '42',
  options: 'anomalies',
  'poll-interval': '200ms',
  ...extra
})

/** Every form of the token a leak could take, lowercased. */
const FORMS = [
  TOKEN,
  encodeURIComponent(TOKEN),
  Buffer.from(TOKEN).toString('base64'),
  TOKEN.replace(/&/g, '&amp;').replace(/</g, '&lt;'),
  TOKEN.replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`),
  JSON.stringify(TOKEN).slice(1, -1)
].map(f => f.toLowerCase())

function expectNoToken(text: string, where: string): void {
  const lower = text.toLowerCase()
  for (const form of FORMS)
    expect({ where, leaked: lower.includes(form) }).toEqual({
      where,
      leaked: false
    })
  // Eight characters of the token in a row are a leak too.
  expect({ where, part: lower.includes('wy9ab3cd') }).toEqual({
    where,
    part: false
  })
}

/** The log lines that GitHub's runner would read as a workflow command. */
function commands(stdout: string): string[] {
  return stdout
    .split(/\r\n|[\n\r\u2028\u2029\u0085\v\f]/)
    .filter(l => l.trimStart().startsWith('::'))
}

function expectOnlyOwnCommands(run: ActionRun): void {
  const own =
    /^::(error|warning)( title=[^:]*)?::|^::(group|endgroup)::|^::add-mask::|^::stop-commands::[0-9a-f-]{36}$|^::[0-9a-f-]{36}::$/
  for (const line of commands(run.stdout)) {
    expect({ line, own: own.test(line) }).toEqual({ line, own: true })
    // After its own command word, no line holds another `::`.
    const payload = line.replace(own, '')
    expect({ line, inner: payload.includes('::') }).toEqual({
      line,
      inner: false
    })
  }
  expect(run.stdout).not.toContain('##[')
  expect(run.stdout).not.toMatch(/\x1b|\x07|\x9b/)
  // Masks are ours: the token forms only.
  const masks = commands(run.stdout).filter(l => l.startsWith('::add-mask::'))
  for (const mask of masks)
    expect(FORMS).toContain(
      // @actions/core escapes % in command data.
      mask.slice('::add-mask::'.length).replace(/%25/g, '%').toLowerCase()
    )
  // Every ::stop-commands:: is resumed.
  const stops = commands(run.stdout).filter(l =>
    l.startsWith('::stop-commands::')
  )
  for (const stop of stops)
    expect(run.stdout).toContain(
      `\n::${stop.slice('::stop-commands::'.length)}::`
    )
}

/** stdout without the runner masks (which must hold the token). */
const withoutMasks = (stdout: string): string =>
  stdout
    .split('\n')
    .filter(l => !l.startsWith('::add-mask::'))
    .join('\n')

function expectNoTokenAnywhere(run: ActionRun): void {
  expectNoToken(withoutMasks(run.stdout), 'stdout')
  expectNoToken(run.stderr, 'stderr')
  expectNoToken(JSON.stringify(run.outputs), 'outputs')
  expectNoToken(JSON.stringify(run.state), 'state')
  expectNoToken(run.summary, 'summary')
}

function expectInertSummary(summary: string, origin: string): void {
  expect(summary).toContain('<h2>')
  // One HTML block: no blank line (after it Markdown would render).
  expect(summary.trimEnd()).not.toMatch(/\n\s*\n/)
  // The only links are the ones the action builds: our own origin, numeric ids.
  const links = [...summary.matchAll(/<a\b[^>]*>/gi)].map(m => m[0])
  for (const link of links)
    expect(link).toMatch(
      new RegExp(
        `^<a href="${origin.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/(datastores/\\d+/activity\\?operation_id=\\d+)?">$`
      )
    )
  expect(summary.replace(/<a href="[^"]*">/g, '')).not.toMatch(
    /<a\b|<img\b|\]\(|!\[/i
  )
  expect(summary).not.toMatch(/\x1b|\x07/)
}

describe('the action writes server text as data, never commands', () => {
  it('forged commands, Markdown and sequences in a datastore name and a message stay inert', async () => {
    const server = await hostile({ name: `DS ${EVIL}`, message: EVIL })
    try {
      const run = await runAction({ inputs: inputs(server.url) })
      expect(run.code).toBe(1)
      expect(run.outputs.result).toBe('failure')
      expectOnlyOwnCommands(run)
      expectNoTokenAnywhere(run)
      expectInertSummary(run.summary, server.url)
      // The message is still Qualytics' text (redacted), valid JSON.
      const rows = JSON.parse(run.outputs.operations ?? '') as {
        message: string
      }[]
      expect(rows[0]?.message).toContain('forged error')
      expect(rows[0]?.message).toContain('***')
      // The group title names the datastore, neutralised.
      expect(run.stdout).toMatch(/^::group::.*DS .*\*\*\*/m)
      // The multi-line message is shown as lines, inside ::stop-commands::.
      expect(run.stdout).toMatch(/^::stop-commands::[0-9a-f-]{36}$/m)
      // A short run has no heartbeat.
      expect(run.stdout).not.toMatch(/still running, /)
    } finally {
      await server.close()
    }
  }, 30_000)

  it('a 3 MB message yields small outputs, log and summary', async () => {
    const huge = `${TOKEN.toUpperCase()} ${'lorem ipsum '.repeat(260_000)} ${TOKEN}`
    const server = await hostile({ name: 'DS', message: huge })
    try {
      const run = await runAction({ inputs: inputs(server.url) })
      expect(run.code).toBe(1)
      for (const value of Object.values(run.outputs))
        expect(Buffer.byteLength(value)).toBeLessThan(1_000_000)
      const rows = JSON.parse(run.outputs.operations ?? '') as {
        message: string
      }[]
      expect(rows[0]?.message.length).toBeLessThan(4200)
      expect(rows[0]?.message).toMatch(/\[cut: \d+ more characters\]$/)
      expect(run.stdout.length).toBeLessThan(100_000)
      expect(run.summary.length).toBeLessThan(50_000)
      expectNoTokenAnywhere(run)
    } finally {
      await server.close()
    }
  }, 30_000)

  it('says every so often that a long export still runs', async () => {
    const server = await hostile({ name: 'DS', message: 'done', runMs: 3500 })
    try {
      const run = await runAction({
        inputs: inputs(server.url),
        env: { QUALYTICS_HEARTBEAT_MS: '1000' }
      })
      expect(run.stdout).toMatch(/^The export is still running, \d/m)
    } finally {
      await server.close()
    }
  }, 30_000)
})

describe('the command line writes server text as data', () => {
  it('no control sequence or token reaches the terminal; each final line is printed once; --summary-file', async () => {
    const server = await hostile({ name: `DS ${EVIL}`, message: EVIL })
    const dir = tmpDir()
    const file = join(dir, 'summary.md')
    try {
      const run = await runCli(
        [
          'run',
          '--datastore',
          '42',
          '--options',
          'anomalies',
          '--poll-interval',
          '200ms',
          '--summary-file',
          file
        ],
        { env: { QUALYTICS_URL: server.url, QUALYTICS_TOKEN: TOKEN } }
      )
      expect(run.code).toBe(1)
      for (const [where, text] of [
        ['stdout', run.stdout],
        ['stderr', run.stderr]
      ] as const) {
        expect({
          where,
          control: /[\x00-\x08\x0b-\x1f\x7f-\x9f]/.test(text)
        }).toEqual({ where, control: false })
        expectNoToken(text, where)
      }
      // Printed once (it was printed twice: by the progress and again below it).
      expect(run.stdout.match(/Export 6 · .*: failure/g)).toHaveLength(1)
      expect(existsSync(file)).toBe(true)
      const summary = readFileSync(file, 'utf8')
      expectInertSummary(summary, server.url)
      expectNoToken(summary, 'summary file')
      expect(summary).toContain('Qualytics export: failure')
    } finally {
      await server.close()
    }
  }, 30_000)

  it('--json keeps stdout valid JSON without sequences or token', async () => {
    const server = await hostile({ name: 'DS', message: EVIL })
    try {
      const run = await runCli(
        [
          'run',
          '--datastore',
          '42',
          '--options',
          'anomalies',
          '--poll-interval',
          '200ms',
          '--json'
        ],
        { env: { QUALYTICS_URL: server.url, QUALYTICS_TOKEN: TOKEN } }
      )
      const rows = JSON.parse(run.stdout) as { message: string }[]
      expect(rows[0]?.message).toContain('forged error')
      expect(run.stdout).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/)
      expectNoToken(run.stdout, 'stdout')
    } finally {
      await server.close()
    }
  }, 30_000)

  it('a token pasted as a stray argument is not echoed', async () => {
    const pasted = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJib3QifQ.c2lnbmF0dXJl'
    for (const args of [['run', pasted], [pasted], ['run', `--${pasted}`]]) {
      const run = await runCli(args, { env: { QUALYTICS_TOKEN: TOKEN } })
      expect(run.code).toBe(2)
      expect(run.stderr + run.stdout).not.toContain(pasted.slice(0, 12))
      expect(run.stderr).toMatch(/not shown: it may be a secret/)
    }
    // A plain word is still shown, to help.
    const word = await runCli(['run', 'anomalies'])
    expect(word.stderr).toContain("'anomalies'")
  }, 30_000)
})

/**
 * Every form of the token is a secret (contract 1.2): a hostile server
 * echoes `Bearer <token>` back in base64 at each offset (plain and
 * URL-safe), in hex of either case, and split by invisible characters, in
 * the user's name, a datastore's name, a results file path's neighbours
 * and the refusal of the trigger. The bundle's log, outputs, summary,
 * state and results file hold none of them. A token that itself holds an
 * invisible character is refused before any request.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runAction } from '../helpers/bundle.js'
import {
  HOSTILE_TOKEN,
  hostileInputs,
  startHostileServer
} from '../helpers/hostile-server.js'

const INVISIBLE = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad']

/** `Bearer <token>` in every form a server might echo it. */
function echoes(auth: string): string[] {
  const token = auth.replace(/^Bearer /, '')
  return [
    ...['', 'a', 'ab'].flatMap(before => [
      Buffer.from(`${before}${auth}`).toString('base64'),
      Buffer.from(`${before}${auth}`).toString('base64url')
    ]),
    Buffer.from(auth).toString('hex'),
    Buffer.from(auth).toString('hex').toUpperCase(),
    ...INVISIBLE.map(mark => [...token].join(mark)),
    token.toUpperCase()
  ]
}

/** Any eight characters in a row of the token, its hex or its base64 at any alignment. */
function leaked(text: string): string | null {
  // The runner takes add-mask commands off the log: they are how it learns the secret.
  const folded = text
    .split('\n')
    .filter(line => !line.startsWith('::add-mask::'))
    .join('\n')
    .replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '')
    .toLowerCase()
  const forms = [
    HOSTILE_TOKEN,
    Buffer.from(HOSTILE_TOKEN).toString('hex'),
    ...[0, 1, 2].map(n =>
      Buffer.from(`${'x'.repeat(n)}${HOSTILE_TOKEN}`)
        .toString('base64')
        .slice(4, -2)
    ),
    ...[0, 1, 2].map(n =>
      Buffer.from(`${'x'.repeat(n)}${HOSTILE_TOKEN}`)
        .toString('base64url')
        .slice(4, -2)
    )
  ].map(f => f.toLowerCase())
  for (const form of forms)
    for (let i = 0; i + 8 <= form.length; i++)
      if (folded.includes(form.slice(i, i + 8))) return form.slice(i, i + 8)
  return null
}

let close: (() => Promise<void>) | undefined
let dir: string | undefined
afterEach(async () => {
  await close?.()
  close = undefined
  if (dir) rmSync(dir, { recursive: true, force: true })
  dir = undefined
})

describe('every form of the token is a secret', () => {
  it('keeps every echoed form out of the log, outputs, summary, state and results file', async () => {
    const server = await startHostileServer((req, res, x) => {
      const said = echoes(req.headers.authorization ?? '').join(' | ')
      if (req.url === '/api/users/me')
        return (x.json({ id: 1, name: `bot ${said}`, role: 'Member' }), true)
      if (req.url === '/api/datastores/42')
        return (
          x.json({
            id: 42,
            name: `DS ${said}`,
            enrich_datastore: { id: 9, name: `E ${said}` }
          }),
          true
        )
      if (req.method === 'POST') {
        res.writeHead(400, { 'content-type': 'application/json' })
        res.end(JSON.stringify({ detail: `bad auth ${said}` }))
        return true
      }
      return false
    })
    close = server.close
    dir = mkdtempSync(join(tmpdir(), 'secret-forms-'))
    const resultsFile = join(dir, 'results.json')
    const run = await runAction({
      inputs: hostileInputs(server.url, {
        options: 'anomalies',
        'results-file': resultsFile
      })
    })
    expect(run.code).toBe(1)
    // The echoes did reach the action: the refusal is reported.
    expect(run.stdout).toContain('bad auth')
    const places: Record<string, string> = {
      log: run.stdout + run.stderr,
      outputs: JSON.stringify(run.outputs),
      summary: run.summary,
      state: JSON.stringify(run.state),
      results: readFileSync(resultsFile, 'utf8')
    }
    for (const [place, text] of Object.entries(places))
      expect({ place, leak: leaked(text) }).toEqual({ place, leak: null })
  }, 30_000)

  it.each(INVISIBLE.map(c => [c.codePointAt(0)?.toString(16), c]))(
    'refuses a token holding U+%s before any request, naming the input and not the token',
    async (_code, mark) => {
      const server = await startHostileServer(() => false)
      close = server.close
      const token = `${HOSTILE_TOKEN.slice(0, 8)}${mark}${HOSTILE_TOKEN.slice(8)}`
      const run = await runAction({
        inputs: hostileInputs(server.url, { token, options: 'anomalies' })
      })
      expect(run.code).toBe(1)
      expect(server.seen).toEqual([])
      expect(run.errors.join('\n')).toContain('token')
      expect(run.errors.join('\n')).toContain('invisible')
      expect(leaked(run.stdout + run.stderr + run.summary)).toBeNull()
      // Refused at once, not retried for 20 s as unreachable.
      expect(run.stdout).not.toContain('unreachable')
    },
    30_000
  )
})

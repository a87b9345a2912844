/* eslint-disable no-control-regex -- these tests are about control characters */
import { jest } from '@jest/globals'
import { bytes, cap, capBytes, window } from '../src/core/output/cap.js'
import {
  forLog,
  forSummary,
  forTerminalBlock,
  forTerminalLine,
  safeJson
} from '../src/core/output/neutralise.js'
import { operationsJson } from '../src/core/output/records.js'
import {
  createRedactor,
  createRedactors,
  secretsOf
} from '../src/core/output/redact.js'
import { createSafeText } from '../src/core/output/safe.js'
import {
  heartbeatLine,
  heartbeatMs,
  startHeartbeat
} from '../src/core/report/heartbeat.js'
import { renderSummary, safeSummaryInput } from '../src/core/report/summary.js'
import { shown } from '../src/cli/main.js'
import type { OperationRecord } from '../src/core/types.js'
import { newRecord } from '../src/core/domain/records.js'

const record = (over: Partial<OperationRecord> = {}): OperationRecord => ({
  ...newRecord({ datastoreId: 42, assetType: 'anomalies' }),
  id: 6,
  result: 'failure',
  ...over
})

describe('redaction', () => {
  const token = 'AbCdEfGh12345678IjKl'
  const redact = createRedactor(token)

  it('masks the token in any letter case, encoded, and 8-character runs of it', () => {
    for (const text of [
      token,
      token.toLowerCase(),
      token.toUpperCase(),
      Buffer.from(token).toString('base64'),
      `https://${token.toLowerCase()}/api/users/me`,
      `partial ${token.slice(3, 12)}...`
    ])
      expect(redact(`a ${text} b`)).not.toMatch(/cdefgh12|bcdefgh1|12345678/i)
    expect(redact(`x ${token.toLowerCase()} y`)).toBe('x *** y')
    expect(redact('nothing secret here')).toBe('nothing secret here')
  })

  it('masks HTML- and JSON-special tokens, raw and as a server would escape them', () => {
    const special = `Zq7&Kx<Lm>"Np'Rs\\Tv`
    const r = createRedactor(special)
    for (const form of [
      special,
      encodeURIComponent(special),
      JSON.stringify(special).slice(1, -1),
      special
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;'),
      special.replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`)
    ])
      expect(r(`[${form.toUpperCase()}]`)).toBe('[***]')
  })

  it('masks a short token in any case', () => {
    expect(createRedactor('Ab1')('x aB1 y AB1')).toBe('x *** y ***')
  })

  it('keeps positions when lower-casing changes length elsewhere in the text', () => {
    expect(redact(`İİ ${token.toUpperCase()} İ`)).toBe('İİ *** İ')
  })

  it('with url and token swapped, the url is the secret (printed lowercased as a host)', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJib3QifQ.c2lnbmF0dXJl'
    expect(secretsOf('https://q.example', jwt)).toEqual([
      'https://q.example',
      jwt
    ])
    expect(secretsOf(jwt, 'https://q.example')).toEqual([jwt])
    const r = createRedactors(secretsOf('https://q.example', jwt))
    expect(
      r(`GET https://${jwt.toLowerCase()}/api/users/me failed`)
    ).not.toMatch(/eyjhbgci|c2lnbmf0/i)
  })

  it('gets through a large text (no backtracking blow-up: the test timeout bounds it)', () => {
    const big = 'lorem ipsum '.repeat(100_000)
    expect(redact(big)).toBe(big)
  })
})

describe('neutralising', () => {
  it('log: no line break of any kind, no workflow command, no control sequence', () => {
    const out = forLog(
      'a\nb\r\nc\rd\u0085e\u2028f\u2029g\vh\fi ::error::x ##[warning]y \x1b[31mred\x1b[0m'
    )
    expect(out).not.toMatch(/[\n\r\u0085\u2028\u2029\v\f\x1b]/)
    expect(out).not.toContain('::')
    expect(out).not.toContain('##[')
    expect(out).toContain('a\\nb\\nc\\rd')
    expect(out).toContain('red')
  })

  it('terminal: strips CSI, OSC (clipboard, links), 8-bit CSI, C0 and C1, bidi overrides', () => {
    const out = forTerminalLine(
      'ok \x1b[2K\x1b[1A\x1b[32mgreen\x1b[0m \x1b]52;c;cGF5\x07 \x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\ \x9b31m \x07\x08\x7f\u202e end\nnext'
    )
    expect(out).not.toMatch(/[\x00-\x1f\x7f-\x9f\u202e]/)
    expect(out).toContain('green')
    expect(out).toContain('link')
    expect(out).toContain('end\\nnext')
    expect(forTerminalBlock('a\r\nb\x1b[31m\tc')).toBe('a\nb\tc')
  })

  it('summary: no link, image, blank line or HTML can form', () => {
    const out = forSummary(
      'x\n\n[phish](http://e.example)\n\n![](http://e.example/i.png) <img src=x> `code` *em* | cell'
    )
    expect(out.replace(/<br>/g, '')).not.toMatch(/[\n\r<>[\]!`*|]/)
    expect(out).toContain('<br><br>')
    const decoded = out
      .replace(/<br>/g, '\n')
      .replace(/&#(\d+);/g, (_, c: string) => String.fromCharCode(+c))
    expect(decoded).toContain('[phish](http://e.example)')
  })

  it('JSON: C1 controls and line separators escaped, still the same value', () => {
    const value = { m: 'a\x9b31m\u2028b\x1b' }
    const json = safeJson(JSON.stringify(value))
    expect(json).not.toMatch(/[\x7f-\x9f\u2028\x1b]/)
    expect(JSON.parse(json)).toEqual(value)
  })
})

describe('caps', () => {
  it('cuts a text and says how much was cut, never inside a surrogate pair', () => {
    expect(cap('abcdef', 3)).toBe('abc… [cut: 3 more characters]')
    expect(cap('abc', 3)).toBe('abc')
    expect(cap('a😀b', 2)).toBe('a… [cut: 3 more characters]')
  })

  it('cuts by UTF-8 bytes', () => {
    const text = 'ü'.repeat(10_000)
    expect(bytes(capBytes(text, 1000))).toBeLessThanOrEqual(1000)
    expect(bytes(capBytes(text, 1000))).toBeGreaterThan(900)
  })

  it('redacts before it cuts, and a token cut at the window edge never shows', () => {
    const token = 'Tok3nTok3nTok3nX'
    const safe = createSafeText(createRedactor(token))
    const line = safe.logLine(`${'x'.repeat(8180)}${token}`)
    expect(line).not.toMatch(/tok3n/i)
    expect(window('y'.repeat(100), 10).length).toBe(84)
  })

  it('operations: valid JSON within the output limit, messages cut shorter when rows are many', () => {
    const redact = createRedactor('SecretSecret123')
    const records = Array.from({ length: 400 }, (_, i) =>
      record({ id: i, message: `SECRETSECRET123 ${'m'.repeat(10_000)}` })
    )
    const json = operationsJson(records, redact, 900_000)
    expect(bytes(json)).toBeLessThanOrEqual(900_000)
    const rows = JSON.parse(json) as { id: number; message: string }[]
    expect(rows).toHaveLength(400)
    expect(rows[399]?.id).toBe(399)
    expect(rows[0]?.message.startsWith('*** m')).toBe(true)
    expect(rows[0]?.message).toMatch(/\[cut: \d+ more characters\]$/)
    const one = JSON.parse(operationsJson([records[0]!], redact)) as {
      message: string
    }[]
    expect(one[0]?.message.length).toBeLessThan(4200)
  })

  it('the summary is rendered from redacted inputs, escaped after', () => {
    const token = `Zq7&Kx<Lm>"Np'Rs`
    const html = renderSummary(
      safeSummaryInput(
        {
          result: 'failure',
          records: [record({ message: `bad ${token.toLowerCase()}` })],
          datastoreNames: new Map([[42, `DS ${token}`]]),
          schedule: null,
          elapsedMs: 1000,
          origin: 'https://q.example'
        },
        createRedactor(token)
      )
    )
    expect(html).not.toMatch(/zq7/i)
    expect(html).toContain('bad &#42;&#42;&#42;')
  })
})

describe('heartbeat', () => {
  it('names how many still run, in whole minutes; nothing when none runs', () => {
    const running = record({ result: 'running' })
    const done = record({ result: 'success' })
    const names = new Map([[42, 'Sales Warehouse']])
    expect(
      heartbeatLine(
        [
          { ...running, id: 1001, assetType: 'checks' },
          { ...running, id: 1002, assetType: 'anomalies' },
          done,
          done,
          done,
          done
        ],
        12.4 * 60_000,
        names
      )
    ).toBe(
      '2 of 6 exports still running, 12 min: 1001 · checks of datastore 42 (Sales Warehouse); 1002 · anomalies of datastore 42 (Sales Warehouse)'
    )
    expect(heartbeatLine([{ ...running, id: 7 }], 5 * 60_000)).toBe(
      'The export is still running, 5 min: 7 · anomalies of datastore 42'
    )
    const five = [1, 2, 3, 4, 5].map(id => ({ ...running, id }))
    expect(heartbeatLine(five, 60_000)).toMatch(/: 1 · .*; 3 · [^;]*; 2 more$/)
    expect(heartbeatLine([done], 60_000)).toBeNull()
    expect(heartbeatMs(undefined)).toBe(300_000)
    expect(heartbeatMs('5')).toBe(300_000)
    expect(heartbeatMs('2000')).toBe(2000)
  })
})

describe('startHeartbeat', () => {
  it('speaks first after a minute, then at its pace, and stops', () => {
    jest.useFakeTimers()
    try {
      const said: string[] = []
      let now = 0
      const records = [{ ...record({ result: 'running' }), id: 9 }]
      const stop = startHeartbeat(
        () => records,
        line => said.push(line),
        5 * 60_000,
        new Map(),
        () => now
      )
      const advance = (ms: number): void => {
        now += ms
        jest.advanceTimersByTime(ms)
      }
      advance(59_000)
      expect(said).toEqual([])
      advance(1_000)
      expect(said).toEqual([
        'The export is still running, 1 min: 9 · anomalies of datastore 42'
      ])
      advance(5 * 60_000)
      expect(said).toHaveLength(2)
      stop()
      advance(20 * 60_000)
      expect(said).toHaveLength(2)
    } finally {
      jest.useRealTimers()
    }
  })
})

describe('the command line echoes only harmless arguments', () => {
  it('shows a word, hides what could be a token', () => {
    expect(shown('anomalies')).toBe('anomalies')
    expect(shown('--json')).toBe('--json')
    expect(shown('eyJhbGciOiJIUzI1NiJ9.x')).toMatch(/not shown/)
    expect(shown('hunter2')).toMatch(/not shown/)
  })
})

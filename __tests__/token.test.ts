import { describe, expect, it } from '@jest/globals'
import { createRedactor, MASK } from '../src/core/output/redact.js'
import { readTokenExpiry } from '../src/core/config/token.js'

const jwt = (claims: object): string =>
  ['{"alg":"HS256","typ":"JWT"}', JSON.stringify(claims)]
    .map(p => Buffer.from(p).toString('base64url'))
    .join('.') + '.c2lnbmF0dXJl'

const now = Date.parse('2026-11-25T12:00:00Z')
const day = 86_400_000

describe('readTokenExpiry', () => {
  it('reads expired, expiring and valid tokens from exp', () => {
    expect(readTokenExpiry(jwt({ exp: (now - day) / 1000 }), now).state).toBe(
      'expired'
    )
    expect(
      readTokenExpiry(jwt({ exp: (now + 13 * day) / 1000 }), now).state
    ).toBe('expiring')
    expect(
      readTokenExpiry(jwt({ exp: (now + 15 * day) / 1000 }), now).state
    ).toBe('valid')
  })

  it('treats a JWT without exp (a "Never" token) and a non-JWT as unknown', () => {
    expect(readTokenExpiry(jwt({ sub: 'svc' }), now).state).toBe('unknown')
    expect(readTokenExpiry('plain-api-token', now).state).toBe('unknown')
    expect(readTokenExpiry('a.%%%.c', now).state).toBe('unknown')
  })
})

describe('createRedactor', () => {
  const token = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJzdmMifQ.s3cr3t/sig+nature=='
  const redact = createRedactor(token)

  it('removes the whole token, its URL-encoded form and partial echoes', () => {
    expect(redact(`Bearer ${token} rejected`)).toBe(`Bearer ${MASK} rejected`)
    expect(redact(`t=${encodeURIComponent(token)}`)).toBe(`t=${MASK}`)
    expect(redact(`token ${token.slice(0, 12)}... is invalid`)).toBe(
      `token ${MASK}... is invalid`
    )
    expect(redact(`sig ${token.slice(-10)}`)).toBe(`sig ${MASK}`)
  })

  it('leaves ordinary text alone', () => {
    expect(redact('Datastore id: 999 not found')).toBe(
      'Datastore id: 999 not found'
    )
  })

  it('handles very short secrets by exact match', () => {
    expect(createRedactor('abc')('xabcx')).toBe(`x${MASK}x`)
  })
})

describe('every form of the token is a secret', () => {
  const token = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJzdmMifQ.s3cr3t/sig+nature=='
  const redact = createRedactor(token)
  /** No run of eight characters of the token, or of `Bearer <token>`'s encodings, is left. */
  const leaks = (text: string): boolean => {
    const folded = text.toLowerCase()
    const forms = [
      token,
      Buffer.from(token).toString('hex'),
      ...[0, 1, 2].map(n =>
        Buffer.from(`${'x'.repeat(n)}${token}`)
          .toString('base64')
          .slice(4)
      )
    ].map(f => f.toLowerCase())
    return forms.some(form => {
      for (let i = 0; i + 8 <= form.length; i++)
        if (folded.includes(form.slice(i, i + 8))) return true
      return false
    })
  }

  it('masks base64 of Bearer <token> at every offset, plain and URL-safe', () => {
    for (const before of ['', 'a', 'ab', 'abc', '{"auth":"', 'x-']) {
      const plain = Buffer.from(`${before}Bearer ${token}`).toString('base64')
      const safe = Buffer.from(`${before}Bearer ${token}`).toString('base64url')
      for (const encoded of [plain, safe]) {
        const out = redact(`echo: ${encoded} end`)
        expect(out).toContain(MASK)
        expect(out.endsWith(' end')).toBe(true)
        expect(leaks(out)).toBe(false)
        // What is left of the encoding decodes to no part of the token.
        expect(Buffer.from(out, 'base64').toString('latin1')).not.toContain(
          token.slice(0, 8)
        )
      }
    }
  })

  it('masks hex in either case', () => {
    const hex = Buffer.from(`Bearer ${token}`).toString('hex')
    for (const form of [hex, hex.toUpperCase()]) {
      const out = redact(`hex=${form};`)
      expect(out).toBe(`hex=${hex.slice(0, 14)}${MASK};`)
    }
  })

  it('masks the token split by zero-width characters or soft hyphens, and swallows them', () => {
    for (const mark of [
      '\u200b',
      '\u200c',
      '\u200d',
      '\u2060',
      '\ufeff',
      '\u00ad'
    ]) {
      const split = [...token].join(mark)
      expect(redact(`got ${split} here`)).toBe(`got ${MASK} here`)
      const someSplit = `${token.slice(0, 5)}${mark}${token.slice(5, 20)}${mark}${token.slice(20)}`
      expect(redact(`Bearer ${someSplit}.`)).toBe(`Bearer ${MASK}.`)
    }
    // Ordinary text with those characters is left alone.
    expect(redact('soft\u00adhyphen and zero\u200bwidth')).toBe(
      'soft\u00adhyphen and zero\u200bwidth'
    )
  })
})

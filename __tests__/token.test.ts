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

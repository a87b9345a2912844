import { isIP } from 'node:net'
import { InputError, quote } from '../errors.js'

/** The normalised Qualytics address. */
export interface BaseUrl {
  /** Always ends in `/api/`, so paths join without a leading slash. */
  apiBase: string
  /** The address without `/api`, for links in the summary. */
  origin: string
  /** Plain http to a host that is not loopback: worth a warning. */
  insecure: boolean
}

/**
 * Normalise the `url` input the way the vendor CLI does
 * (`validate_and_format_url`): add https:// when no scheme is given, keep an
 * explicit http://, strip a trailing `/api` and append `/api/`.
 */
export function normalizeBaseUrl(raw: string): BaseUrl {
  const value = raw.trim()
  if (value === '') {
    throw new InputError(
      'url',
      'is empty; set it or the QUALYTICS_URL variable'
    )
  }
  if (/\s/.test(value)) {
    throw new InputError('url', `${quote(value)} contains white space`)
  }
  const schemeMatch = /^([a-z][a-z0-9+.-]*):\/\//i.exec(value)
  if (schemeMatch && !/^https?$/i.test(schemeMatch[1] ?? '')) {
    throw new InputError('url', `${quote(value)} must use https:// or http://`)
  }
  let parsed: URL
  try {
    parsed = new URL(schemeMatch ? value : `https://${value}`)
  } catch {
    throw new InputError('url', `${quote(value)} is not a valid URL`)
  }
  if (parsed.username || parsed.password) {
    // Never echo the value: it holds a credential.
    throw new InputError(
      'url',
      'must not contain a user name or password; pass the token in `token`'
    )
  }
  if (!isValidHost(parsed.hostname)) {
    throw new InputError(
      'url',
      `${quote(value)} has no valid host name (${quote(parsed.hostname)}); use a name such as acme.qualytics.io or an IP address`
    )
  }
  if (parsed.search || parsed.hash) {
    throw new InputError(
      'url',
      `${quote(value)} must not have a query or fragment`
    )
  }
  const path = parsed.pathname.replace(/\/+$/, '').replace(/\/api$/i, '')
  const origin = `${parsed.protocol}//${parsed.host}${path}`
  return {
    apiBase: `${origin}/api/`,
    origin,
    insecure: parsed.protocol === 'http:' && !isLoopback(parsed.hostname)
  }
}

/** One RFC 1123 label: letters, digits and inner hyphens, at most 63. */
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i
/** Longest host name DNS can carry. */
const MAX_HOST_LENGTH = 253

/**
 * A host name of RFC 1123 labels or an IP address (bracketed for IPv6), as
 * WHATWG URL hands it over: IDNs arrive as punycode (`xn--...`), which the
 * label rule accepts. Without this, `ht!tp://x` reads as host `ht!tp` and is
 * retried for 30 s as a network failure instead of refused as input.
 */
export function isValidHost(hostname: string): boolean {
  if (/^\[.*\]$/.test(hostname)) return isIP(hostname.slice(1, -1)) === 6
  if (isIP(hostname) !== 0) return true
  const host = hostname.replace(/\.$/, '') // A fully qualified name may end in a dot.
  if (host === '' || host.length > MAX_HOST_LENGTH) return false
  return host.split('.').every(label => LABEL.test(label))
}

/** localhost, 127.0.0.0/8 and ::1: plain http there never leaves the machine. */
function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase()
  if (host === 'localhost' || host.endsWith('.localhost')) return true
  if (isIP(host) === 4) return host.startsWith('127.')
  return host === '::1'
}

/**
 * `heartbeat-url`: https, or http to a loopback host (tests). It is a
 * secret (the path holds the check's key), so a refusal names only the
 * scheme or the host, never the path or the query.
 */
export function parseHeartbeatUrl(raw: string): string | null {
  if (raw === '') return null
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new InputError(
      'heartbeat-url',
      'is not a URL; give the full https:// address of the check'
    )
  }
  if (url.protocol === 'http:' && !isLoopback(url.hostname))
    throw new InputError(
      'heartbeat-url',
      `uses http to host ${quote(url.hostname)}; use https:// (plain http only for a loopback host)`
    )
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new InputError(
      'heartbeat-url',
      `has the scheme ${quote(url.protocol.replace(/:$/, ''))}; use https://`
    )
  if (url.username || url.password)
    throw new InputError(
      'heartbeat-url',
      `holds a user name or password before host ${quote(url.hostname)}; put the key in the path as the monitoring service shows it`
    )
  return url.href
}

/**
 * What of a heartbeat URL is secret: the path and the query (the check's
 * key), not the scheme and host, which a refusal may name. A value that
 * is no URL is secret whole.
 */
export function heartbeatSecrets(raw: string): string[] {
  const value = raw.trim()
  if (value === '') return []
  try {
    const url = new URL(value)
    const key = `${url.pathname}${url.search}${url.hash}`
    // A key too short to redact by its pieces: the whole value is the secret.
    return key.length >= 8 ? [key, key.slice(1)] : [value]
  } catch {
    return [value]
  }
}

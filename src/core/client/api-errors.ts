import { ApiError } from '../errors.js'
import { BodyTooLargeError, type HttpResponse } from './http.js'
import { ShapeError } from './schema.js'
import type { Redactor } from '../output/redact.js'
import { isRetryableStatus, parseRetryAfter } from './retry.js'

/*
 * How each way a request can fail becomes an ApiError: method, path, status
 * and the server's detail, redacted, with whether a retry may help. The
 * query string is left out of messages: it never helps the reader.
 */

const shortPath = (path: string): string => `/api/${path.split('?')[0]}`

/** A non-2xx answer. */
export function statusError(
  redact: Redactor,
  method: string,
  path: string,
  response: HttpResponse,
  /** The client's clock, for a Retry-After given as a date. */
  nowMs: number
): ApiError {
  const detail = errorDetail(response.body)
  const safeDetail = detail === undefined ? undefined : redact(detail)
  const retryAfter = response.headers['retry-after']
  return new ApiError(
    redact(
      `${method} ${shortPath(path)} answered ${response.status}${safeDetail ? `: ${safeDetail}` : ''}`
    ),
    method,
    `/api/${path}`,
    response.status,
    safeDetail,
    isRetryableStatus(response.status, response.headers),
    parseRetryAfter(
      typeof retryAfter === 'string' ? retryAfter : undefined,
      nowMs
    )
  )
}

/** No usable answer: a network error, a timeout, or a body too large to read. */
export function networkError(
  redact: Redactor,
  method: string,
  path: string,
  error: unknown
): ApiError {
  if (error instanceof BodyTooLargeError) {
    // No Qualytics answer is that large: hostile or broken, not passing.
    return new ApiError(
      `${method} ${shortPath(path)} answered with a ${error.message}`,
      method,
      `/api/${path}`,
      undefined,
      undefined,
      false
    )
  }
  const code = (error as { code?: unknown } | null)?.code
  const text = error instanceof Error ? error.message : String(error)
  if (isPlainHttpAnswer(code, text)) {
    // TLS to a server that answers in plain HTTP never fixes itself.
    return new ApiError(
      `${method} ${shortPath(path)} failed: ${PLAIN_HTTP_HINT}`,
      method,
      `/api/${path}`,
      undefined,
      undefined,
      false
    )
  }
  const reason =
    typeof code === 'string' && !text.includes(code) ? `${code} ${text}` : text
  return new ApiError(
    redact(`${method} ${shortPath(path)} failed: ${reason}`),
    method,
    `/api/${path}`,
    undefined,
    undefined,
    // A cancelled request is not tried again; a deadline passed may be.
    code !== 'ECANCELLED'
  )
}

/** What to say when https:// meets a plain-HTTP server. */
const PLAIN_HTTP_HINT = 'the server speaks plain HTTP; use http://'

/** OpenSSL's answer to a plain-HTTP reply to a TLS hello. */
function isPlainHttpAnswer(code: unknown, text: string): boolean {
  return (
    /wrong version number|packet length too long|http request/i.test(text) &&
    (code === 'EPROTO' || /ssl/i.test(text))
  )
}

/** A 2xx whose body is not what the API documents. */
export function shapeError(
  redact: Redactor,
  method: string,
  path: string,
  error: unknown
): ApiError {
  const message = error instanceof Error ? error.message : String(error)
  return new ApiError(
    redact(message),
    method,
    `/api/${path}`,
    200,
    undefined,
    !(error instanceof ShapeError) || error.retryable
  )
}

/**
 * The server's explanation from a FastAPI error body: `detail` as a string,
 * or the messages of a 422 `detail` list. Falls back to the first line of
 * non-JSON text (a proxy's HTML page says little worth repeating).
 */
function errorDetail(body: string): string | undefined {
  try {
    const json = JSON.parse(body) as { detail?: unknown; message?: unknown }
    if (typeof json.detail === 'string') return json.detail.slice(0, 500)
    if (Array.isArray(json.detail)) {
      return json.detail
        .map((d: { loc?: unknown[]; msg?: unknown }) =>
          [
            Array.isArray(d?.loc) ? d.loc.join('.') : '',
            typeof d?.msg === 'string' ? d.msg : ''
          ]
            .filter(Boolean)
            .join(': ')
        )
        .join('; ')
        .slice(0, 500)
    }
    if (typeof json.message === 'string') return json.message.slice(0, 500)
  } catch {
    // not JSON: fall through
  }
  const text = body
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  return text === '' ? undefined : text.slice(0, 200)
}

import { HttpClient } from '@actions/http-client'

/** A raw HTTP answer: the status, lower-cased headers and the body text. */
export interface HttpResponse {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** Sends one request; no retries, no interpretation. Injectable for tests. */
export interface Transport {
  /** Rejects with RequestCancelledError when `signal` aborts first. */
  request(
    method: string,
    url: string,
    body: string | undefined,
    headers: Record<string, string>,
    signal?: AbortSignal
  ): Promise<HttpResponse>
  dispose(): void
}

/** Bodies above this are refused: no Qualytics answer we read comes near it. */
const MAX_BODY_BYTES = 8 * 1024 * 1024

/** Raised when a body would exceed MAX_BODY_BYTES. */
export class BodyTooLargeError extends Error {
  constructor() {
    super(`response body larger than ${MAX_BODY_BYTES / 1024 / 1024} MB`)
    this.name = 'BodyTooLargeError'
  }
}

/** No whole answer (headers and body) came within the request deadline. */
class RequestDeadlineError extends Error {
  readonly code = 'EDEADLINE'
  constructor(ms: number) {
    super(
      `request timeout: no whole answer within ${Math.round(ms / 100) / 10} s`
    )
    this.name = 'RequestDeadlineError'
  }
}

/** The run's signal aborted while the request was open. */
class RequestCancelledError extends Error {
  readonly code = 'ECANCELLED'
  constructor() {
    super('request cancelled')
    this.name = 'RequestCancelledError'
  }
}

/**
 * The transport over `@actions/http-client`, which brings the runner's proxy
 * settings (HTTPS_PROXY, NO_PROXY). Its own retries stay off: they cover
 * only 502-504 and never 429, so the client retries itself.
 */
export function createHttpTransport(
  userAgent: string,
  requestTimeoutMs: number
): Transport {
  const http = new HttpClient(userAgent, undefined, {
    allowRetries: false,
    allowRedirects: false,
    keepAlive: true,
    socketTimeout: requestTimeoutMs
  })
  return {
    request(method, url, body, headers, signal) {
      let stream: NodeJS.ReadableStream | undefined
      let over = false
      const work = (async (): Promise<HttpResponse> => {
        const response = await http.request(method, url, body ?? null, headers)
        stream = response.message
        if (over) destroy(stream)
        const text = await readCapped(response.message)
        return {
          status: response.message.statusCode ?? 0,
          headers: response.message.headers,
          body: text
        }
      })()
      return withDeadline(work, requestTimeoutMs, signal, () => {
        over = true
        if (stream) destroy(stream)
      })
    },
    dispose: () => http.dispose()
  }
}

function destroy(stream: NodeJS.ReadableStream): void {
  ;(stream as unknown as { destroy?: () => void }).destroy?.()
}

/**
 * One deadline over the whole exchange, headers and body: a socket timeout
 * alone lets a body that drips a byte at a time hold a request open for
 * ever. The signal ends it at once. `giveUp` closes the socket.
 */
function withDeadline<T>(
  work: Promise<T>,
  ms: number,
  signal: AbortSignal | undefined,
  giveUp: () => void
): Promise<T> {
  if (signal?.aborted) {
    giveUp()
    work.catch(() => undefined)
    return Promise.reject(new RequestCancelledError())
  }
  return new Promise<T>((resolve, reject) => {
    let done = false
    const finish = (error: Error | null, value?: T): void => {
      if (done) return
      done = true
      clearTimeout(timer)
      signal?.removeEventListener('abort', onAbort)
      if (error) {
        giveUp()
        reject(error)
      } else resolve(value as T)
    }
    const onAbort = (): void => finish(new RequestCancelledError())
    const timer = setTimeout(() => finish(new RequestDeadlineError(ms)), ms)
    signal?.addEventListener('abort', onAbort, { once: true })
    work.then(
      value => finish(null, value),
      (error: unknown) =>
        finish(error instanceof Error ? error : new Error(String(error)))
    )
  })
}

/** Read a body as UTF-8, giving up past MAX_BODY_BYTES. */
async function readCapped(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk
    size += buffer.length
    if (size > MAX_BODY_BYTES) {
      ;(stream as unknown as { destroy?: () => void }).destroy?.()
      throw new BodyTooLargeError()
    }
    chunks.push(buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}

/** A signal that aborts `ms` after `signal` does. */
export function delayedSignal(
  signal: AbortSignal | undefined,
  ms: number
): AbortSignal | undefined {
  if (!signal) return undefined
  const delayed = new AbortController()
  const fire = (): void => {
    setTimeout(() => delayed.abort(), ms).unref()
  }
  if (signal.aborted) fire()
  else signal.addEventListener('abort', fire, { once: true })
  return delayed.signal
}

import { HttpClient } from '@actions/http-client'

/** A raw HTTP answer: the status, lower-cased headers and the body text. */
export interface HttpResponse {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** Sends one request; no retries, no interpretation. Injectable for tests. */
export interface Transport {
  request(
    method: string,
    url: string,
    body: string | undefined,
    headers: Record<string, string>
  ): Promise<HttpResponse>
  dispose(): void
}

/** Bodies above this are refused: no Qualytics answer we read comes near it. */
export const MAX_BODY_BYTES = 8 * 1024 * 1024

/** Raised when a body would exceed MAX_BODY_BYTES. */
export class BodyTooLargeError extends Error {
  constructor() {
    super(`response body larger than ${MAX_BODY_BYTES / 1024 / 1024} MB`)
    this.name = 'BodyTooLargeError'
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
    async request(method, url, body, headers) {
      const response = await http.request(method, url, body ?? null, headers)
      const text = await readCapped(response.message)
      return {
        status: response.message.statusCode ?? 0,
        headers: response.message.headers,
        body: text
      }
    },
    dispose: () => http.dispose()
  }
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

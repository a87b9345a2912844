import type { IncomingMessage, ServerResponse } from 'node:http'

/** What a handler (or a fault) wants to send back. */
export interface Answer {
  status: number
  /** Serialised as JSON unless `raw` is set. */
  body?: unknown
  /** Sent verbatim (HTML pages, truncated JSON). */
  raw?: string
  contentType?: string
  headers?: Record<string, string>
}

/** FastAPI's error body: `{"detail": ...}`. */
export function fail(status: number, detail: unknown): Answer {
  return { status, body: { detail } }
}

/** One Pydantic v2 validation error item, as FastAPI puts it in a 422. */
export interface ValidationItem {
  type: string
  loc: (string | number)[]
  msg: string
  input?: unknown
}

/** A 422 with a list of validation items. */
export function invalid(items: ValidationItem[]): Answer {
  return fail(422, items)
}

/** Request bodies above this size get 413, like a proxy in front of the API. */
const MAX_BODY_BYTES = 1024 * 1024

/** Past this, the upload is cut off rather than drained. */
const MAX_DRAIN_BYTES = 16 * MAX_BODY_BYTES

/** The body text, or `tooLarge` when it passed MAX_BODY_BYTES. */
export interface ReadBody {
  text: string
  tooLarge: boolean
}

/**
 * Read the whole request body. An oversized body is drained rather than cut
 * off: answering 413 while the client is still writing would make most
 * clients see a broken pipe instead of the 413.
 */
export function readBody(req: IncomingMessage): Promise<ReadBody> {
  return new Promise(resolve => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_DRAIN_BYTES) req.socket.destroy()
      else if (size <= MAX_BODY_BYTES) chunks.push(chunk)
    })
    req.on('end', () => {
      resolve({
        text: Buffer.concat(chunks).toString('utf8'),
        tooLarge: size > MAX_BODY_BYTES
      })
    })
    // A dropped upload still resolves, so the request is recorded.
    req.on('error', () =>
      resolve({ text: '', tooLarge: size > MAX_BODY_BYTES })
    )
    req.on('close', () =>
      resolve({ text: '', tooLarge: size > MAX_BODY_BYTES })
    )
  })
}

/** Parse a body for the request log: JSON when possible, else the text. */
export function parseLoggedBody(text: string): unknown {
  if (text === '') return undefined
  try {
    return JSON.parse(text) as unknown
  } catch {
    return text
  }
}

/** The answer's bytes, as they go on the wire. */
export function serialise(answer: Answer): string {
  if (answer.raw !== undefined) return answer.raw
  if (answer.body === undefined) return ''
  return JSON.stringify(answer.body)
}

/**
 * Write an answer, unless the socket is already gone (close, reset). The
 * Date header comes from the simulator's clock, as a real server's comes
 * from its own: clients estimate clock skew from it.
 */
export function writeAnswer(
  res: ServerResponse,
  answer: Answer,
  nowMs: number
): void {
  if (res.destroyed || res.writableEnded) return
  res.sendDate = false
  const text = serialise(answer)
  const headers: Record<string, string> = {
    date: new Date(nowMs).toUTCString(),
    ...(text !== '' && {
      'content-type': answer.contentType ?? 'application/json'
    }),
    ...answer.headers
  }
  res.writeHead(answer.status, headers)
  res.end(text)
}

/** Query parameters, with repeated keys collected into arrays. */
export function queryRecord(
  params: URLSearchParams
): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {}
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key)
    out[key] = all.length === 1 ? (all[0] ?? '') : all
  }
  return out
}

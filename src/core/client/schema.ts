/**
 * A few typed combinators for reading JSON from the wire. Chosen over a
 * schema library because start-up is at its budget (cold start ~1.9x of
 * `node -e 0`, limit 2.0x): these cost a few hundred bytes, and each
 * endpoint's schema (schemas.ts) still reads as a declaration.
 *
 * A schema either returns a typed value or throws ShapeError naming where
 * the value went wrong. `lenient` turns a field the action can live
 * without into null instead of refusing the whole answer.
 */
/** Raised when a 2xx body is not the JSON shape the API documents. */
export class ShapeError extends Error {
  constructor(
    message: string,
    /** An unreadable body (HTML page, cut JSON) may be a passing fault; a wrong shape is not. */
    readonly retryable = false
  ) {
    super(message)
    this.name = 'ShapeError'
  }
}

/** Reads one JSON value into T, or throws ShapeError. */
export type Schema<T> = (value: unknown, where: string) => T

const show = (value: unknown): string =>
  (JSON.stringify(value) ?? String(value)).slice(0, 40)

/** Largest id the action accepts anywhere (main, state, post): 2^53 - 1. */
export const MAX_WIRE_ID = Number.MAX_SAFE_INTEGER

/**
 * A positive whole id. A decimal string ("1234") is read too: it names one
 * operation without doubt, and refusing it would leave a real export
 * untracked. Fractions, zero, negatives and values past 2^53 - 1 (which a
 * JSON number cannot hold exactly) are refused.
 */
export const id: Schema<number> = (value, at) => {
  const n =
    typeof value === 'string' && /^[1-9]\d{0,15}$/.test(value)
      ? Number(value)
      : value
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 1)
    throw new ShapeError(
      `${at}: id ${show(value)} is not a positive whole number`
    )
  return n
}

/** A string. */
export const string: Schema<string> = (value, at) => {
  if (typeof value !== 'string')
    throw new ShapeError(`${at}: ${show(value)} is not a string`)
  return value
}

/** A whole number >= 0. */
export const count: Schema<number> = (value, at) => {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0)
    throw new ShapeError(`${at}: ${show(value)} is not a count`)
  return value
}

/** One of the given words. */
export function oneOf<W extends string>(words: readonly W[]): Schema<W> {
  return (value, at) => {
    if (typeof value !== 'string' || !words.includes(value as W))
      throw new ShapeError(`${at}: unknown word ${show(value)}`)
    return value as W
  }
}

/** A JSON boolean. */
export const boolean: Schema<boolean> = (value, at) => {
  if (typeof value !== 'boolean')
    throw new ShapeError(`${at}: ${show(value)} is not true or false`)
  return value
}

/** Anything; presence only (schedule, flow links). */
export const present: Schema<boolean> = value =>
  value !== null && value !== undefined && value !== false

/** The value as JSON text, capped (for messages about a value not understood). */
export const jsonText: Schema<string> = value =>
  value === undefined ? 'nothing' : show(value)

/** The value, or null when it is absent, null, or does not read. */
export function lenient<T>(schema: Schema<T>): Schema<T | null> {
  return (value, at) => {
    if (value === null || value === undefined) return null
    try {
      return schema(value, at)
    } catch {
      return null
    }
  }
}

/** A field read from elsewhere in the object: the first of `paths` that is set. */
export interface Located<T> {
  readonly paths: readonly (readonly string[])[]
  readonly schema: Schema<T>
}

/** Read a field at `datastore.id`, or at the first of several such paths. */
export function at<T>(
  paths: string | (readonly string[])[],
  schema: Schema<T>
): Located<T> {
  return {
    paths: typeof paths === 'string' ? [paths.split('.')] : paths,
    schema
  }
}

type Field = Schema<unknown> | Located<unknown>
type FieldValue<F> =
  F extends Located<infer T> ? T : F extends Schema<infer T> ? T : never

function dig(json: unknown, names: readonly string[]): unknown {
  let value = json
  for (const name of names) {
    if (value === null || typeof value !== 'object') return undefined
    value = (value as Record<string, unknown>)[name]
  }
  return value
}

/**
 * A JSON object; each output field is read from the input field of the same
 * name, or from where `at` says. Unknown input fields are ignored.
 */
export function object<F extends Record<string, Field>>(
  fields: F
): Schema<{ [K in keyof F]: FieldValue<F[K]> }> {
  return (value, where) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value))
      throw new ShapeError(`${where}: expected a JSON object`)
    const out: Record<string, unknown> = {}
    for (const [name, field] of Object.entries(fields)) {
      if (typeof field === 'function') {
        out[name] = field(dig(value, [name]), `${where}.${name}`)
        continue
      }
      const found =
        field.paths.find(p => {
          const v = dig(value, p)
          return v !== undefined && v !== null
        }) ??
        field.paths[0] ??
        []
      out[name] = field.schema(dig(value, found), `${where}.${found.join('.')}`)
    }
    return out as { [K in keyof F]: FieldValue<F[K]> }
  }
}

/** A list, each item read by `item`; items that do not read are counted, not dropped silently. */
export function list<T>(
  item: Schema<T>
): Schema<{ items: T[]; unreadable: number }> {
  return (value, at) => {
    if (!Array.isArray(value)) throw new ShapeError(`${at}: expected a list`)
    const items: T[] = []
    let unreadable = 0
    value.forEach((v, i) => {
      try {
        items.push(item(v, `${at}[${i}]`))
      } catch {
        unreadable++
      }
    })
    return { items, unreadable }
  }
}

/** A list whose every item must read: one that does not refuses the whole list. */
export function every<T>(item: Schema<T>): Schema<T[]> {
  return (value, at) => {
    if (!Array.isArray(value)) throw new ShapeError(`${at}: expected a list`)
    return value.map((v, i) => item(v, `${at}[${i}]`))
  }
}

/** Absent or null reads as `fallback`; anything else must read. */
export function optional<T, F>(schema: Schema<T>, fallback: F): Schema<T | F> {
  return (value, at) =>
    value === null || value === undefined ? fallback : schema(value, at)
}

/** Exactly `true` (a flag the wire may leave out). */
export const isTrue: Schema<boolean> = value => value === true

/** The value as it is (checked by the caller). */
export const anything: Schema<unknown> = value => value

/**
 * The first of several places in an object that holds a usable value
 * (`schema` gives null for one that does not), or null.
 */
export function firstOf<T>(
  paths: readonly string[],
  schema: Schema<T | null>
): Located<T | null> {
  return at([[]], (value, where) => {
    for (const path of paths) {
      const found = schema(dig(value, path.split('.')), `${where}.${path}`)
      if (found !== null) return found
    }
    return null
  })
}

/** Apply a function to a schema's result. */
export function map<A, B>(schema: Schema<A>, fn: (a: A) => B): Schema<B> {
  return (value, at) => fn(schema(value, at))
}

/** `2026-12-02 06:00[:00][.123456][ ][Z|UTC|+0000|+00:00|+00]`, T or space. */
const SERVER_TIME =
  /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2})?)(?:\.(\d+))?\s*(Z|UTC|[+-]\d{2}(?::?\d{2})?)?$/i

/**
 * The one reader of a time a server wrote as text, the API's and the
 * warehouse's alike: the instant, reading a time without a zone as UTC, and
 * whether the text named its zone. The API's FastAPI models write naive UTC
 * datetimes, which JavaScript alone would read as local time, off by the
 * runner's zone; a warehouse column may hold a local wall time, so its
 * reader refuses what names no zone. A date alone is no instant: null.
 */
export function readServerTime(
  text: string
): { ms: number; zoned: boolean } | null {
  const match = SERVER_TIME.exec(text.trim())
  if (!match) return null
  const [, day, clock, fraction = '', zone] = match
  const offset =
    zone === undefined || /^(z|utc)$/i.test(zone)
      ? 'Z'
      : `${zone.slice(0, 3)}:${zone.slice(3).replace(':', '') || '00'}`
  const ms = Date.parse(
    `${day}T${clock}${clock?.length === 5 ? ':00' : ''}.${fraction.padEnd(3, '0').slice(0, 3)}${offset}`
  )
  return Number.isFinite(ms) ? { ms, zoned: zone !== undefined } : null
}

/** A server time, normalised to ISO 8601 UTC. */
export const time: Schema<string> = (value, at) => {
  const read = typeof value === 'string' ? readServerTime(value) : null
  if (read === null) throw new ShapeError(`${at}: ${show(value)} is not a time`)
  return new Date(read.ms).toISOString()
}

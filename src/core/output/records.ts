/**
 * Server text inside records, made safe before anything renders it:
 * redacted on the raw text (never after HTML or JSON escaping) and capped
 * per field. The renderers (log lines, summary, `operations`) then only
 * escape for their destination.
 */
import { toOutputRow } from '../domain/results.js'
import type { OperationRecord } from '../types.js'
import { bytes, cap, MESSAGE_CAP, OUTPUT_CAP_BYTES, window } from './cap.js'
import { safeJson } from './neutralise.js'
import type { Redactor } from './redact.js'

/** A datastore name, a table name: short things, short caps. */
export const NAME_CAP = 256

/** Redact and cap a server string (null stays null). */
export function capField(
  text: string | null,
  redact: Redactor,
  max: number
): string | null {
  return text === null ? null : cap(redact(window(text, max)), max)
}

/** A record whose server strings are redacted and capped. */
export function safeRecord(
  record: OperationRecord,
  redact: Redactor,
  messageCap = MESSAGE_CAP
): OperationRecord {
  return {
    ...record,
    message: capField(record.message, redact, messageCap),
    table: capField(record.table, redact, NAME_CAP),
    notes: record.notes.map(n =>
      cap(redact(window(n, MESSAGE_CAP)), MESSAGE_CAP)
    )
  }
}

/** Datastore names, redacted and capped. */
export function safeNames(
  names: ReadonlyMap<number, string>,
  redact: Redactor
): Map<number, string> {
  return new Map(
    [...names].map(([id, name]) => [id, capField(name, redact, NAME_CAP) ?? ''])
  )
}

/** Message caps tried in turn until `operations` fits in one output. */
const SHRINKING_CAPS = [MESSAGE_CAP, 1024, 256, 64, 0]

/**
 * The `operations` output: one row per record in plan order, always valid
 * JSON and within GitHub's 1 MB per output. Each `message` is Qualytics'
 * own text, redacted and capped at 4 KB; when there are so many rows that
 * the whole would not fit, messages are cut shorter (and marked cut).
 */
export function operationsJson(
  records: readonly OperationRecord[],
  redact: Redactor,
  limit = OUTPUT_CAP_BYTES
): string {
  let json = '[]'
  for (const max of SHRINKING_CAPS) {
    json = safeJson(
      redact(
        JSON.stringify(
          records.map(r => toOutputRow(safeRecord(r, redact, max)))
        )
      )
    )
    if (bytes(json) <= limit) return json
  }
  return json
}

/**
 * Reading the ids the main step left in state. State is a file anything in
 * the job could have written: nothing in it may throw. Ids follow the same
 * rule as the client (client/schema.ts `id`): whole numbers 1 to 2^53 - 1.
 */
import { MAX_WIRE_ID } from '../core/client/schema.js'

/** The ids in a comma-separated state value, and how many items were not ids. */
export function parseStateIds(raw: unknown): {
  ids: number[]
  ignored: number
} {
  const ids: number[] = []
  let ignored = 0
  const text = typeof raw === 'string' ? raw.slice(0, 100_000) : ''
  for (const item of text.split(',').map(s => s.trim())) {
    if (item === '') continue
    const id = /^[1-9]\d{0,15}$/.test(item) ? Number(item) : NaN
    if (!Number.isSafeInteger(id) || id > MAX_WIRE_ID) {
      ignored++
      continue
    }
    if (!ids.includes(id)) ids.push(id)
  }
  return { ids, ignored }
}

/**
 * The `datastores` and `matrix` outputs: the plan's datastores, and the
 * same ids grouped for GitHub's `strategy.matrix`, which takes at most 256
 * entries per job.
 */

/** GitHub's limit on the jobs one matrix may generate. */
const MATRIX_MAX_ENTRIES = 256

/** The value of the `matrix` output. */
export interface DatastoreMatrix {
  datastore: string[]
}

/**
 * Group ids, in order, into at most `max` comma-separated entries that
 * cover each id once: one id per entry when they fit, else contiguous
 * groups whose sizes differ by at most one (the larger ones first), so the
 * export jobs share the work evenly.
 */
export function matrixGroups(
  ids: readonly number[],
  max = MATRIX_MAX_ENTRIES
): DatastoreMatrix {
  if (!Number.isSafeInteger(max) || max < 1)
    throw new RangeError(
      `matrix entries: ${max} is not a positive whole number`
    )
  const entries = Math.min(ids.length, max)
  const small = Math.floor(ids.length / Math.max(1, entries))
  const larger = ids.length - small * entries
  const datastore: string[] = []
  let at = 0
  for (let i = 0; i < entries; i++) {
    const size = small + (i < larger ? 1 : 0)
    datastore.push(ids.slice(at, at + size).join(','))
    at += size
  }
  return { datastore }
}

/** The two outputs as the action sets them (JSON text). */
export function selectionOutputs(ids: readonly number[]): {
  datastores: string
  matrix: string
} {
  return {
    datastores: JSON.stringify(ids),
    matrix: JSON.stringify(matrixGroups(ids))
  }
}

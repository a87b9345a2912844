import type { AssetType } from '../core/types.js'
import { whenInZone } from '../core/schedule/zone-time.js'
import { firingsBetween } from './cron-rules.js'

/** A schedule and what it exports when it fires. */
export interface Firing {
  path: string
  /** Line of the schedule entry, for annotations. */
  line?: number
  /** Which `on.schedule` entry of the file (steps of one run are not rivals). */
  entry: number
  cron: string
  zone: string
  datastores: number[]
  types: AssetType[]
}

/** Two schedules that export the same thing in the same minute. */
export interface Overlap {
  /** The later of the two files, where the finding is reported. */
  path: string
  line?: number
  message: string
}

/** At most this many firings per schedule: a 5-minute cron for 7 days is 2016. */
const MAX_FIRINGS = 2100

/**
 * Schedules that export the same datastore and asset type in the same
 * minute, over the `days` after `from`, each in its own time zone. Both
 * exports replace the same table in the enrichment datastore at once.
 */
export function findOverlaps(
  entries: readonly Firing[],
  from: Date,
  days = 7
): Overlap[] {
  const to = new Date(from.getTime() + days * 86_400_000)
  const minutes = entries.map(
    e =>
      new Set(
        firingsBetween(e.cron, e.zone, from, to, MAX_FIRINGS).map(d =>
          Math.floor(d.getTime() / 60_000)
        )
      )
  )
  const overlaps: Overlap[] = []
  entries.forEach((b, j) => {
    entries.slice(0, j).forEach((a, i) => {
      if (a.path === b.path && a.entry === b.entry) return
      const shared = a.datastores.flatMap(ds =>
        b.datastores.includes(ds)
          ? a.types
              .filter(t => b.types.includes(t))
              .map(t => `${t} of datastore ${ds}`)
          : []
      )
      if (shared.length === 0) return
      const setA = minutes[i] as Set<number>
      const first = [...(minutes[j] as Set<number>)].find(m => setA.has(m))
      if (first === undefined) return
      const where = a.path === b.path ? 'another schedule of this file' : a.path
      overlaps.push({
        path: b.path,
        line: b.line,
        message: `cron '${b.cron}' exports ${shared.join(', ')} in the same minute as ${where} (cron '${a.cron}'${a.zone === 'UTC' ? '' : ` ${a.zone}`}), first at ${whenInZone(new Date(first * 60_000), b.zone)}; both replace the same export table. Move one by a few minutes.`
      })
    })
  })
  return overlaps
}

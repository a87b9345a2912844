/**
 * A generated fleet of datastores for selection by tag: seeded, so a test
 * can compute the expected selection from the same list it served.
 */
import { mulberry32 } from './random.js'
import type { SimDatastore } from './types.js'

/** The tags a fleet's datastores draw from. */
const FLEET_TAGS = ['prod', 'staging', 'finance', 'marketing', 'pii']

/** How a fleet is made. */
export interface FleetOptions {
  /** Datastores the list shows, enrichment datastores included (default 1000). */
  count?: number
  seed?: number
  /** Share of source datastores without an enrichment link (default 0.1). */
  unlinkedShare?: number
  /** Ids per block: the last of each block is the enrichment datastore of the others (default 26). */
  block?: number
}

/**
 * A fleet whose list holds `count` datastores with ids 1..count: in each
 * block of ids, the last is an enrichment datastore (tagged `prod` too, so
 * a selection must tell it apart) and the others are source datastores
 * linked to it, each with its own table prefix and 0 to 3 of FLEET_TAGS in
 * mixed letter case, some unlinked. The simulator lists them newest first.
 */
export function generateFleet(options: FleetOptions = {}): SimDatastore[] {
  const count = options.count ?? 1000
  const random = mulberry32(options.seed ?? 7)
  const block = Math.max(2, options.block ?? 26)
  const unlinkedShare = options.unlinkedShare ?? 0.1
  const fleet: SimDatastore[] = []
  for (let first = 1; first <= count; first += block) {
    const enrichmentId = Math.min(first + block - 1, count)
    const group = (first - 1) / block
    for (let id = first; id < enrichmentId; id++) {
      const tags = FLEET_TAGS.filter(() => random() < 0.3).map(t =>
        random() < 0.2 ? t.toUpperCase() : t
      )
      const enrichment =
        random() < unlinkedShare
          ? null
          : {
              id: enrichmentId,
              name: `Fleet Enrichment ${group + 1}`,
              tags: ['prod'],
              // Each its own prefix, as Qualytics asks; the first of an even
              // block keeps the default, which no other shares.
              ...((group % 2 === 1 || id !== first) && {
                prefix: `fleet ${id}`
              })
            }
      fleet.push({
        id,
        name: `Fleet ${id}`,
        enrichment,
        tags,
        anomalies: 5,
        checks: 9
      })
    }
  }
  return fleet
}

/** The ids a selection by these tags must export: linked, carrying one, ascending. */
export function expectedSelection(
  fleet: readonly SimDatastore[],
  tags: readonly string[]
): { linked: number[]; unlinked: number[] } {
  const wanted = new Set(tags.map(t => t.toLowerCase()))
  const carrying = fleet
    .filter(d => (d.tags ?? []).some(t => wanted.has(t.toLowerCase())))
    .sort((a, b) => a.id - b.id)
  return {
    linked: carrying.filter(d => d.enrichment).map(d => d.id),
    unlinked: carrying.filter(d => !d.enrichment).map(d => d.id)
  }
}

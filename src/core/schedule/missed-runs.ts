/**
 * Missed snapshots: GitHub delays and drops scheduled runs (and disables
 * them after 60 days in public repositories), so a scheduled run counts the
 * fire times of its own cron that fell strictly between the start of the
 * last earlier successful export and its own fire time. Each one is a
 * snapshot that never happened.
 */

/** Look back at most this far (the contract's 35 days). */
const LOOK_BACK_MS = 35 * 86_400_000
/** A cron firing every minute fires 50 400 times in 35 days; stop well past that. */
const MAX_STEPS = 60_000

/** What one datastore and asset type missed. */
export interface MissedRuns {
  /** This run's own fire time: the latest fire time not after now. */
  firedAt: number
  /** Fire times strictly between the last success's start and `firedAt`. */
  missed: number
}

/**
 * Count the fire times of `cron` (in `timezone`) strictly between
 * `lastSuccessStartMs` and this run's fire time (the latest one not after
 * `nowMs`), looking back at most 35 days. Null when the cron cannot be read
 * or never fired before now. cron-parser loads here only, so runs that were
 * not scheduled never pay for it.
 */
export async function countMissedRuns(
  cron: string,
  timezone: string,
  lastSuccessStartMs: number,
  nowMs: number
): Promise<MissedRuns | null> {
  const { CronExpressionParser } = await import('cron-parser')
  let firedAt: number
  let walk: { prev(): { getTime(): number } }
  try {
    const expr = CronExpressionParser.parse(cron.trim(), {
      tz: timezone,
      // Just after now, so a fire time exactly at now counts as this run's.
      currentDate: new Date(nowMs + 1)
    })
    firedAt = expr.prev().getTime()
    walk = expr
  } catch {
    return null
  }
  const floor = Math.max(lastSuccessStartMs, firedAt - LOOK_BACK_MS)
  let missed = 0
  for (let step = 0; step < MAX_STEPS; step++) {
    let at: number
    try {
      at = walk.prev().getTime()
    } catch {
      break // no earlier fire time
    }
    if (at <= floor) break
    missed++
  }
  return { firedAt, missed }
}

/** The warning for a row whose snapshots were missed. */
export function missedRunsWarning(
  datastore: string,
  assetType: string,
  missed: number,
  lastSuccessAt: string
): string {
  const runs = missed === 1 ? 'run was' : 'runs were'
  return `${datastore}, ${assetType}: ${missed} scheduled ${runs} missed since the last successful export (ended ${lastSuccessAt}); those snapshots never happened. GitHub delays or drops scheduled runs under load and disables them after 60 days without repository activity.`
}

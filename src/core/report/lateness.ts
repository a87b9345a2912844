import { formatDuration } from '../config/duration.js'
import { whenInZone } from '../schedule/zone-time.js'

/**
 * `This run belongs to the schedule's slot of Mon 2026-11-30 06:00 UTC and
 * started 4 h 46 min after it.`: how late GitHub started a scheduled run.
 * Null when the run was not scheduled or the slot is unknown.
 */
export function lateLine(
  schedule: {
    scheduledAt?: string | null
    lateSeconds?: number | null
    timezone: string
  } | null
): string | null {
  if (!schedule?.scheduledAt || schedule.lateSeconds == null) return null
  const slot = whenInZone(schedule.scheduledAt, schedule.timezone)
  const late = schedule.lateSeconds
  const by =
    late < 60
      ? 'on time (within a minute)'
      : `${formatDuration(late * 1000)} after it`
  return `This run belongs to the schedule's slot of ${slot} and started ${by}.`
}

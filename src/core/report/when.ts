import { formatDuration } from '../config/duration.js'

/**
 * `Thu 2026-11-26 06:17 Europe/Berlin (05:17 UTC)`: the schedule's own zone
 * first, since that is how the cron was written. Built from parts, not a
 * locale format, so it reads the same on every Node and ICU version.
 */
export function whenInZone(iso: string, timezone: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  const utcIso = date.toISOString()
  const utc = `${weekday(date)} ${utcIso.slice(0, 10)} ${utcIso.slice(11, 16)} UTC`
  const local = timezone === 'UTC' ? null : partsIn(date, timezone)
  if (!local) return utc
  const day = new Date(`${local.day}T00:00:00Z`)
  const utcDay = utcIso.startsWith(local.day) ? '' : `${weekday(date)} `
  return `${weekday(day)} ${local.day} ${local.time} ${timezone} (${utcDay}${utcIso.slice(11, 16)} UTC)`
}

function partsIn(
  date: Date,
  timeZone: string
): { day: string; time: string } | null {
  try {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23'
    }).formatToParts(date)
    const get = (type: string): string =>
      parts.find(p => p.type === type)?.value ?? ''
    return {
      day: `${get('year')}-${get('month')}-${get('day')}`,
      time: `${get('hour')}:${get('minute')}`
    }
  } catch {
    return null
  }
}

function weekday(date: Date): string {
  return ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][date.getUTCDay()]!
}

/**
 * `This run belongs to the slot of Mon 2026-11-30 06:00 UTC and started
 * 4 h 46 min after it.`: how late GitHub started a scheduled run. Null
 * when the run was not scheduled or the slot is unknown.
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

/**
 * `Thu 2026-11-26 06:17 Europe/Berlin (05:17 UTC)`: one way to write a
 * firing time, in the summary and on the command line alike. The
 * schedule's own zone comes first, since that is how the cron was written.
 * Built from parts, not a locale format, so it reads the same on every Node
 * and ICU version.
 */
export function whenInZone(when: string | Date, timezone: string): string {
  const date = new Date(when)
  if (Number.isNaN(date.getTime())) return String(when)
  const utcIso = date.toISOString()
  const utc = `${weekday(date)} ${utcIso.slice(0, 10)} ${utcIso.slice(11, 16)} UTC`
  const local = isUtc(timezone) ? null : partsIn(date, timezone)
  if (!local) return utc
  const day = new Date(`${local.day}T00:00:00Z`)
  const utcDay = utcIso.startsWith(local.day) ? '' : `${weekday(date)} `
  return `${weekday(day)} ${local.day} ${local.time} ${timezone} (${utcDay}${utcIso.slice(11, 16)} UTC)`
}

function isUtc(timezone: string): boolean {
  return timezone === 'UTC' || timezone === 'Etc/UTC'
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

/**
 * A cron in words and its firing times, in the schedule's zone and in UTC.
 * Loaded only by the commands that show schedules.
 */
import { CronExpressionParser } from 'cron-parser'
import cronstrue from 'cronstrue'

/** The cron in words, read the way GitHub's editor reads it (0 = Sunday, 24 h clock). */
export function describeCron(cron: string): string {
  try {
    return cronstrue.toString(cron.trim(), {
      dayOfWeekStartIndexZero: true,
      use24HourTimeFormat: true,
      throwExceptionOnParseError: true
    })
  } catch {
    return cron
  }
}

/** The next `count` firings after `from`, in zone `tz` (validate the cron first). */
export function nextRuns(
  cron: string,
  tz: string,
  count: number,
  from = new Date()
): Date[] {
  return CronExpressionParser.parse(cron.trim(), { tz, currentDate: from })
    .take(count)
    .map(d => d.toDate())
}

/** Every firing in [from, to), at most `cap` of them. */
export function firingsBetween(
  cron: string,
  tz: string,
  from: Date,
  to: Date,
  cap = 5000
): Date[] {
  const expr = CronExpressionParser.parse(cron.trim(), {
    tz,
    currentDate: from,
    endDate: to
  })
  const out: Date[] = []
  while (out.length < cap && expr.hasNext()) out.push(expr.next().toDate())
  return out
}

/** `Mon 2025-01-06 06:17 CET`, in the given zone. */
export function formatInZone(date: Date, tz: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'short'
    })
      .formatToParts(date)
      .map(p => [p.type, p.value])
  ) as Record<string, string>
  return `${parts.weekday} ${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute} ${parts.timeZoneName}`
}

/** A firing in the schedule's zone, with UTC beside it unless the zone is UTC. */
export function formatRun(date: Date, tz: string): string {
  const local = formatInZone(date, tz)
  return tz === 'UTC' || tz === 'Etc/UTC'
    ? local
    : `${local} (${formatInZone(date, 'UTC')})`
}

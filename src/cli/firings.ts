/**
 * When a cron fires, for the commands that show and compare schedules.
 * Validate the cron first (cron-rules.ts): these throw on what GitHub
 * would refuse.
 */
import { CronExpressionParser } from 'cron-parser'

/** The next `count` firings after `from`, in zone `tz`. */
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

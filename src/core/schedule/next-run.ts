/**
 * The schedule a run came from. GitHub's schedule payload carries only the
 * cron string that fired (`github.event.schedule`), not its `timezone:`,
 * so the zone comes from the `schedule-timezone` input.
 */
export interface ScheduleInfo {
  cron: string
  timezone: string
  /** The cron in words, e.g. "At 06:17". */
  description: string | null
  /** Next firing, ISO 8601 in UTC; null when the cron cannot be read. */
  nextRun: string | null
}

/**
 * Describe a cron and find its next firing after `now`. The parser libraries
 * load only here, so runs that were not scheduled never pay for them.
 */
export async function describeSchedule(
  cron: string,
  timezone: string,
  now: Date
): Promise<ScheduleInfo> {
  const [{ CronExpressionParser }, cronstrue] = await Promise.all([
    import('cron-parser'),
    import('cronstrue')
  ])
  let nextRun: string | null
  let description: string | null
  try {
    nextRun = CronExpressionParser.parse(cron, {
      tz: timezone,
      currentDate: now
    })
      .next()
      .toISOString()
  } catch {
    nextRun = null
  }
  try {
    description = cronstrue.default.toString(cron, {
      use24HourTimeFormat: true,
      verbose: false
    })
  } catch {
    description = null
  }
  return { cron, timezone, description, nextRun }
}

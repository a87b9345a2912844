/**
 * The schedule a run came from. GitHub's schedule payload carries only the
 * cron string that fired (`github.event.schedule`), not its `timezone:`,
 * so the zone comes from the `schedule-timezone` input.
 */
export interface ScheduleInfo {
  cron: string
  timezone: string
  /** The cron in words, as GitHub's editor words it, e.g. "Runs at 06:17". */
  description: string | null
  /** Next firing, ISO 8601 in UTC; null when the cron cannot be read. */
  nextRun: string | null
  /**
   * The slot this run belongs to: the latest firing not after the run
   * started (the `scheduled-at` output), ISO 8601 in UTC; null when the
   * cron cannot be read.
   */
  scheduledAt?: string | null
  /** How long after that slot the run started, in seconds (GitHub's lag). */
  lateSeconds?: number | null
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
  const [{ CronExpressionParser }, { describeCron }] = await Promise.all([
    import('cron-parser'),
    import('./describe.js')
  ])
  let nextRun: string | null
  let scheduledAt: string | null
  try {
    nextRun = CronExpressionParser.parse(cron, {
      tz: timezone,
      currentDate: now
    })
      .next()
      .toISOString()
    // prev() looks strictly before its date: a run that starts on the
    // very second of its slot still belongs to it.
    scheduledAt = CronExpressionParser.parse(cron, {
      tz: timezone,
      currentDate: new Date(now.getTime() + 1000)
    })
      .prev()
      .toISOString()
  } catch {
    nextRun = null
    scheduledAt = null
  }
  const description = describeCron(cron)
  const lateSeconds =
    scheduledAt === null
      ? null
      : Math.max(
          0,
          Math.round((now.getTime() - Date.parse(scheduledAt)) / 1000)
        )
  return { cron, timezone, description, nextRun, scheduledAt, lateSeconds }
}

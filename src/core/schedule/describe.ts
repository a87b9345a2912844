/**
 * A cron in words, as GitHub's workflow editor words it: its own describer
 * from @actions/workflow-parser (cronstrue beneath, 0 = Sunday, 24-hour
 * clock), so the summary, the command line and the editor read a schedule
 * the same way. Loaded only where a schedule is shown.
 */
import { getCronDescription } from '@actions/workflow-parser/model/converter/cron'

/** `Runs at 06:17`; null for an expression GitHub would refuse. */
export function describeCron(cron: string): string | null {
  return getCronDescription(cron.trim()) ?? null
}

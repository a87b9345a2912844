/**
 * Run the job in-process on a given clock, the way the front ends do,
 * collecting every log and warning line.
 */
import { parseConfig } from '../../src/core/config/config.js'
import { runExportJob, type JobOutcome } from '../../src/core/run/job.js'
import { createRedactor } from '../../src/core/output/redact.js'
import type { Clock } from '../../src/core/clock.js'

/** What an in-process job came to, with its log (warnings as `warn: ...`). */
export interface JobRun {
  outcome: JobOutcome
  lines: string[]
}

/** Parse `inputs` as the action would and run the job on `clock`. */
export async function runJob(
  clock: Clock,
  inputs: Record<string, string>,
  signal?: AbortSignal
): Promise<JobRun> {
  const config = parseConfig(inputs)
  const lines: string[] = []
  const outcome = await runExportJob(config, {
    clock,
    signal,
    redact: createRedactor(config.token),
    hooks: { log: m => lines.push(m), warn: m => lines.push(`warn: ${m}`) }
  })
  return { outcome, lines }
}

import * as core from '@actions/core'
import { readFile } from 'node:fs/promises'
import { systemClock, type Clock } from '../core/clock.js'
import { buildPlan, parseConfig } from '../core/config/config.js'
import { InputError, PreflightError } from '../core/errors.js'
import { runExportJob, type JobOutcome } from '../core/run/job.js'
import { onCancelSignals } from '../core/run/stopping.js'
import { isFailing } from '../core/domain/results.js'
import {
  describeSchedule,
  type ScheduleInfo
} from '../core/schedule/next-run.js'
import { checkTokenExpiry } from '../core/config/token.js'
import { missedRunsWarning } from '../core/schedule/missed-runs.js'
import type { OperationRecord, PlannedExport } from '../core/types.js'
import type { ExportConfig } from '../core/config/config.js'
import { heartbeatMs, startHeartbeat } from '../core/report/heartbeat.js'
import { maskToken, readRawInputs } from './inputs.js'
import {
  Outputs,
  setFinalOutputs,
  setIdOutputs,
  setSelectionOutputs
} from './outputs.js'
import { runPost, State } from './post.js'
import { mergeResults } from '../core/fleet/merge.js'
import {
  badFileLines,
  describeMerge,
  endRun,
  mergedSummary
} from '../core/fleet/session.js'
import { adviceFor, logGroups, writeSummary } from './report.js'
import { createActionWriter, type ActionWriter } from './writer.js'
import {
  lateLine,
  describeChange,
  describeRetry,
  describePlan,
  describePreflight,
  verdict
} from '../core/report/verdict.js'

/** Prefix of every failure message, so it reads well among other steps. */
const FAILURE_PREFIX = 'qualytics-export-action'

/**
 * The action's entry: the main step, or the post step when main has run.
 * The only place that catches everything and fails the step. The clock is
 * the real one on a runner; the tests hand in a faster one.
 */
export async function run(clock: Clock = systemClock): Promise<void> {
  if (core.getState(State.IsPost) === 'true') return runPost(clock)
  const out = createActionWriter()
  out.state(State.IsPost, 'true')
  const raw = readRawInputs()
  // Masked before anything else runs, so no later line can leak it.
  maskToken(raw, process.env, out)
  const startedAt = clock.now()
  let config: ExportConfig | null = null
  let plan: PlannedExport[] = []
  try {
    config = parseConfig(raw, process.env)
    if (config.mergeResults.length > 0) return await merge(config, out)
    plan = buildPlan(config)
    await main(config, out, startedAt, clock)
  } catch (error) {
    const problem = await fail(error, out, config?.origin ?? '', plan)
    if (config)
      await endRun(
        config,
        {
          result: 'failure',
          records: [],
          plan,
          datastoreNames: new Map(),
          schedule: null,
          origin: config.origin,
          startedAt,
          endedAt: clock.now(),
          problem
        },
        out
      )
  }
}

/**
 * `merge-results`: the results files of a fan-out's legs as one run: one
 * summary, one `operations`, one `result`, the exit code a run would have.
 * Calls no API.
 */
async function merge(config: ExportConfig, out: ActionWriter): Promise<void> {
  const merged = await mergeResults(config.mergeResults, process.cwd())
  for (const line of badFileLines(merged))
    out.error(line, 'Results file not merged')
  setSelectionOutputs([...new Set(merged.records.map(r => r.datastoreId))], out)
  setFinalOutputs(merged.result, merged.records, out)
  const sentence = describeMerge(merged)
  const advice =
    merged.bad.length > 0
      ? 'Check that every leg uploaded its results file (a leg that failed early may have written none), then re-run the gather job.'
      : adviceFor(merged.result, config)
  await writeSummary({ ...mergedSummary(merged), advice }, out)
  if (isFailing(merged.result, config.failOnWarning)) {
    process.exitCode = 1
    out.fail(
      `${FAILURE_PREFIX}: ${sentence} ${verdict(merged.records, merged.result, null)} ${advice ?? ''}`.trim()
    )
  } else out.info(`${sentence} ${verdict(merged.records, merged.result, null)}`)
}

async function main(
  config: ExportConfig,
  out: ActionWriter,
  startedAt: number,
  clock: Clock
): Promise<void> {
  const log = out
  const expiring = checkTokenExpiry(config.token, clock.now())
  if (expiring) log.warning(expiring, 'Token expires soon')
  if (config.insecure)
    log.warning(
      `The Qualytics URL uses plain http (${config.origin}); the token travels unencrypted. Use https.`,
      'Insecure URL'
    )
  const schedule = await scheduleOfThisRun(
    config.scheduleTimezone,
    log,
    new Date(startedAt)
  )
  out.output(Outputs.NextRun, schedule?.nextRun ?? '')
  out.output(Outputs.ScheduledAt, schedule?.scheduledAt ?? '')
  const late = lateLine(schedule)
  if (late) log.info(late)
  const plan = buildPlan(config)
  log.info(`Plan: ${describePlan(config, plan)}`)
  const cancel = onCancelSignals(m => log.warning(m))
  let names = new Map<number, string>()
  const watching = new Set<number>()
  let tracked: readonly OperationRecord[] = []
  // A long export must not leave the log silent for an hour.
  const stopHeartbeat = startHeartbeat(
    () => tracked,
    line => out.info(line),
    heartbeatMs(process.env.QUALYTICS_HEARTBEAT_MS)
  )
  let outcome: JobOutcome
  try {
    outcome = await runExportJob(config, {
      clock,
      redact: out.redact,
      signal: cancel.signal,
      schedule: schedule && {
        cron: schedule.cron,
        timezone: schedule.timezone
      },
      onRetry: r => log.info(describeRetry(r)),
      warn: (m, title) => log.warning(m, title ?? 'Datastores skipped'),
      onPreflight: report => {
        names = new Map(report.datastores.map(d => [d.id, d.name]))
        setSelectionOutputs(
          report.datastores.map(d => d.id),
          out
        )
        // A tag may select hundreds: name the first few, count the rest.
        log.info(describePreflight(report))
      },
      hooks: {
        triggered: records => {
          tracked = records
          setIdOutputs(records, out)
        },
        changed: record => {
          log.info(describeChange(record, names))
          // The post step aborts these if this step is killed before it can.
          if (!config.wait || record.id === null) return
          if (record.result === 'running') watching.add(record.id)
          else watching.delete(record.id)
          out.state(State.Watching, [...watching].join(','))
        },
        log: m => log.info(m),
        // A passing read failure is no annotation: the run may well succeed.
        warn: m => log.info(m)
      }
    })
  } finally {
    stopHeartbeat()
    cancel.dispose()
  }
  // Main dealt with everything it saw, except aborts that did not get
  // through: those are the post step's to try again.
  const abortPending = outcome.records.filter(r => r.abortPending)
  out.state(State.Watching, '')
  out.state(State.AbortPending, abortPending.map(r => r.id).join(','))
  report(config, outcome.plan, outcome, schedule, out)
  await writeSummary(
    {
      result: outcome.result,
      records: outcome.records,
      datastoreNames: outcome.datastoreNames,
      schedule,
      elapsedMs: outcome.elapsedMs,
      origin: config.origin,
      advice: adviceFor(outcome.result, config)
    },
    out
  )
  await endRun(
    config,
    {
      result: outcome.result,
      records: outcome.records,
      plan: outcome.plan,
      datastoreNames: outcome.datastoreNames,
      schedule,
      origin: config.origin,
      startedAt,
      endedAt: clock.now()
    },
    out
  )
}

function report(
  config: ExportConfig,
  plan: ReturnType<typeof buildPlan>,
  outcome: JobOutcome,
  schedule: ScheduleInfo | null,
  out: ActionWriter
): void {
  const log = out
  setFinalOutputs(outcome.result, outcome.records, out)
  logGroups(outcome.records, plan, outcome.datastoreNames, out)
  if (schedule?.nextRun) log.info(`Next scheduled run: ${schedule.nextRun}`)
  const bad = outcome.records.filter(r => isFailing(r.result, false))
  for (const record of bad)
    log.error(
      describeChange(record, outcome.datastoreNames),
      `Export ${record.result}`
    )
  for (const record of outcome.records.filter(r => r.result === 'warning'))
    log.warning(
      // The line already carries the action's own findings (a table not
      // verified): each note is said once.
      describeChange(record, outcome.datastoreNames),
      'Export warning'
    )
  for (const record of outcome.records.filter(r => (r.missedRuns ?? 0) > 0))
    log.warning(
      missedRunsWarning(
        `Datastore ${record.datastoreId} (${outcome.datastoreNames.get(record.datastoreId) ?? 'unnamed'})`,
        record.assetType,
        record.missedRuns as number,
        record.lastSuccessAt ?? 'unknown'
      ),
      'Missed scheduled snapshots'
    )
  const sentence = verdict(outcome.records, outcome.result, outcome.elapsedMs)
  if (isFailing(outcome.result, config.failOnWarning)) {
    process.exitCode = 1
    out.fail(
      `${FAILURE_PREFIX}: ${sentence} ${adviceFor(outcome.result, config) ?? ''}`.trim()
    )
  } else log.info(sentence)
}

/**
 * Fail the step for an error that stopped the run before any export could
 * start (bad input, preflight, an API that stayed down): outputs, a summary
 * that says why, and one error that says what happened and what to do.
 */
async function fail(
  error: unknown,
  out: ActionWriter,
  origin: string,
  plan: readonly PlannedExport[]
): Promise<string> {
  let problem: string
  let advice: string
  if (error instanceof PreflightError) {
    ;[problem, advice] = [error.message, error.hint]
  } else if (error instanceof InputError) {
    ;[problem, advice] = [
      `${error.message}.`,
      'Nothing was sent to Qualytics. Correct the input and re-run the workflow.'
    ]
  } else {
    problem = `${error instanceof Error ? error.message : String(error)}.`
    advice =
      'Check that Qualytics is reachable from the runner, then re-run the workflow.'
  }
  out.output(Outputs.Result, 'failure')
  out.jsonOutput(Outputs.Operations, '[]')
  process.exitCode = 1
  out.fail(`${FAILURE_PREFIX}: ${problem} ${advice}`)
  await writeSummary(
    {
      result: 'failure',
      records: [],
      datastoreNames: new Map(),
      schedule: null,
      elapsedMs: null,
      origin,
      problem,
      advice,
      // A preflight failure still shows the plan and which datastores passed.
      preflight:
        error instanceof PreflightError && plan.length > 0
          ? { plan, checked: error.checked }
          : undefined
    },
    out
  ).catch(() => undefined)
  return problem
}

/** The cron that fired, when this run came from `on.schedule`. */
async function scheduleOfThisRun(
  timezone: string,
  log: ActionWriter,
  startedAt: Date
): Promise<ScheduleInfo | null> {
  if (
    process.env.GITHUB_EVENT_NAME !== 'schedule' ||
    !process.env.GITHUB_EVENT_PATH
  )
    return null
  try {
    const event = JSON.parse(
      await readFile(process.env.GITHUB_EVENT_PATH, 'utf8')
    ) as { schedule?: unknown }
    if (typeof event.schedule !== 'string') return null
    return await describeSchedule(event.schedule, timezone, startedAt)
  } catch (error) {
    log.warning(
      `Could not read the schedule from the event payload: ${error instanceof Error ? error.message : String(error)}`
    )
    return null
  }
}

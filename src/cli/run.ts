import { onCancelSignals } from '../core/run/stopping.js'
import { systemClock } from '../core/clock.js'
import {
  buildPlan,
  parseConfig,
  type RawInputs
} from '../core/config/config.js'
import { INPUT_NAMES, secretInputs } from '../core/config/inputs-table.js'
import type { RunFacts } from '../core/fleet/results-file.js'
import { endRun, type EndWriter } from '../core/fleet/session.js'
import { formatDuration } from '../core/config/duration.js'
import { constants } from 'node:os'
import { InputError, PreflightError } from '../core/errors.js'
import { runExportJob, type JobOutcome } from '../core/run/job.js'
import { operationsJson } from '../core/output/records.js'
import { createRedactors, secretsOf } from '../core/output/redact.js'
import { heartbeatMs, startHeartbeat } from '../core/report/heartbeat.js'
import { isFailing } from '../core/domain/results.js'
import { checkTokenExpiry } from '../core/config/token.js'
import { newRecord } from '../core/domain/records.js'
import {
  describePlan,
  describePreflight,
  describeRetry,
  verdict
} from '../core/report/verdict.js'
import type { OperationRecord } from '../core/types.js'
import type { ExportConfig } from '../core/config/config.js'
import { parseFlags, stringFlag, UsageError, type Flags } from './args.js'
import { RUN } from './commands.js'
import { createProgress, describeRecord, exportLabel } from './progress.js'
import { reportFiles, writeReports } from './reports.js'
import { createTerminal } from './terminal.js'

/** Why there is no `--token`: said whenever someone tries one. */
export const TOKEN_FLAG_REFUSED =
  'qualytics-export run: --token is not accepted: a token on the command line is kept in shell history and shown to every user by `ps`. Set the QUALYTICS_TOKEN environment variable instead (in CI, from a masked secret variable).'

/**
 * `run`: the action's export from any terminal or CI, through the same core
 * (parseConfig, runExportJob, isFailing) with a terminal front end.
 */
export async function runCommand(argv: string[]): Promise<number> {
  // Before parsing: the refusal must not depend on where the flag sits.
  if (argv.some(a => a === '--token' || a.startsWith('--token=')))
    throw new UsageError(TOKEN_FLAG_REFUSED)
  const flags = parseFlags(RUN, argv)
  if (!(process.env.QUALYTICS_TOKEN ?? '').trim())
    throw new UsageError(
      'qualytics-export run: QUALYTICS_TOKEN is not set; export it in the environment (the CLI takes the token from nowhere else).'
    )
  // Raw inputs without a token: parseConfig reads QUALYTICS_TOKEN (and QUALYTICS_URL) from env.
  const raw = rawInputs(flags)
  const config = parseConfig(raw, process.env)
  const redact = createRedactors([
    ...secretsOf(
      config.token,
      stringFlag(flags, 'url') ?? process.env.QUALYTICS_URL ?? ''
    ),
    ...secretInputs(raw)
  ])
  const startedAt = Date.now()
  const term = createTerminal(redact)
  const json = flags.json === true
  const files = reportFiles(flags)
  // With --json, stdout carries only the JSON; everything else goes to stderr.
  const out = json ? term.stderr : term.stdout
  const say = (line: string): void => out.line(line)
  const ending: EndWriter = {
    redact: term.safe.redact,
    info: say,
    warning: m => say(`Warning: ${m}`),
    file: (path, text) => term.file(path, text)
  }
  const end = (
    facts: Omit<RunFacts, 'origin' | 'startedAt' | 'endedAt' | 'schedule'>
  ): Promise<void> =>
    endRun(
      config,
      {
        ...facts,
        schedule: null,
        origin: config.origin,
        startedAt,
        endedAt: Date.now()
      },
      ending
    )
  let expiring: string | null
  try {
    expiring = checkTokenExpiry(config.token, Date.now())
  } catch (error) {
    if (!(error instanceof PreflightError)) throw error
    term.stderr.line(`qualytics-export run: ${error.message} ${error.hint}`)
    await end({
      result: 'failure',
      records: [],
      plan: buildPlan(config),
      datastoreNames: new Map(),
      problem: error.message
    })
    return 1
  }
  if (expiring) say(`Warning: ${expiring}`)
  if (config.insecure)
    say(
      `Warning: ${config.origin} uses plain http; the token travels unencrypted. Use https.`
    )
  const plan = buildPlan(config)
  say(`${config.dryRun ? 'Dry run: ' : ''}${describePlan(config, plan)}`)
  const names = new Map<number, string>()
  const tty = out.isTTY && process.env.TERM !== 'dumb'
  const progress = createProgress(term.raw(json ? 'stderr' : 'stdout'), {
    tty,
    redact,
    names
  })
  const cancel = onCancelSignals(() =>
    progress.warn(
      config.abortOnCancel
        ? 'Interrupted: aborting the exports still running...'
        : 'Interrupted: leaving the exports running in Qualytics (--abort-on-cancel false).'
    )
  )
  let tracked: readonly OperationRecord[] = []
  // A terminal shows live clocks; a CI log gets a line every few minutes.
  const stopHeartbeat =
    tty || !config.wait
      ? () => undefined
      : startHeartbeat(
          () => tracked,
          line => progress.log(line),
          heartbeatMs(process.env.QUALYTICS_HEARTBEAT_MS),
          names
        )
  let outcome: JobOutcome
  try {
    outcome = await runExportJob(config, {
      clock: systemClock,
      redact,
      signal: cancel.signal,
      onRetry: r => progress.log(describeRetry(r)),
      warn: m => progress.warn(m),
      onPreflight: report => {
        for (const d of report.datastores) names.set(d.id, d.name)
        progress.log(describePreflight(report))
        if (!config.dryRun)
          progress.track(
            placeholders(
              buildPlan({
                ...config,
                datastores: report.datastores.map(d => d.id)
              })
            )
          )
      },
      hooks: {
        triggered: records => {
          tracked = records
          progress.track(records)
        },
        changed: record => progress.changed(record),
        log: m => progress.log(m),
        warn: m => progress.warn(m)
      }
    })
  } catch (error) {
    progress.finish([])
    if (!(error instanceof InputError || error instanceof UsageError)) {
      const { problem, advice: hint } = stopText(error, cancel.received())
      term.stderr.line(`${problem} ${hint}`)
      await writeReports(term, files, {
        failOnWarning: config.failOnWarning,
        startedAt: new Date(startedAt).toISOString(),
        result: 'failure',
        records: [],
        datastoreNames: names,
        schedule: null,
        elapsedMs: null,
        origin: config.origin,
        problem,
        advice: hint
      })
      await end({
        result: 'failure',
        records: [],
        plan: buildPlan(config),
        datastoreNames: names,
        problem
      })
      return exitCode(true, cancel.received())
    }
    throw error
  } finally {
    stopHeartbeat()
    cancel.dispose()
  }
  progress.finish(config.dryRun ? [] : outcome.records)
  if (json) term.json(operationsJson(outcome.records, redact))
  const tip = report(outcome, config, names, say, progress.cutsLines)
  await writeReports(term, files, {
    failOnWarning: config.failOnWarning,
    startedAt: new Date(startedAt).toISOString(),
    result: outcome.result,
    records: outcome.records,
    datastoreNames: outcome.datastoreNames,
    schedule: null,
    elapsedMs: outcome.elapsedMs,
    origin: config.origin,
    ...(tip ? { advice: tip } : {})
  })
  await end({
    result: outcome.result,
    records: outcome.records,
    plan: outcome.plan,
    datastoreNames: outcome.datastoreNames
  })
  return exitCode(
    isFailing(outcome.result, config.failOnWarning),
    cancel.received()
  )
}

/** What the CLI says when nothing could be read from Qualytics: the action's advice, for wherever it runs. */
export const REACH_ADVICE =
  'Check that Qualytics is reachable from here (the URL, HTTPS_PROXY and NO_PROXY, a firewall), then run again.'

/**
 * Why a run stopped before its exports could be reported, and what to do:
 * a preflight finding with its own hint, an interrupt, or (as the action
 * says) an API or network error that survived the retries.
 */
export function stopText(
  error: unknown,
  signal: NodeJS.Signals | null
): { problem: string; advice: string } {
  const message = error instanceof Error ? error.message : String(error)
  if (error instanceof PreflightError)
    return { problem: message, advice: error.hint }
  if (signal)
    return {
      problem: `Interrupted (${signal}) before the exports were under way.`,
      advice: 'Look in Qualytics for exports this run may have started.'
    }
  const problem = message.endsWith('.') ? message : `${message}.`
  return { problem, advice: REACH_ADVICE }
}

/**
 * The exit code: 128 + the signal's number after Ctrl-C (130) or SIGTERM
 * (143), as a shell reports a command a signal stopped; else 1 or 0.
 */
export function exitCode(
  failing: boolean,
  signal: NodeJS.Signals | null
): number {
  if (signal) return 128 + (constants.signals[signal] ?? 0)
  return failing ? 1 : 0
}

/** Flags to the action's raw inputs: the same names, booleans as 'true'. */
function rawInputs(flags: Flags): RawInputs {
  const raw: RawInputs = {}
  for (const name of INPUT_NAMES) {
    const value = flags[name]
    if (typeof value === 'string') raw[name] = value
    else if (value === true) raw[name] = 'true'
  }
  return raw
}

/** Lines for the plan before anything is triggered. */
function placeholders(plan: ReturnType<typeof buildPlan>): OperationRecord[] {
  return plan.map(p => newRecord(p))
}

function report(
  outcome: JobOutcome,
  config: ExportConfig,
  names: ReadonlyMap<number, string>,
  say: (line: string) => void,
  linesWereCut: boolean
): string | undefined {
  const { records, result } = outcome
  if (result === 'dry-run') {
    for (const r of records) say(`Would export ${exportLabel(r, names)}.`)
    say('Dry run: token and datastores checked; nothing was triggered.')
    return undefined
  }
  // Failures and warnings again, untruncated, under the live lines (which
  // a terminal cuts to its width). Plain lines were printed whole already.
  if (linesWereCut)
    for (const r of records.filter(r => r.message && r.result !== 'success'))
      say(describeRecord(r, names))
  say(
    outcome.ended === 'not-waited'
      ? `Started ${records.filter(r => r.id !== null).length} of ${records.length} exports; not waiting (--wait false). Ids: ${records.map(r => r.id ?? '-').join(',')}`
      : verdict(records, result, outcome.elapsedMs)
  )
  const advice: Partial<Record<typeof result, string>> = {
    timeout: `Raise --timeout (now ${formatDuration(config.timeoutMs)}), or look at the exports in Qualytics: ${config.origin}`,
    cancelled: config.abortOnCancel
      ? 'Interrupted; the exports still running were asked to abort.'
      : 'Interrupted; the exports were left running in Qualytics.',
    failure: 'Fix the cause named above and run again.',
    aborted:
      'An export was aborted in Qualytics; run again when that is resolved.',
    warning: config.failOnWarning
      ? 'An export ended with a warning and --fail-on-warning is set.'
      : undefined
  }
  const tip = advice[result]
  if (tip) say(tip)
  return tip
}

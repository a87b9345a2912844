import { abortOperations, type AbortOutcome } from './abort.js'
import type { QualyticsClient } from './client.js'
import type { Clock } from './clock.js'
import { formatDuration } from './duration.js'
import { ApiError } from './errors.js'
import { firstPause, nextPause, pauseAfterFailure } from './poll-schedule.js'
import { classify, isTerminal, overallResult } from './results.js'
import { triggerExport, type TriggerContext } from './trigger.js'
import type {
  ExportConfig,
  Operation,
  OperationRecord,
  PlannedExport,
  Result
} from './types.js'

/** How long aborts may take when the run is cancelled (SIGTERM follows SIGINT after 7.5 s). */
export const CANCEL_ABORT_BUDGET_MS = 4000
const TIMEOUT_ABORT_BUDGET_MS = 10_000

/** What the adapters hear while the run goes on. None of it is required. */
export interface RunHooks {
  /** After each trigger: the ids known so far (set outputs now, not at the end). */
  triggered?(records: readonly OperationRecord[]): void
  /** An export's result changed (one log line per change, not per poll). */
  changed?(record: OperationRecord, previous: Result | 'pending'): void
  log?(message: string): void
  warn?(message: string): void
}

/** What the run needs besides the config. */
export interface RunDeps {
  client: QualyticsClient
  clock: Clock
  hooks?: RunHooks
  /** Aborted when the workflow run is cancelled. */
  signal?: AbortSignal
  random?: () => number
}

/** How the run ended. */
export interface RunOutcome {
  records: OperationRecord[]
  result: Result
  ended: 'finished' | 'not-waited' | 'timeout' | 'cancelled'
  elapsedMs: number
}

interface Tracked {
  record: OperationRecord
  triggeredAt: number
  nextCheckAt: number
  failures: number
}

/**
 * Trigger every planned export (at most `max-parallel` running at once) and
 * watch them all from one loop until each has ended, the timeout passes or
 * the run is cancelled. Knows nothing of GitHub: adapters listen on hooks.
 */
export async function runExports(
  config: ExportConfig,
  plan: readonly PlannedExport[],
  deps: RunDeps
): Promise<RunOutcome> {
  const { client, clock, hooks = {}, signal } = deps
  const start = clock.now()
  const deadline = start + config.timeoutMs
  const records: OperationRecord[] = plan.map(p => ({
    datastoreId: p.datastoreId,
    assetType: p.assetType,
    id: null,
    result: 'running',
    message: null,
    startTime: null,
    endTime: null,
    totalContainers: null,
    count: null
  }))
  const queue = plan.map((_, index) => index)
  const active: Tracked[] = []
  const counting: Promise<void>[] = []
  const ctx: TriggerContext = {
    client,
    clock,
    deadline,
    claimed: new Set(),
    signal,
    random: deps.random,
    log: m => hooks.log?.(m)
  }
  const pollPolicy = () => ({
    maxAttempts: 2,
    baseDelayMs: 250,
    maxDelayMs: 2000,
    deadline
  })

  const apply = (tracked: Tracked, op: Operation): void => {
    const { record } = tracked
    const previous = record.result
    record.startTime = op.startTime ?? record.startTime
    record.endTime = op.endTime
    record.message = op.message
    record.totalContainers = op.totalContainers ?? record.totalContainers
    record.result = classify(op)
    if (isTerminal(op)) active.splice(active.indexOf(tracked), 1)
    else
      tracked.nextCheckAt =
        clock.now() +
        nextPause(clock.now() - tracked.triggeredAt, config.pollIntervalMs)
    if (record.result !== previous) hooks.changed?.(record, previous)
  }

  const start1 = async (index: number): Promise<void> => {
    const planned = plan[index]
    const record = records[index]
    if (!planned || !record) return
    const outcome = await triggerExport(planned, ctx)
    if (!outcome.ok) {
      record.result = 'failure'
      record.message = outcome.message
      hooks.changed?.(record, 'pending')
      return
    }
    record.id = outcome.operation.id
    const tracked: Tracked = {
      record,
      triggeredAt: clock.now(),
      nextCheckAt: clock.now() + firstPause(config.pollIntervalMs),
      failures: 0
    }
    if (config.wait) active.push(tracked)
    hooks.changed?.(record, 'pending')
    if (config.wait) apply(tracked, outcome.operation)
    if (planned.assetType !== 'profiles') {
      counting.push(
        client
          .countAssets(
            planned.assetType,
            planned.datastoreId,
            config.containers,
            {
              maxAttempts: 2,
              baseDelayMs: 250,
              maxDelayMs: 1000,
              deadline: Math.min(deadline, clock.now() + 10_000)
            }
          )
          .then(count => void (record.count = count))
      )
    }
  }

  // Triggers go out in plan order, a batch of free slots at a time.
  const fill = async (slots: number): Promise<void> => {
    const batch = queue.splice(0, Math.max(0, slots))
    await Promise.all(batch.map(start1))
    hooks.triggered?.(records)
  }

  const finish = async (ended: RunOutcome['ended']): Promise<RunOutcome> => {
    await Promise.all(counting)
    flagEmptyExports(records)
    return {
      records,
      result: overallResult(records),
      ended,
      elapsedMs: clock.now() - start
    }
  }

  const check = async (tracked: Tracked): Promise<void> => {
    const id = tracked.record.id as number
    try {
      const op = await client.getOperation(id, pollPolicy())
      tracked.failures = 0
      apply(tracked, op)
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      if (error instanceof ApiError && error.retryable) {
        // Status reads keep trying until the timeout: the export runs on regardless.
        tracked.failures++
        if (tracked.failures === 1 || tracked.failures % 10 === 0)
          hooks.warn?.(
            `Could not read the status of export ${id} (${tracked.failures}x): ${message}`
          )
        const pause = nextPause(
          clock.now() - tracked.triggeredAt,
          config.pollIntervalMs
        )
        tracked.nextCheckAt =
          clock.now() +
          pauseAfterFailure(
            pause,
            tracked.failures,
            config.pollIntervalMs,
            error.retryAfterMs
          )
        return
      }
      const previous = tracked.record.result
      tracked.record.result = 'failure'
      tracked.record.message = `Could not read the status of export ${id}: ${message}`
      active.splice(active.indexOf(tracked), 1)
      hooks.changed?.(tracked.record, previous)
    }
  }

  const stopRemaining = async (
    result: 'timeout' | 'cancelled',
    abort: boolean,
    budgetMs: number
  ): Promise<void> => {
    const waited = formatDuration(clock.now() - start)
    const outcomes = abort
      ? await abortOperations(
          client,
          active.map(t => t.record.id as number),
          budgetMs
        )
      : new Map<number, AbortOutcome>()
    for (const tracked of [...active]) {
      const outcome = outcomes.get(tracked.record.id ?? 0)
      if (outcome?.state === 'already-ended') {
        apply(tracked, outcome.operation)
        continue
      }
      const previous = tracked.record.result
      tracked.record.result = result
      const why =
        result === 'timeout'
          ? `still running after ${waited} (timeout)`
          : 'the workflow run was cancelled'
      tracked.record.message = !abort
        ? `${why}; left running in Qualytics (abort-on-${result === 'timeout' ? 'timeout' : 'cancel'}: false)`
        : outcome?.state === 'requested'
          ? `${why}; abort requested`
          : `${why}; abort failed: ${outcome?.state === 'failed' ? outcome.error : 'unknown'}`
      hooks.changed?.(tracked.record, previous)
    }
    active.length = 0
    for (const index of queue.splice(0)) {
      const record = records[index]
      if (record) {
        record.result = result
        record.message =
          result === 'timeout'
            ? `not started: the timeout (${waited}) came first`
            : 'not started: the workflow run was cancelled'
      }
    }
  }

  if (!config.wait) {
    await fill(queue.length)
    return finish('not-waited')
  }

  for (;;) {
    if (signal?.aborted) {
      await stopRemaining(
        'cancelled',
        config.abortOnCancel,
        CANCEL_ABORT_BUDGET_MS
      )
      return finish('cancelled')
    }
    if (
      queue.length > 0 &&
      active.length < config.maxParallel &&
      clock.now() < deadline
    ) {
      await fill(config.maxParallel - active.length)
      continue
    }
    if (active.length === 0 && queue.length === 0) return finish('finished')
    if (clock.now() >= deadline) {
      // One last look before calling it a timeout: an export that ended
      // during the final pause is not a timeout.
      await Promise.all(
        [...active].map(async t => {
          try {
            apply(
              t,
              await client.getOperation(t.record.id as number, {
                ...pollPolicy(),
                maxAttempts: 1
              })
            )
          } catch {
            // Unreadable now: it stays a timeout.
          }
        })
      )
      await stopRemaining(
        'timeout',
        config.abortOnTimeout,
        TIMEOUT_ABORT_BUDGET_MS
      )
      return finish('timeout')
    }
    const nextAt = Math.min(deadline, ...active.map(t => t.nextCheckAt))
    await clock.sleep(nextAt - clock.now(), signal)
    if (signal?.aborted) continue
    const now = clock.now()
    await Promise.all(active.filter(t => t.nextCheckAt <= now).map(check))
  }
}

/**
 * An export of anomalies or checks when Qualytics held none replaced the
 * export table with an empty one: worth a warning, not a silent success.
 */
function flagEmptyExports(records: OperationRecord[]): void {
  for (const record of records) {
    if (record.result === 'success' && record.count === 0) {
      record.result = 'warning'
      record.message = `Qualytics held no ${record.assetType} for datastore ${record.datastoreId} at export time, so the export wrote an empty table.`
    }
  }
}

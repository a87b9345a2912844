import {
  abortOperations,
  abandonExport,
  startCount,
  CANCEL_ABORT_BUDGET_MS,
  CANCEL_READS_BUDGET_MS,
  CANCEL_TRIGGER_GRACE_MS,
  STOPPING_READS_BUDGET_MS,
  TIMEOUT_ABORT_BUDGET_MS
} from './stopping.js'
import { LoopSleeper, settleWithin } from '../clock.js'
import { formatDuration } from '../config/duration.js'
import { StatusWatch } from './watch.js'
import { overallResult } from '../domain/results.js'
import {
  applyFields,
  flagEmptyExports,
  markNotStarted,
  markRetried,
  markReused,
  markStopped,
  markUnknown,
  newRecord,
  type AbortOutcome
} from '../domain/records.js'
import type { RunContext, RunHooks } from './context.js'
import {
  confirmRunning,
  followRunning,
  freshExport,
  historyFrom,
  HistoryBook,
  learnFromHistory,
  runningExports,
  startedOnOurClock,
  type RunSchedule
} from './history.js'
import { takeLooks, TriggerState, triggerExport } from './trigger.js'
import { readPolicy } from '../client/retry.js'
import type {
  Operation,
  OperationRecord,
  PlannedExport,
  Result
} from '../types.js'
import type { ExportConfig } from '../config/config.js'

/** How the run ended. */
export interface RunOutcome {
  records: OperationRecord[]
  result: Result
  ended: 'finished' | 'not-waited' | 'timeout' | 'cancelled'
  elapsedMs: number
}

/** A follower's margin, past the starter's pause, for its read and POST. */
const FOLLOWER_GRACE_MS = 2000

/**
 * Trigger every planned export (at most `max-parallel` running at once) and
 * watch them all from one loop until each has ended, the timeout passes
 * (the context's deadline) or the run is cancelled. Knows nothing of
 * GitHub: adapters listen on hooks. `schedule` is the cron that started
 * this run (`on.schedule`), for missed runs.
 */
export function runExports(
  config: ExportConfig,
  plan: readonly PlannedExport[],
  ctx: RunContext,
  schedule: RunSchedule | null = null,
  retryPauseMs = RETRY_PAUSE_MS
): Promise<RunOutcome> {
  return new ExportRun(config, plan, ctx, schedule, retryPauseMs).execute()
}

/** `retry-failed` waits at least this long before triggering again (the contract's 30 s). */
export const RETRY_PAUSE_MS = 30_000

class ExportRun {
  readonly #records: OperationRecord[]
  readonly #queue: number[]
  readonly #watch: StatusWatch
  readonly #starting = new Set<Promise<void>>()
  /** Plan indices whose trigger is on the wire, or was when cancelled. */
  readonly #startingIndices = new Set<number>()
  readonly #uncertain = new Set<number>()
  /** Set once the run stops: late answers no longer change the records. */
  #stopped = false
  readonly #counting: Promise<void>[] = []
  readonly #start: number
  readonly #deadline: number
  readonly #triggers: TriggerState
  readonly #hooks: RunHooks
  readonly #sleeper: LoopSleeper
  readonly #history: HistoryBook
  /** Per datastore: no POST before this (a followed export just ended). */
  readonly #holdUntil = new Map<number, number>()
  /** `retry-failed`: plan index to the time its next attempt is due. */
  readonly #retryAt = new Map<number, number>()
  /** Failed rows already judged for a retry (retried, or no room left). */
  readonly #judged = new Set<string>()

  constructor(
    private readonly config: ExportConfig,
    private readonly plan: readonly PlannedExport[],
    private readonly ctx: RunContext,
    private readonly schedule: RunSchedule | null,
    private readonly retryPauseMs: number
  ) {
    this.#records = plan.map(p => newRecord(p))
    this.#queue = plan.map((_, index) => index)
    this.#start = ctx.clock.now()
    this.#deadline = ctx.deadline
    this.#hooks = ctx.hooks
    this.#sleeper = new LoopSleeper(ctx.clock, ctx.signal)
    this.#triggers = new TriggerState(ctx)
    this.#watch = new StatusWatch(ctx, config.pollIntervalMs, {
      onSettled: () => this.#sleeper.wake(),
      onGaveUp: record => this.#abandon(record),
      onEnded: (record, pauseMs) => {
        // A read from before this end cannot speak for after it.
        this.#triggers.lookout.forget(record.datastoreId)
        // Whoever started it sees the end within pauseMs and posts next.
        if (record.adopted)
          this.#holdUntil.set(
            record.datastoreId,
            ctx.clock.now() + pauseMs + FOLLOWER_GRACE_MS
          )
      }
    })
    this.#history = new HistoryBook(
      id => this.#triggers.lookout.first(id),
      m => this.#hooks.log?.(m)
    )
  }

  async execute(): Promise<RunOutcome> {
    const { clock, signal } = this.ctx
    await takeLooks(this.plan, this.#triggers)
    if (!this.config.wait) {
      // Everything is triggered; max-parallel only bounds what is waited on.
      while (this.#queue.length > 0 && !signal?.aborted) {
        await Promise.all(
          this.#queue
            .splice(0, this.config.maxParallel)
            .map(i => this.#trigger(i))
        )
      }
      if (signal?.aborted) return this.#stop('cancelled')
      const waited = formatDuration(clock.now() - this.#start)
      for (const record of this.#records) {
        // Out of time before it could start (the only other way to stop).
        if (record.id === null && record.result === 'running')
          markNotStarted(record, 'timeout', waited)
      }
      return this.#finish('not-waited')
    }
    for (;;) {
      if (signal?.aborted) return this.#stop('cancelled')
      while (
        this.#queue.length > 0 &&
        this.#watch.size + this.#starting.size < this.config.maxParallel &&
        clock.now() < this.#deadline
      ) {
        this.#launch(this.#queue.shift() as number)
      }
      this.#retryFailed(clock.now())
      if (
        this.#watch.size +
          this.#starting.size +
          this.#queue.length +
          this.#retryAt.size ===
        0
      )
        return this.#finish('finished')
      if (clock.now() >= this.#deadline) return this.#stop('timeout')
      this.#watch.checkDue(clock.now())
      await this.#sleeper.until(
        Math.min(
          this.#deadline,
          this.#watch.nextDueAt(),
          ...this.#retryAt.values()
        )
      )
    }
  }

  /**
   * `retry-failed`: an export that ran and ended `failure` in Qualytics is
   * triggered again after the pause, while tries and time remain. Not a
   * trigger Qualytics refused (no id), nor an aborted, timed-out or
   * cancelled export (other results). Each attempt's id is kept.
   */
  #retryFailed(now: number): void {
    const limit = this.config.retryFailed
    if (limit === 0) return
    this.#records.forEach((record, index) => {
      if (record.result !== 'failure' || record.id === null) return
      if (this.#retryAt.has(index) || this.#startingIndices.has(index)) return
      const key = `${index}:${record.id}`
      if (this.#judged.has(key) || record.retriedIds.length >= limit) return
      this.#judged.add(key)
      if (now + this.retryPauseMs >= this.#deadline) {
        record.notes.push(
          `not retried: the timeout leaves no room for another attempt after a ${formatDuration(this.retryPauseMs)} pause`
        )
        return
      }
      this.#retryAt.set(index, now + this.retryPauseMs)
      this.#hooks.log?.(
        `Export ${record.id} (${record.assetType} of datastore ${record.datastoreId}) failed in Qualytics; triggering it again in ${formatDuration(this.retryPauseMs)} (retry-failed: ${limit}).`
      )
    })
    for (const [index, at] of this.#retryAt) {
      const record = this.#records[index]
      if (at > now || !record) continue
      if (this.#watch.size + this.#starting.size >= this.config.maxParallel)
        break
      this.#retryAt.delete(index)
      const previous = record.result
      markRetried(record)
      this.#hooks.changed?.(record, previous)
      this.#launch(index)
    }
  }

  /** A trigger runs beside the loop, which wakes when it settles. */
  #launch(index: number): void {
    this.#startingIndices.add(index)
    const task: Promise<void> = this.#trigger(index).finally(() => {
      this.#starting.delete(task)
      this.#startingIndices.delete(index)
      this.#sleeper.wake()
    })
    this.#starting.add(task)
  }

  async #trigger(index: number): Promise<void> {
    const planned = this.plan[index]
    const record = this.#records[index]
    if (!planned || !record) return
    // One history read per datastore: expected end, missed runs. Counted
    // on the runner's clock: a gateway's Date header may be cached or off.
    const history = await this.#history.of(planned.datastoreId)
    const learned = await learnFromHistory(record, planned, history, {
      nowMs: this.ctx.clock.now(),
      pollIntervalMs: this.config.pollIntervalMs,
      schedule: this.schedule
    })
    if (this.#stopped || this.ctx.signal?.aborted) return
    const fresh =
      this.config.skipIfFreshMs === null || record.retriedIds.length > 0
        ? null
        : freshExport(
            history,
            planned,
            this.config.skipIfFreshMs,
            this.ctx.clock.now() + this.ctx.client.serverSkewMs
          )
    if (fresh) {
      // Reported, not triggered: no POST, no count, no status read.
      markReused(record, fresh, formatDuration(this.config.skipIfFreshMs ?? 0))
      this.#hooks.log?.(
        `Reusing export ${fresh.id} (${record.assetType} of datastore ${record.datastoreId}), which succeeded at ${fresh.endTime ?? '?'}, within skip-if-fresh; not triggering another.`
      )
      this.#hooks.changed?.(record, 'pending')
      this.#hooks.triggered?.(this.#records)
      return
    }
    await this.#holdForStarter(planned.datastoreId)
    if (this.#stopped || this.ctx.signal?.aborted) return
    const running =
      this.config.ifRunning === 'wait'
        ? await this.#runningNow(planned, learned.stuckAfter)
        : null
    if (this.#stopped || this.ctx.signal?.aborted) return
    if (running) {
      this.#hooks.log?.(followRunning(record, running, this.#triggers.claimed))
      this.#count(planned, record)
      if (this.config.wait)
        this.#watch.watch(record, running, {
          expect: learned.expect,
          startedAt: startedOnOurClock(running, this.ctx.client.serverSkewMs)
        })
      else applyFields(record, running)
      this.#hooks.changed?.(record, 'pending')
      this.#hooks.triggered?.(this.#records)
      return
    }
    record.attempts += 1
    const outcome = await triggerExport(planned, this.ctx, this.#triggers)
    // Too late: the run has stopped and reported this export as not started.
    if (this.#stopped) return
    if (!outcome.ok && outcome.stopped) {
      // Cancelled: #stop marks it. Out of time (the next attempt would
      // pass the deadline): it never started, and that is the timeout's doing.
      if (this.ctx.signal?.aborted) {
        if (outcome.uncertain) this.#uncertain.add(index)
        return
      }
      record.result = 'timeout'
      record.notes.push(
        `not started: the next attempt would pass the timeout; last answer: ${outcome.message}`
      )
      this.#hooks.changed?.(record, 'pending')
      return
    }
    if (!outcome.ok) {
      record.result = 'failure'
      record.notes.push(outcome.message)
    } else {
      record.id = outcome.operation.id
      this.#count(planned, record)
      if (this.config.wait)
        this.#watch.watch(record, outcome.operation, { expect: learned.expect })
      else if (outcome.operation.result === 'queued') {
        // Not waited for: the row and the summary still say where it stands.
        record.queued = true
        this.#hooks.log?.(
          `Export ${record.id} is queued in Qualytics, waiting for a worker (wait: false, so the action does not follow it).`
        )
      }
    }
    this.#hooks.changed?.(record, 'pending')
    this.#hooks.triggered?.(this.#records)
  }

  /**
   * After following another run's export of this datastore, let that run
   * post its next export first: it sees the end within one pause of ours,
   * and the read before our POST then finds its export to follow instead
   * of starting a duplicate at the same moment.
   */
  async #holdForStarter(datastoreId: number): Promise<void> {
    const until = this.#holdUntil.get(datastoreId)
    if (until === undefined || this.config.ifRunning !== 'wait') return
    const { clock, signal } = this.ctx
    const wait = Math.min(until, this.#deadline) - clock.now()
    if (wait > 0) await clock.sleep(wait, signal)
  }

  /**
   * An export of this kind running now that `if-running: wait` follows:
   * the datastore's exports are read again before each POST (one read
   * serves the POSTs within FRESH_READ_MS), and the list's candidates are
   * settled by their own reads.
   */
  async #runningNow(
    planned: PlannedExport,
    stuckAfter: number
  ): Promise<Operation | null> {
    const { claimed, lookout } = this.#triggers
    const list = await lookout.fresh(planned.datastoreId)
    const candidates = runningExports(
      historyFrom(list, planned.datastoreId),
      planned,
      claimed
    )
    if (candidates.length === 0) return null
    const op = await confirmRunning(candidates, planned, {
      client: this.ctx.client,
      policy: readPolicy(3, this.#deadline),
      nowMs: this.ctx.clock.now(),
      stuckAfter,
      log: m => this.#hooks.log?.(m),
      warn: m => this.#hooks.warn?.(m)
    })
    // Another export of the run may have claimed it during the reads.
    return op !== null && !claimed.has(op.id) ? op : null
  }

  /** How many anomalies or checks Qualytics holds now: best effort, off the critical path. */
  #count(planned: PlannedExport, record: OperationRecord): void {
    const count = startCount(this.ctx, this.config, planned, record)
    if (count) this.#counting.push(count)
  }

  /** The watch gave up on an export: abort it or name it (stopping.ts). */
  #abandon(record: OperationRecord): void {
    const { client } = this.ctx
    const done = abandonExport(client, record, this.config.abortOnTimeout)
    if (done) this.#counting.push(done)
  }

  /** Timeout or cancel: settle triggers on the wire, abort what still runs, mark the rest. */
  async #stop(result: 'timeout' | 'cancelled'): Promise<RunOutcome> {
    const { clock, client } = this.ctx
    const grace =
      result === 'cancelled'
        ? CANCEL_TRIGGER_GRACE_MS
        : Math.max(0, this.#deadline - clock.now()) + 5000
    // Triggers on the wire may still bring ids worth aborting; status reads
    // on the wire are moot (release() makes their late answers void).
    await settleWithin(clock, grace, Promise.all(this.#starting))
    if (result === 'timeout') {
      // One last look: an export that ended during the final pause is no timeout.
      await settleWithin(
        clock,
        STOPPING_READS_BUDGET_MS,
        this.#watch.lastLook()
      )
    }
    this.#stopped = true
    const abort =
      result === 'timeout'
        ? this.config.abortOnTimeout
        : this.config.abortOnCancel
    const running = [
      ...this.#watch.release(),
      // With wait: false nothing is watched; a cancel still stops what this run started.
      ...(this.config.wait
        ? []
        : this.#records.filter(r => r.id !== null && r.result === 'running'))
    ]
    const budget =
      result === 'timeout' ? TIMEOUT_ABORT_BUDGET_MS : CANCEL_ABORT_BUDGET_MS
    // An export this run did not start (followed) is never aborted.
    const started = running.filter(r => !r.adopted).map(r => r.id as number)
    const outcomes = abort
      ? await abortOperations(client, started, budget)
      : new Map<number, AbortOutcome>()
    const waited = formatDuration(clock.now() - this.#start)
    for (const record of running) {
      const previous = record.result
      markStopped(
        record,
        result,
        waited,
        abort,
        outcomes.get(record.id as number)
      )
      this.#hooks.changed?.(record, previous)
    }
    this.#queue.length = 0
    this.#records.forEach((record, index) => {
      if (record.id !== null || record.result !== 'running') return
      if (this.#startingIndices.has(index) || this.#uncertain.has(index))
        markUnknown(record, result, waited)
      else markNotStarted(record, result, waited)
    })
    return this.#finish(result)
  }

  async #finish(ended: RunOutcome['ended']): Promise<RunOutcome> {
    const stopping = ended === 'timeout' || ended === 'cancelled'
    // Counts are a nicety: a stopping run (SIGKILL follows SIGINT within
    // seconds) does not wait long for them; one that lost the race stays null.
    const counted = Promise.all(this.#counting)
    if (stopping)
      await settleWithin(
        this.ctx.clock,
        ended === 'cancelled'
          ? CANCEL_READS_BUDGET_MS
          : STOPPING_READS_BUDGET_MS,
        counted
      )
    else await counted
    flagEmptyExports(this.#records)
    return {
      records: this.#records,
      result: overallResult(this.#records),
      ended,
      elapsedMs: this.ctx.clock.now() - this.#start
    }
  }
}

import { abortOperations, type AbortOutcome } from './abort.js'
import { settleWithin } from '../clock.js'
import { formatDuration } from '../config/duration.js'
import { LoopSleeper } from './loop-sleeper.js'
import { readPolicy, StatusWatch } from './status-watch.js'
import { overallResult } from '../report/results.js'
import {
  flagEmptyExports,
  markNotStarted,
  markStopped,
  markUnknown,
  newRecord
} from './tracking.js'
import type { RunDeps, RunHooks, RunOutcome } from './run-types.js'
import {
  followRunning,
  HistoryBook,
  learnFromHistory,
  startedOnOurClock
} from './history-apply.js'
import { safeHooks } from './safe-hooks.js'
import {
  exportsBefore,
  takeLooks,
  triggerExport,
  type TriggerContext
} from './trigger.js'
import type { ExportConfig, OperationRecord, PlannedExport } from '../types.js'

/*
 * Stopping on a cancel is bounded phase by phase, well inside the 7.5 s
 * GitHub leaves between SIGINT and SIGTERM: triggers on the wire (their
 * requests are cancelled by the signal at once) 1 s, aborts 3 s, counts
 * and other late reads 0.5 s: 4.5 s in the worst case, plus writing the
 * outputs and summary.
 */
/** How long aborts may take when the run is cancelled. */
export const CANCEL_ABORT_BUDGET_MS = 3000
/** How long a cancel waits for triggers already on the wire. */
const CANCEL_TRIGGER_GRACE_MS = 1000
/** After a cancel, counts and other late reads get this long. */
const CANCEL_READS_BUDGET_MS = 500
const TIMEOUT_ABORT_BUDGET_MS = 10_000
/** An export the watch gave up on gets this long for its abort. */
const ABANDON_ABORT_MS = 5000
/** After a timeout or cancel, the last reads (counts, last look) get this long. */
const STOPPING_READS_BUDGET_MS = 2000

export type { RunDeps, RunHooks, RunOutcome } from './run-types.js'

/**
 * Trigger every planned export (at most `max-parallel` running at once) and
 * watch them all from one loop until each has ended, the timeout passes or
 * the run is cancelled. Knows nothing of GitHub: adapters listen on hooks.
 */
export function runExports(
  config: ExportConfig,
  plan: readonly PlannedExport[],
  deps: RunDeps
): Promise<RunOutcome> {
  return new ExportRun(config, plan, deps).execute()
}

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
  readonly #ctx: TriggerContext
  readonly #hooks: RunHooks
  readonly #sleeper: LoopSleeper
  readonly #history: HistoryBook

  constructor(
    private readonly config: ExportConfig,
    private readonly plan: readonly PlannedExport[],
    private readonly deps: RunDeps
  ) {
    this.#records = plan.map(p => newRecord(p))
    this.#queue = plan.map((_, index) => index)
    this.#start = deps.clock.now()
    this.#deadline = this.#start + config.timeoutMs
    this.#hooks = safeHooks(deps.hooks ?? {})
    this.#sleeper = new LoopSleeper(deps.clock, deps.signal)
    this.#watch = new StatusWatch({
      client: deps.client,
      clock: deps.clock,
      pollIntervalMs: config.pollIntervalMs,
      deadline: this.#deadline,
      hooks: this.#hooks,
      onSettled: () => this.#sleeper.wake(),
      onGaveUp: record => this.#abandon(record)
    })
    this.#ctx = {
      client: deps.client,
      clock: deps.clock,
      deadline: this.#deadline,
      claimed: new Set(),
      looks: new Map(),
      lists: new Map(),
      signal: deps.signal,
      random: deps.random,
      log: m => this.#hooks.log?.(m)
    }
    this.#history = new HistoryBook(
      id => exportsBefore(id, this.#ctx),
      m => this.#hooks.log?.(m)
    )
  }

  async execute(): Promise<RunOutcome> {
    const { clock, signal } = this.deps
    await takeLooks(this.plan, this.#ctx)
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
      if (this.#watch.size + this.#starting.size + this.#queue.length === 0)
        return this.#finish('finished')
      if (clock.now() >= this.#deadline) return this.#stop('timeout')
      this.#watch.checkDue(clock.now())
      await this.#sleeper.until(
        Math.min(this.#deadline, this.#watch.nextDueAt())
      )
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
    // One history read per datastore: expected end, missed runs, pile-ups.
    const learned = await learnFromHistory(
      record,
      planned,
      await this.#history.of(planned.datastoreId),
      {
        nowMs: this.deps.clock.now() + this.deps.client.serverSkewMs,
        pollIntervalMs: this.config.pollIntervalMs,
        schedule: this.deps.schedule ?? null,
        claimed: this.#ctx.claimed,
        follow: this.config.ifRunning === 'wait'
      }
    )
    if (this.#stopped || this.deps.signal?.aborted) return
    if (learned.running) {
      const op = learned.running
      this.#hooks.log?.(followRunning(record, op, this.#ctx.claimed))
      this.#count(planned, record)
      if (this.config.wait)
        this.#watch.watch(record, op, {
          expect: learned.expect,
          startedAt: startedOnOurClock(op, this.deps.client.serverSkewMs)
        })
      this.#hooks.changed?.(record, 'pending')
      this.#hooks.triggered?.(this.#records)
      return
    }
    const outcome = await triggerExport(planned, this.#ctx)
    // Too late: the run has stopped and reported this export as not started.
    if (this.#stopped) return
    if (!outcome.ok && outcome.stopped) {
      // Cancelled: #stop marks it. Out of time (the next attempt would
      // pass the deadline): it never started, and that is the timeout's doing.
      if (this.deps.signal?.aborted) {
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
    }
    this.#hooks.changed?.(record, 'pending')
    this.#hooks.triggered?.(this.#records)
  }

  /** How many anomalies or checks Qualytics holds now: best effort, off the critical path. */
  #count(
    { assetType, datastoreId }: PlannedExport,
    record: OperationRecord
  ): void {
    // The count endpoints filter by container id, not by tag: a whole
    // datastore's count would misdescribe a tag-filtered export.
    if (assetType === 'profiles' || this.config.containerTags.length > 0) return
    const policy = readPolicy(
      2,
      Math.min(this.#deadline, this.deps.clock.now() + 10_000)
    )
    const { containers } = this.config
    const count = this.deps.client.countAssets(
      assetType,
      datastoreId,
      containers,
      policy
    )
    this.#counting.push(count.then(n => void (record.count = n)))
  }

  /**
   * The watch gave up on an export it cannot read. The run stops waiting
   * for it, as on a timeout: abort it under abort-on-timeout, or say it may
   * still be running. Never left running unwatched and unnamed.
   */
  #abandon(record: OperationRecord): void {
    const id = record.id as number
    if (!this.config.abortOnTimeout) {
      record.notes.push(
        `Export ${id} may still be running in Qualytics (abort-on-timeout: false); check Activity.`
      )
      return
    }
    const done = abortOperations(this.deps.client, [id], ABANDON_ABORT_MS).then(
      outcomes => {
        const outcome = outcomes.get(id)
        record.notes.push(
          outcome?.state === 'failed'
            ? `Abort of export ${id} failed (${outcome.error}); it may still be running in Qualytics.`
            : `Abort of export ${id} requested, since its status could not be read.`
        )
        if (outcome?.state === 'failed') record.abortPending = true
      }
    )
    this.#counting.push(done)
  }

  /** Timeout or cancel: settle triggers on the wire, abort what still runs, mark the rest. */
  async #stop(result: 'timeout' | 'cancelled'): Promise<RunOutcome> {
    const { clock, client } = this.deps
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
    const outcomes = abort
      ? await abortOperations(
          client,
          running.map(r => r.id as number),
          budget
        )
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
        this.deps.clock,
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
      elapsedMs: this.deps.clock.now() - this.#start
    }
  }
}

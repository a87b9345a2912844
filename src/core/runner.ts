import { abortOperations, type AbortOutcome } from './abort.js'
import { formatDuration } from './duration.js'
import { ApiError } from './errors.js'
import { firstPause, nextPause, pauseAfterFailure } from './poll-schedule.js'
import { overallResult } from './results.js'
import type { RetryPolicy } from './retry.js'
import {
  applyOperation,
  flagEmptyExports,
  markNotStarted,
  markStopped,
  newRecord
} from './tracking.js'
import type { RunDeps, RunHooks, RunOutcome } from './run-types.js'
import { triggerExport, type TriggerContext } from './trigger.js'
import type {
  ExportConfig,
  Operation,
  OperationRecord,
  PlannedExport
} from './types.js'

/** How long aborts may take when the run is cancelled (SIGTERM follows SIGINT after 7.5 s). */
export const CANCEL_ABORT_BUDGET_MS = 4000
/** How long a cancel waits for triggers already on the wire. */
const CANCEL_TRIGGER_GRACE_MS = 1500
const TIMEOUT_ABORT_BUDGET_MS = 10_000

export type { RunDeps, RunHooks, RunOutcome } from './run-types.js'

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
  readonly #active: Tracked[] = []
  readonly #starting = new Set<Promise<void>>()
  readonly #counting: Promise<void>[] = []
  readonly #start: number
  readonly #deadline: number
  readonly #ctx: TriggerContext
  readonly #hooks: RunHooks
  #wakeSleep?: AbortController
  #woken = false

  constructor(
    private readonly config: ExportConfig,
    private readonly plan: readonly PlannedExport[],
    private readonly deps: RunDeps
  ) {
    this.#records = plan.map(p => newRecord(p))
    this.#queue = plan.map((_, index) => index)
    this.#start = deps.clock.now()
    this.#deadline = this.#start + config.timeoutMs
    this.#hooks = deps.hooks ?? {}
    const log = (m: string): void => this.#hooks.log?.(m)
    this.#ctx = {
      client: deps.client,
      clock: deps.clock,
      deadline: this.#deadline,
      claimed: new Set(),
      signal: deps.signal,
      random: deps.random,
      log
    }
  }

  async execute(): Promise<RunOutcome> {
    const { clock, signal } = this.deps
    if (!this.config.wait) {
      // Everything is triggered; max-parallel only bounds what is waited on.
      while (this.#queue.length > 0 && !signal?.aborted) {
        await Promise.all(
          this.#queue
            .splice(0, this.config.maxParallel)
            .map(i => this.#trigger(i))
        )
      }
      return this.#finish('not-waited')
    }
    for (;;) {
      if (signal?.aborted) return this.#stop('cancelled')
      while (
        this.#queue.length > 0 &&
        this.#active.length + this.#starting.size < this.config.maxParallel &&
        clock.now() < this.#deadline
      ) {
        this.#launch(this.#queue.shift() as number)
      }
      if (this.#active.length + this.#starting.size + this.#queue.length === 0)
        return this.#finish('finished')
      if (clock.now() >= this.#deadline) return this.#stop('timeout')
      await this.#sleepUntil(
        Math.min(this.#deadline, ...this.#active.map(t => t.nextCheckAt))
      )
      const now = clock.now()
      await Promise.all(
        this.#active.filter(t => t.nextCheckAt <= now).map(t => this.#check(t))
      )
    }
  }

  /** Start a trigger without waiting for it: slow triggers never hold up polling. */
  #launch(index: number): void {
    const task: Promise<void> = this.#trigger(index).finally(() => {
      this.#starting.delete(task)
      this.#wake()
    })
    this.#starting.add(task)
  }

  async #trigger(index: number): Promise<void> {
    const planned = this.plan[index]
    const record = this.#records[index]
    if (!planned || !record) return
    const outcome = await triggerExport(planned, this.#ctx)
    if (!outcome.ok) {
      record.result = 'failure'
      record.message = outcome.message
    } else {
      record.id = outcome.operation.id
      this.#count(planned, record)
      if (this.config.wait) this.#track(record, outcome.operation)
    }
    this.#hooks.changed?.(record, 'pending')
    this.#hooks.triggered?.(this.#records)
  }

  #track(record: OperationRecord, op: Operation): void {
    const now = this.deps.clock.now()
    const tracked: Tracked = {
      record,
      triggeredAt: now,
      nextCheckAt: now + firstPause(this.config.pollIntervalMs),
      failures: 0
    }
    // An adopted export may have ended already.
    if (!applyOperation(record, op)) this.#active.push(tracked)
  }

  /** How many anomalies or checks Qualytics holds now: best effort, off the critical path. */
  #count(planned: PlannedExport, record: OperationRecord): void {
    if (planned.assetType === 'profiles') return
    const policy = this.#policy(
      2,
      Math.min(this.#deadline, this.deps.clock.now() + 10_000)
    )
    const counting = this.deps.client.countAssets(
      planned.assetType,
      planned.datastoreId,
      this.config.containers,
      policy
    )
    this.#counting.push(counting.then(count => void (record.count = count)))
  }

  async #check(tracked: Tracked): Promise<void> {
    const { clock, client } = this.deps
    const { record } = tracked
    const previous = record.result
    try {
      const op = await client.getOperation(
        record.id as number,
        this.#policy(2, this.#deadline)
      )
      tracked.failures = 0
      const ended = applyOperation(record, op)
      if (ended) this.#active.splice(this.#active.indexOf(tracked), 1)
      else
        tracked.nextCheckAt =
          clock.now() +
          nextPause(
            clock.now() - tracked.triggeredAt,
            this.config.pollIntervalMs
          )
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      if (!(error instanceof ApiError && error.retryable)) {
        record.result = 'failure'
        record.message = `Could not read the status of export ${record.id}: ${message}`
        this.#active.splice(this.#active.indexOf(tracked), 1)
      } else {
        // Status reads keep trying until the timeout: the export runs on regardless.
        tracked.failures++
        if (tracked.failures === 1 || tracked.failures % 10 === 0) {
          this.#hooks.warn?.(
            `Could not read the status of export ${record.id} (${tracked.failures}x): ${message}`
          )
        }
        const pause = nextPause(
          clock.now() - tracked.triggeredAt,
          this.config.pollIntervalMs
        )
        tracked.nextCheckAt =
          clock.now() +
          pauseAfterFailure(
            pause,
            tracked.failures,
            this.config.pollIntervalMs,
            error.retryAfterMs
          )
      }
    }
    if (record.result !== previous) this.#hooks.changed?.(record, previous)
  }

  /** Timeout or cancel: settle triggers on the wire, abort what still runs, mark the rest. */
  async #stop(result: 'timeout' | 'cancelled'): Promise<RunOutcome> {
    const { clock, client } = this.deps
    const grace =
      result === 'cancelled'
        ? CANCEL_TRIGGER_GRACE_MS
        : Math.max(0, this.#deadline - clock.now()) + 5000
    if (this.#starting.size > 0) {
      const timer = new AbortController()
      await Promise.race([
        Promise.all(this.#starting),
        clock.sleep(grace, timer.signal)
      ])
      timer.abort() // a pending timer would hold the process open
    }
    if (result === 'timeout') {
      // One last look: an export that ended during the final pause is no timeout.
      await Promise.all([...this.#active].map(t => this.#check(t)))
    }
    const abort =
      result === 'timeout'
        ? this.config.abortOnTimeout
        : this.config.abortOnCancel
    const ids = this.#active.map(t => t.record.id as number)
    const outcomes = abort
      ? await abortOperations(
          client,
          ids,
          result === 'timeout'
            ? TIMEOUT_ABORT_BUDGET_MS
            : CANCEL_ABORT_BUDGET_MS
        )
      : new Map<number, AbortOutcome>()
    const waited = formatDuration(clock.now() - this.#start)
    for (const { record } of this.#active.splice(0)) {
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
    for (const index of this.#queue.splice(0)) {
      const record = this.#records[index]
      if (record) markNotStarted(record, result, waited)
    }
    for (const record of this.#records) {
      // A trigger still on the wire: nobody can say whether it started.
      if (record.id === null && record.result === 'running')
        markNotStarted(record, result, waited)
    }
    return this.#finish(result)
  }

  async #finish(ended: RunOutcome['ended']): Promise<RunOutcome> {
    await Promise.all(this.#counting)
    flagEmptyExports(this.#records)
    return {
      records: this.#records,
      result: overallResult(this.#records),
      ended,
      elapsedMs: this.deps.clock.now() - this.#start
    }
  }

  #policy(maxAttempts: number, deadline: number): RetryPolicy {
    return { maxAttempts, baseDelayMs: 250, maxDelayMs: 2000, deadline }
  }

  /** Sleep until `at`, a trigger finishing, or cancellation, whichever comes first. */
  async #sleepUntil(at: number): Promise<void> {
    if (this.#woken) {
      this.#woken = false
      return
    }
    const sleep = new AbortController()
    this.#wakeSleep = sleep
    const cancel = (): void => sleep.abort()
    this.deps.signal?.addEventListener('abort', cancel, { once: true })
    await this.deps.clock.sleep(at - this.deps.clock.now(), sleep.signal)
    this.deps.signal?.removeEventListener('abort', cancel)
    this.#wakeSleep = undefined
    this.#woken = false
  }

  #wake(): void {
    this.#woken = true
    this.#wakeSleep?.abort()
  }
}

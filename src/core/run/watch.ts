import type { QualyticsClient } from '../client/client.js'
import { ApiError } from '../errors.js'
import { identityMismatch } from '../client/identity.js'
import {
  historyPause,
  nextCheckWithHistory,
  type Expectation,
  firstPause
} from './polling.js'
import { statusPolicy, type RetryPolicy } from '../client/retry.js'
import type { RunContext } from './context.js'
import { applyOperation } from '../domain/records.js'
import { isTerminal } from '../domain/results.js'
import type { Operation, OperationRecord, AssetType } from '../types.js'
import type { ListedExport } from '../client/client-types.js'
import { STATUS_PAGE_SIZE } from '../client/client.js'

/**
 * How long answers that say nothing usable (a 404, an answer about another
 * export, an `end_time` that is not a time) are tolerated before the run
 * gives up on an export: at least this long and this many reads in a row.
 * A real Qualytics answers 404 only briefly. A `queued` export, or one
 * whose `result` word is unknown while `end_time` is null, is still going:
 * that is no doubt, and only the timeout bounds it.
 */
const DOUBT_WINDOW_MS = 60_000
const DOUBT_READS = 3

interface Tracked {
  record: OperationRecord
  triggeredAt: number
  nextCheckAt: number
  failures: number
  /** Since when the answers have said nothing usable (null: they do). */
  doubtSince: number | null
  doubts: number
  /** A status read is on the wire. */
  checking: boolean
  /** When earlier exports like it ended; null without history. */
  expect: Expectation | null
  /** When the last status read of it was sent. */
  lastCheckAt?: number
  /** When its own read (or the POST's answer) last spoke for it. */
  ownReadAt: number
  /** The server's last word for it, to log each new state once. */
  said: string | null
}

/** What the run knows of an export beyond the server's answer. */
export interface WatchInfo {
  /** Expected end from the history (polling.ts). */
  expect?: Expectation | null
  /** Our clock's time at which the export started (an adopted one started earlier). */
  startedAt?: number
}

/** What the watch tells the run loop. */
export interface WatchEvents {
  /** Called when a status read settles, so the run loop wakes. */
  onSettled: () => void
  /**
   * Called when the watch gives up on an export it cannot read: the caller
   * aborts it (under the abort settings) or names it as possibly running.
   */
  onGaveUp?: (record: OperationRecord) => void
  /**
   * Told when an export is seen ended, with the pause its next read would
   * have waited: another run watching the same export on the same
   * schedule has seen the end within that long.
   */
  onEnded?: (record: OperationRecord, pauseMs: number) => void
}

/**
 * The exports being waited on, and their status reads. Each read runs
 * beside the run loop: a slow or hanging one never holds up the others.
 */
export class StatusWatch {
  readonly #watched: Tracked[] = []
  readonly #reads = new Set<Promise<void>>()
  readonly #batch: BatchStatus

  constructor(
    private readonly ctx: RunContext,
    private readonly pollIntervalMs: number,
    private readonly events: WatchEvents
  ) {
    this.#batch = new BatchStatus(ctx.client)
  }

  /** How many exports are still watched. */
  get size(): number {
    return this.#watched.length
  }

  /** Watch a just-triggered export (an adopted one may have ended already). */
  watch(record: OperationRecord, op: Operation, info: WatchInfo = {}): void {
    const now = this.ctx.clock.now()
    const expect = info.expect ?? null
    const startedAt = Math.min(now, info.startedAt ?? now)
    const { pollIntervalMs } = this
    const tracked: Tracked = {
      record,
      triggeredAt: startedAt,
      nextCheckAt:
        expect === null
          ? now + firstPause(pollIntervalMs)
          : now + historyPause(now - startedAt, expect, pollIntervalMs),
      failures: 0,
      doubtSince: null,
      doubts: 0,
      checking: false,
      expect,
      ownReadAt: now,
      said: null
    }
    if (!applyOperation(record, op)) {
      this.#watched.push(tracked)
      this.#sayState(tracked, op)
    }
  }

  /** Start a read of every export that is due and not being read. */
  checkDue(now: number): void {
    const idle = this.#watched.filter(t => !t.checking)
    if (this.#batch.worth(idle.length) && idle.some(t => t.nextCheckAt <= now))
      return this.#startBatch(idle, now)
    for (const tracked of this.#watched) {
      if (tracked.checking || tracked.nextCheckAt > now) continue
      tracked.checking = true
      tracked.lastCheckAt = now
      const read: Promise<void> = this.#check(tracked).finally(() => {
        tracked.checking = false
        this.#reads.delete(read)
        this.events.onSettled()
      })
      this.#reads.add(read)
    }
  }

  /** When the next read falls due (Infinity when none waits). */
  nextDueAt(): number {
    return Math.min(
      ...this.#watched.filter(t => !t.checking).map(t => t.nextCheckAt)
    )
  }

  /** One last read of each export not being read now (before calling a timeout). */
  async lastLook(): Promise<void> {
    await Promise.all(
      this.#watched.filter(t => !t.checking).map(t => this.#check(t))
    )
  }

  /** Stop watching: the records still running, for the caller to mark. */
  release(): OperationRecord[] {
    return this.#watched.splice(0).map(t => t.record)
  }

  async #check(tracked: Tracked): Promise<void> {
    const { record } = tracked
    const previous = record.result
    try {
      const op = await this.ctx.client.getOperation(
        record.id as number,
        statusPolicy(this.ctx.deadline)
      )
      // Released (timeout, cancel) while this read was on the wire: too late.
      if (!this.#watched.includes(tracked)) return
      tracked.failures = 0
      tracked.ownReadAt = this.ctx.clock.now()
      const doubt = doubtAbout(op, record)
      if (doubt) this.#doubt(tracked, doubt)
      else {
        tracked.doubtSince = null
        tracked.doubts = 0
        this.#apply(tracked, op)
      }
    } catch (error) {
      if (!this.#watched.includes(tracked)) return
      const message = error instanceof Error ? error.message : String(error)
      if (error instanceof ApiError && error.status === 404) {
        // Just created, not yet readable everywhere: doubt, not failure.
        this.#doubt(tracked, message)
      } else if (error instanceof ApiError && error.retryable) {
        // Status reads keep trying until the timeout: the export runs on regardless.
        tracked.failures++
        if (tracked.failures === 1 || tracked.failures % 10 === 0) {
          this.ctx.hooks.warn?.(
            `Could not read the status of export ${record.id} (${tracked.failures}x): ${message}`
          )
        }
        this.#scheduleNext(tracked, error.retryAfterMs)
      } else this.#giveUp(tracked, message)
    }
    if (record.result !== previous) this.ctx.hooks.changed?.(record, previous)
  }

  /**
   * One list read for every idle export: those due within the next tick are
   * read through it (single reads for what it cannot tell), and any other
   * it shows ended is settled too.
   */
  #startBatch(idle: Tracked[], now: number): void {
    const due = idle.filter(t => t.nextCheckAt <= now + BATCH_AHEAD_MS)
    idle.forEach(t => (t.checking = true))
    due.forEach(t => (t.lastCheckAt = now))
    const read: Promise<void> = this.#checkBatch(idle, due).finally(() => {
      this.#reads.delete(read)
      this.events.onSettled()
    })
    this.#reads.add(read)
  }

  async #checkBatch(idle: Tracked[], due: Tracked[]): Promise<void> {
    let found = new Map<number, Operation>()
    try {
      found = await this.#batch.read(
        idle.map(t => ({
          id: t.record.id as number,
          datastoreId: t.record.datastoreId,
          assetType: t.record.assetType
        })),
        statusPolicy(this.ctx.deadline)
      )
    } catch {
      // Unreadable list: this tick falls back to single reads.
    }
    const singles: Tracked[] = []
    for (const tracked of idle) {
      tracked.checking = false
      if (!this.#watched.includes(tracked)) continue
      const op = found.get(tracked.record.id as number)
      const isDue = due.includes(tracked)
      // Not on the page, not usable as it stands, or the list alone has
      // said "still going" for too long (it may lag): its own read decides.
      if (
        op === undefined ||
        doubtAbout(op, tracked.record) !== null ||
        (isDue && !isTerminal(op) && this.#ownReadDue(tracked))
      ) {
        if (isDue) singles.push(tracked)
        continue
      }
      const previous = tracked.record.result
      if (isDue) tracked.failures = 0
      this.#apply(tracked, op, isDue)
      if (tracked.record.result !== previous)
        this.ctx.hooks.changed?.(tracked.record, previous)
    }
    await Promise.all(
      singles.map(async t => {
        t.checking = true
        try {
          await this.#check(t)
        } finally {
          t.checking = false
        }
      })
    )
  }

  /**
   * Take a usable answer: unwatch an export that ended, else say a new
   * state once and (when the read was due) schedule the next read.
   */
  #apply(tracked: Tracked, op: Operation, reschedule = true): void {
    if (applyOperation(tracked.record, op)) {
      this.#unwatch(tracked)
      const now = this.ctx.clock.now()
      const pause =
        nextCheckWithHistory(
          now,
          tracked.triggeredAt,
          0,
          this.pollIntervalMs,
          tracked.expect
        ) - now
      return this.events.onEnded?.(tracked.record, pause)
    }
    this.#sayState(tracked, op)
    if (reschedule) this.#scheduleNext(tracked)
  }

  /**
   * One log line when a still-going export is queued, leaves the queue, or
   * reports a word the action does not know: a wait that says why it waits.
   */
  #sayState(tracked: Tracked, op: Operation): void {
    const word = op.result ?? op.resultText
    const before = tracked.said
    if (word === before) return
    tracked.said = word
    const id = tracked.record.id
    if (op.result === 'queued')
      this.ctx.hooks.log?.(
        `Export ${id} is queued in Qualytics, waiting for a worker; waiting for it up to the timeout.`
      )
    else if (op.result === 'running') {
      if (before === 'queued')
        this.ctx.hooks.log?.(`Export ${id} left the queue and is running.`)
    } else
      this.ctx.hooks.log?.(
        `Export ${id} reports result ${op.resultText}, a word the action does not know; without an end_time it is still going, so the action keeps waiting up to the timeout.`
      )
  }

  /** An answer that says nothing usable: tolerated for a bounded time. */
  #doubt(tracked: Tracked, why: string): void {
    const now = this.ctx.clock.now()
    tracked.doubtSince ??= now
    tracked.doubts++
    if (
      tracked.doubts >= DOUBT_READS &&
      now - tracked.doubtSince >= DOUBT_WINDOW_MS
    )
      return this.#giveUp(tracked, why)
    if (tracked.doubts === 1)
      this.ctx.hooks.warn?.(
        `The status of export ${tracked.record.id} says nothing usable yet (${why}); reading again for up to ${DOUBT_WINDOW_MS / 1000} s.`
      )
    this.#scheduleNext(tracked)
  }

  /** Stop watching an export that cannot be read: a failure, never left silently. */
  #giveUp(tracked: Tracked, why: string): void {
    const { record } = tracked
    record.result = 'failure'
    record.notes.push(
      `Could not read the status of export ${record.id}: ${why}`
    )
    this.#unwatch(tracked)
    this.events.onGaveUp?.(record)
  }

  /** Whether the list alone has spoken for this export for OWN_READ_EVERY_MS. */
  #ownReadDue(t: Tracked): boolean {
    return this.ctx.clock.now() - t.ownReadAt >= OWN_READ_EVERY_MS
  }

  /**
   * The next check: sooner for young exports, later after failed reads,
   * and never later than when its own read falls due.
   */
  #scheduleNext(t: Tracked, retryAfterMs?: number): void {
    const now = this.ctx.clock.now()
    const next = nextCheckWithHistory(
      now,
      t.triggeredAt,
      t.failures,
      this.pollIntervalMs,
      t.expect,
      retryAfterMs,
      t.lastCheckAt
    )
    const ownDue = Math.max(now, t.ownReadAt + OWN_READ_EVERY_MS)
    t.nextCheckAt = t.failures > 0 ? next : Math.min(next, ownDue)
  }

  #unwatch(tracked: Tracked): void {
    this.#watched.splice(this.#watched.indexOf(tracked), 1)
  }
}

/** Why an answer cannot be applied to this record, or null when it can. */
function doubtAbout(op: Operation, record: OperationRecord): string | null {
  const mismatch = identityMismatch(op, record)
  if (mismatch) return mismatch
  if (op.ended && op.endTime === null) return 'end_time is not a time'
  return null
}

/**
 * Status of many exports in one request: with several exports watched, one
 * `GET /api/operations` read per tick stands in for their single reads. An
 * export counts as read only when the list shows its id with the type,
 * datastore and asset type it was triggered with; an id absent from the
 * page is "cannot tell" (not "ended"), and gets its single read.
 */

/** Batch only when at least this many exports are watched. */
const BATCH_MIN_WATCHED = 2
/** A batch read covers every export due within this long (so ticks come about once a second). */
const BATCH_AHEAD_MS = 1000
/** At most this many pages per tick (more than 100 exports watched). */
const MAX_PAGES = 3
/**
 * An export the list alone keeps showing as going gets its own read at
 * least this often: a list that lags holds no export more than about a
 * minute past the end its own read shows (this, plus one tick).
 */
const OWN_READ_EVERY_MS = 50_000

/** An export the watch wants the status of. */
export interface Wanted {
  id: number
  datastoreId: number
  assetType: AssetType
}

/**
 * The operations the list vouches for, by id: same id, datastore and asset
 * type (the type was checked when the item was read). Pure.
 */
export function matchListed(
  wanted: readonly Wanted[],
  listed: readonly ListedExport[]
): Map<number, Operation> {
  const byId = new Map(wanted.map(w => [w.id, w]))
  const found = new Map<number, Operation>()
  for (const item of listed) {
    const w = byId.get(item.id)
    if (!w || item.datastoreId !== w.datastoreId) continue
    if (item.assetType !== w.assetType) continue
    found.set(item.id, item)
  }
  return found
}

/**
 * The batched reader of one run; turns itself off when the server has no
 * list, or when its list ignores the filters (items of other datastores or
 * types): such a list is read no further than its first page, once, and
 * the exports' own reads take over.
 */
export class BatchStatus {
  #missing = false
  #ignoresFilters = false

  constructor(private readonly client: QualyticsClient) {}

  /** Whether a batch read is worth making for this many watched exports. */
  worth(watched: number): boolean {
    return (
      !this.#missing && !this.#ignoresFilters && watched >= BATCH_MIN_WATCHED
    )
  }

  /**
   * Read these exports' statuses in as few list reads as the page size
   * allows. Returns what the list vouches for; throws when a page cannot be
   * read (the caller falls back to single reads for this tick).
   */
  async read(
    wanted: readonly Wanted[],
    policy: RetryPolicy
  ): Promise<Map<number, Operation>> {
    const datastores = [...new Set(wanted.map(w => w.datastoreId))].sort(
      (a, b) => a - b
    )
    const found = new Map<number, Operation>()
    for (let page = 1; page <= MAX_PAGES; page++) {
      const result = await this.client.listExports(
        datastores,
        { page, size: STATUS_PAGE_SIZE },
        policy
      )
      if (result === null) {
        this.#missing = true
        return found
      }
      for (const [id, op] of matchListed(wanted, result.exports))
        found.set(id, op)
      if (result.foreign > 0) {
        this.#ignoresFilters = true
        break
      }
      if (!result.full || found.size === wanted.length) break
    }
    return found
  }
}

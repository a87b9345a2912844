import type { ExportList, ListedExport } from '../client/client-types.js'
import { asListedExport } from '../client/schemas.js'
import type {
  AssetType,
  Operation,
  PlannedExport,
  OperationRecord
} from '../types.js'
import type { QualyticsClient } from '../client/client.js'
import { identityMismatch } from '../client/identity.js'
import { readServerTime } from '../client/schema.js'
import type { RetryPolicy } from '../client/retry.js'
import { formatDuration } from '../config/duration.js'
import { isTerminal } from '../domain/results.js'
import { expectationFrom, type Expectation } from './polling.js'
import { countMissedRuns } from '../schedule/missed-runs.js'

/**
 * What the operations history says about one planned export: how long the
 * last successful exports of that datastore and asset type took (to poll
 * when the end is likely), when the last one succeeded (missed snapshots),
 * and whether one is running now (`if-running: wait`). One read per
 * datastore, before triggering, serves all three; a read that fails, a 404
 * or an empty history leaves each answer empty, never fails the run.
 */

/** Durations of at most this many earlier successes inform the schedule. */
const HISTORY_SAMPLES = 5

/** The checked exports of one datastore, or why there are none to go by. */
export type ExportHistory =
  | { state: 'read'; exports: ListedExport[] }
  /** 404, an unreadable page, or a read that failed: behave as in 1.0. */
  | { state: 'unknown'; reason: string }

/**
 * The history a list answer gives: the datastore's exports, newest first,
 * each checked for type, datastore and asset type (the server may ignore
 * the filter). It is the same read the trigger's look is made from.
 */
export function historyFrom(
  list: ExportList,
  datastoreId: number
): ExportHistory {
  if (list.kind === 'missing')
    return { state: 'unknown', reason: 'the server cannot list operations' }
  if (list.kind === 'cannot-tell')
    return { state: 'unknown', reason: list.reason }
  return { state: 'read', exports: exportsIn(list, datastoreId) }
}

function ofType(history: ExportHistory, assetType: AssetType): ListedExport[] {
  return history.state === 'read'
    ? history.exports.filter(e => e.assetType === assetType)
    : []
}

function ms(iso: string | null): number {
  return readServerTime(iso ?? '')?.ms ?? Number.NaN
}

/** Successful, ended exports of this asset type with readable times, latest end first. */
function successes(
  history: ExportHistory,
  assetType: AssetType
): ListedExport[] {
  return ofType(history, assetType)
    .filter(
      e =>
        e.result === 'success' &&
        Number.isFinite(ms(e.startTime)) &&
        Number.isFinite(ms(e.endTime)) &&
        ms(e.endTime) >= ms(e.startTime)
    )
    .sort((a, b) => ms(b.endTime) - ms(a.endTime))
}

/**
 * How long the last few successful exports of this asset type ran
 * (milliseconds, latest first). Empty without history.
 */
export function recentDurations(
  history: ExportHistory,
  assetType: AssetType,
  samples = HISTORY_SAMPLES
): number[] {
  return successes(history, assetType)
    .slice(0, samples)
    .map(e => ms(e.endTime) - ms(e.startTime))
}

/** The most recent earlier success: when it started and ended, or null. */
export function lastSuccess(
  history: ExportHistory,
  assetType: AssetType,
  beforeMs: number
): { startMs: number; endTime: string } | null {
  const last = successes(history, assetType).find(
    e => ms(e.endTime) <= beforeMs
  )
  return last
    ? { startMs: ms(last.startTime), endTime: last.endTime as string }
    : null
}

/**
 * `skip-if-fresh`: the latest export of the planned datastore and asset
 * type that succeeded within `freshMs` before `nowMs` and did what the
 * plan would do: the same `include_deleted` (an item that does not say is
 * never reused) and the same container selection (none for none, exactly
 * the same ids for ids; a plan with container tags never reuses, as the
 * list cannot say which containers tags chose). Null: export.
 */
export function freshExport(
  history: ExportHistory,
  planned: PlannedExport,
  freshMs: number,
  nowMs: number
): ListedExport | null {
  const { body } = planned
  if (body.container_tags !== undefined) return null
  const wanted = [...(body.container_ids ?? [])].sort((a, b) => a - b)
  const sameContainers = (listed: number[] | null | undefined): boolean => {
    if (listed === undefined) return false
    const had = [...(listed ?? [])].sort((a, b) => a - b)
    return (
      had.length === wanted.length && had.every((id, i) => id === wanted[i])
    )
  }
  return (
    successes(history, planned.assetType).find(
      e =>
        ms(e.endTime) <= nowMs &&
        nowMs - ms(e.endTime) <= freshMs &&
        e.includeDeleted === body.include_deleted &&
        sameContainers(e.containers)
    ) ?? null
  )
}

/**
 * Exports of the planned datastore and asset type that the list shows
 * running now, and that may be followed instead of starting another
 * (`if-running: wait`): queued or running with no end time, not claimed by
 * this run, and doing what ours would. A Qualytics schedule's or flow's
 * export counts too: it writes the same table, and a second one is the
 * pile-up the input exists to prevent. A plan with a container filter
 * never follows one (the list cannot say which containers a running
 * export covers), and neither does one whose `include_deleted` differs.
 * Oldest (lowest id) first: the one that ends soonest. The list only
 * proposes; confirmRunning decides.
 */
export function runningExports(
  history: ExportHistory,
  planned: PlannedExport,
  claimed: ReadonlySet<number>
): ListedExport[] {
  const { body } = planned
  if (body.container_ids !== undefined || body.container_tags !== undefined)
    return []
  return ofType(history, planned.assetType)
    .filter(
      e =>
        (e.result === 'running' || e.result === 'queued') &&
        e.endTime === null &&
        !claimed.has(e.id) &&
        (e.includeDeleted === null || e.includeDeleted === body.include_deleted)
    )
    .sort((a, b) => a.id - b.id)
}

/** A running export older than this is stuck (unless its kind runs longer). */
const STUCK_FLOOR_MS = 24 * 3_600_000
/** ...or older than this many times the longest successful export of its kind. */
const STUCK_FACTOR = 5

/**
 * How old a running export may be and still be followed: the longest of
 * a day and five times the longest successful export of this asset type
 * in the history.
 */
export function stuckAfterMs(
  history: ExportHistory,
  assetType: AssetType
): number {
  const longest = successes(history, assetType).reduce(
    (m, e) => Math.max(m, ms(e.endTime) - ms(e.startTime)),
    0
  )
  return Math.max(STUCK_FLOOR_MS, STUCK_FACTOR * longest)
}

/** What the export's own read says about following it. */
export type FollowVerdict =
  | { follow: true; operation: Operation }
  | { follow: false; why: string; stuck?: boolean }

/**
 * The list proposed a running export; its own `GET /api/operations/{id}`
 * decides: it must say queued or running (no end), not contradict the
 * plan, and have started no longer ago than `stuckAfter` on `nowMs` (a
 * start the read does not give, or one in the future, is not stuck).
 */
export function judgeRunning(
  own: Operation,
  planned: PlannedExport,
  nowMs: number,
  stuckAfter: number
): FollowVerdict {
  const id = own.id
  const mismatch = identityMismatch(own, planned)
  if (mismatch) return { follow: false, why: mismatch }
  if (isTerminal(own))
    return {
      follow: false,
      why: `the list shows export ${id} running, but its own read says it ended (result ${own.resultText})`
    }
  if (own.result !== 'queued' && own.result !== 'running')
    return {
      follow: false,
      why: `export ${id} reports result ${own.resultText}, neither queued nor running`
    }
  const started = ms(own.startTime ?? own.created)
  if (Number.isFinite(started) && nowMs - started > stuckAfter)
    return {
      follow: false,
      stuck: true,
      why: `export ${id} (${planned.assetType} of datastore ${planned.datastoreId}) has been ${own.result} since ${own.startTime ?? own.created}, longer than ${formatDuration(stuckAfter)}: it looks stuck, so it is not followed and this run starts its own`
    }
  return { follow: true, operation: own }
}

/**
 * The first of the listed running exports whose own read confirms it
 * (judgeRunning), or null. A stuck one is a warning; one the own read
 * cannot confirm is a log line. Each candidate costs one read.
 */
export async function confirmRunning(
  candidates: readonly ListedExport[],
  planned: PlannedExport,
  options: {
    client: QualyticsClient
    policy: RetryPolicy
    nowMs: number
    stuckAfter: number
    log: (message: string) => void
    warn: (message: string) => void
  }
): Promise<Operation | null> {
  for (const listed of candidates.slice(0, MAX_FOLLOW_READS)) {
    let own: Operation
    try {
      own = await options.client.getOperation(listed.id, options.policy)
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error)
      options.log(
        `Export ${listed.id} is listed as running, but its own read failed (${why}); not following it.`
      )
      continue
    }
    const verdict = judgeRunning(
      own,
      planned,
      options.nowMs,
      options.stuckAfter
    )
    if (verdict.follow) return verdict.operation
    if (verdict.stuck) options.warn(`${verdict.why}.`)
    else options.log(`Not following: ${verdict.why}.`)
  }
  return null
}

/** Listed running exports whose own read is tried before triggering. */
const MAX_FOLLOW_READS = 3

/**
 * The run's use of the history read, kept beside the runner: one read per
 * datastore (memoised), and what it means for each planned export: the
 * last success, the missed scheduled runs, the expected end, and an export
 * already running that `if-running: wait` follows.
 */

/** The cron that started this run, when it came from `on.schedule`. */
export interface RunSchedule {
  cron: string
  timezone: string
}

/**
 * The history of each datastore, made from the one read of its exports
 * before the first POST (the trigger's look uses the same read).
 */
export class HistoryBook {
  readonly #histories = new Map<number, Promise<ExportHistory>>()

  constructor(
    private readonly read: (datastoreId: number) => Promise<ExportList>,
    private readonly log: (message: string) => void
  ) {}

  /** The history of a datastore. */
  of(datastoreId: number): Promise<ExportHistory> {
    let history = this.#histories.get(datastoreId)
    if (!history) {
      history = this.read(datastoreId).then(list => {
        const h = historyFrom(list, datastoreId)
        if (h.state === 'unknown')
          this.log(
            `No export history for datastore ${datastoreId} (${h.reason}); polling as usual.`
          )
        return h
      })
      this.#histories.set(datastoreId, history)
    }
    return history
  }
}

/** What the history told the run about one export. */
export interface Learned {
  expect: Expectation | null
  /** How old a running export may be and still be followed. */
  stuckAfter: number
}

/**
 * Fill the record's `last_success_at` and, on a scheduled run,
 * `missed_runs` (with a note when above 0); return the expectation and the
 * age past which a running export is stuck.
 */
export async function learnFromHistory(
  record: OperationRecord,
  planned: PlannedExport,
  history: ExportHistory,
  options: {
    nowMs: number
    pollIntervalMs: number
    schedule: RunSchedule | null
  }
): Promise<Learned> {
  const last = lastSuccess(history, planned.assetType, options.nowMs)
  record.lastSuccessAt = last?.endTime ?? null
  if (last && options.schedule) {
    const counted = await countMissedRuns(
      options.schedule.cron,
      options.schedule.timezone,
      last.startMs,
      options.nowMs
    )
    record.missedRuns = counted?.missed ?? null
    if (counted && counted.missed > 0)
      record.notes.push(
        `${counted.missed} scheduled run${counted.missed === 1 ? '' : 's'} missed since the last good snapshot (${last.endTime})`
      )
  }
  const durations = recentDurations(history, planned.assetType)
  // The summary's chart: up to ten earlier successes, oldest first.
  record.earlierSeconds = recentDurations(history, planned.assetType, 10)
    .reverse()
    .map(ms => Math.round(ms / 100) / 10)
  return {
    expect: expectationFrom(durations, options.pollIntervalMs),
    stuckAfter: stuckAfterMs(history, planned.assetType)
  }
}

/**
 * Make the record follow an export already running (`if-running: wait`):
 * claimed, adopted, noted. Returns the log line.
 */
export function followRunning(
  record: OperationRecord,
  op: Operation,
  claimed: Set<number>
): string {
  claimed.add(op.id)
  record.id = op.id
  record.adopted = true
  record.notes.push(
    `followed export ${op.id}, already running in Qualytics (if-running: wait)`
  )
  return `Following export ${op.id} (${record.assetType} of datastore ${record.datastoreId}), already ${op.result === 'queued' ? 'queued' : 'running'} in Qualytics, instead of starting another (if-running: wait); this run did not start it, so it never aborts it.`
}

/** When a server-reported export started, on our clock (server minus skew). */
export function startedOnOurClock(
  op: Operation,
  serverSkewMs: number
): number | undefined {
  const started = readServerTime(op.startTime ?? op.created ?? '')
  return started ? started.ms - serverSkewMs : undefined
}

/** The listed exports of one datastore in a list answer (the server may ignore the filter). */
function exportsIn(
  list: ExportList & { kind: 'listed' },
  datastoreId: number
): ListedExport[] {
  return list.items
    .flatMap(op => asListedExport(op) ?? [])
    .filter(e => e.datastoreId === datastoreId)
}

import type { ExportList } from '../client/client-types.js'
import { exportsIn, type ListedExport } from '../client/operations-list.js'
import type { AssetType, PlannedExport, OperationRecord } from '../types.js'
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
export const HISTORY_SAMPLES = 5

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
  return iso === null ? Number.NaN : Date.parse(iso)
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
 * An export of the planned datastore and asset type that is running now and
 * may be followed instead of starting another (`if-running: wait`): still
 * running (no end time), not claimed by this run, and doing what ours would.
 * A Qualytics schedule's or flow's export counts too: it writes the same
 * table, and a second one is the pile-up the input exists to prevent. A plan
 * with a container filter never follows one (the list cannot say which
 * containers a running export covers), and neither does one whose
 * `include_deleted` differs. Oldest first: the one that ends soonest.
 */
export function runningExport(
  history: ExportHistory,
  planned: PlannedExport,
  claimed: ReadonlySet<number>
): ListedExport | null {
  const { body } = planned
  if (body.container_ids !== undefined || body.container_tags !== undefined)
    return null
  const running = ofType(history, planned.assetType).filter(
    e =>
      (e.result === 'running' || e.result === 'queued') &&
      e.endTime === null &&
      !claimed.has(e.id) &&
      (e.includeDeleted === null || e.includeDeleted === body.include_deleted)
  )
  return running.sort((a, b) => a.id - b.id)[0] ?? null
}

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
  /** Running now and worth following (`if-running: wait`). */
  running: ListedExport | null
}

/**
 * Fill the record's `last_success_at` and, on a scheduled run,
 * `missed_runs` (with a note when above 0); return the expectation and any
 * export to follow.
 */
export async function learnFromHistory(
  record: OperationRecord,
  planned: PlannedExport,
  history: ExportHistory,
  options: {
    nowMs: number
    pollIntervalMs: number
    schedule: RunSchedule | null
    claimed: ReadonlySet<number>
    follow: boolean
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
  return {
    expect: expectationFrom(durations, options.pollIntervalMs),
    running: options.follow
      ? runningExport(history, planned, options.claimed)
      : null
  }
}

/**
 * Make the record follow an export already running (`if-running: wait`):
 * claimed, adopted, noted. Returns the log line.
 */
export function followRunning(
  record: OperationRecord,
  op: ListedExport,
  claimed: Set<number>
): string {
  claimed.add(op.id)
  record.id = op.id
  record.adopted = true
  record.notes.push(
    `followed export ${op.id}, already running in Qualytics (if-running: wait)`
  )
  return `Following export ${op.id} (${op.assetType} of datastore ${op.datastoreId}), already running in Qualytics, instead of starting another (if-running: wait).`
}

/** When a server-reported export started, on our clock (server minus skew). */
export function startedOnOurClock(
  op: ListedExport,
  serverSkewMs: number
): number | undefined {
  const started = Date.parse(op.startTime ?? op.created ?? '')
  return Number.isFinite(started) ? started - serverSkewMs : undefined
}

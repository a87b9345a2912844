/**
 * The run's use of the history read, kept beside the runner: one read per
 * datastore (memoised), and what it means for each planned export: the
 * last success, the missed scheduled runs, the expected end, and an export
 * already running that `if-running: wait` follows.
 */
import type { ExportList } from '../client/client-types.js'
import { expectationFrom, type Expectation } from './history-schedule.js'
import {
  lastSuccess,
  historyFrom,
  recentDurations,
  runningExport,
  type ExportHistory
} from './history.js'
import type { ListedExport } from '../client/operations-list.js'
import { countMissedRuns } from '../schedule/missed-runs.js'
import type { OperationRecord, PlannedExport } from '../types.js'

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

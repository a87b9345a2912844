/** The shapes a run of exports takes and gives. */
import type { QualyticsClient } from '../client/client.js'
import type { Clock } from '../clock.js'
import type { OperationRecord, Result } from '../types.js'
import type { RunSchedule } from './history-apply.js'

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
  /** The cron that started this run (`on.schedule`), for missed runs. */
  schedule?: RunSchedule | null
}

/** How the run ended. */
export interface RunOutcome {
  records: OperationRecord[]
  result: Result
  ended: 'finished' | 'not-waited' | 'timeout' | 'cancelled'
  elapsedMs: number
}

import type { QualyticsClient } from '../client/client.js'
import type { Clock } from '../clock.js'
import type { OperationRecord, Result } from '../types.js'
import type { RunSchedule } from './history.js'

/** The shapes a run of exports takes and gives. */

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

/**
 * Hooks that cannot break the run: a hook that throws (an output file that
 * cannot be written) would otherwise reject a promise nobody awaits and
 * crash the process with exports left running.
 */
export function safeHooks(hooks: RunHooks): RunHooks {
  const guard =
    <A extends unknown[]>(fn?: (...args: A) => void) =>
    (...args: A): void => {
      try {
        fn?.(...args)
      } catch {
        // The run goes on; the adapter reports at the end.
      }
    }
  return {
    triggered: guard(hooks.triggered?.bind(hooks)),
    changed: guard(hooks.changed?.bind(hooks)),
    log: guard(hooks.log?.bind(hooks)),
    warn: guard(hooks.warn?.bind(hooks))
  }
}

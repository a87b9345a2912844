import type { QualyticsClient } from '../client/client.js'
import type { Clock } from '../clock.js'
import type { OperationRecord, Result } from '../types.js'

/** What the adapters hear while the run goes on. None of it is required. */
export interface RunHooks {
  /** After each trigger: the ids known so far (set outputs now, not at the end). */
  triggered?(records: readonly OperationRecord[]): void
  /** An export's result changed (one log line per change, not per poll). */
  changed?(record: OperationRecord, previous: Result | 'pending'): void
  log?(message: string): void
  warn?(message: string): void
}

/**
 * What every part of a run shares, made once per job: trigger, watch,
 * history, stopping and verify all read the same client, clock, deadline
 * and signal, and speak through the same hooks.
 */
export interface RunContext {
  client: QualyticsClient
  clock: Clock
  /** The run's timeout as a clock time: no new attempt or read starts after it. */
  deadline: number
  /** Aborted when the workflow run is cancelled. */
  signal?: AbortSignal
  /** The adapter's hooks, made safe (a hook that throws cannot break the run). */
  hooks: RunHooks
  /** Jitter for backoff pauses (seeded in tests). */
  random: () => number
}

/** The context of a run that starts now and may take `timeoutMs`. */
export function runContext(parts: {
  client: QualyticsClient
  clock: Clock
  timeoutMs: number
  signal?: AbortSignal
  hooks?: RunHooks
  random?: () => number
}): RunContext {
  return {
    client: parts.client,
    clock: parts.clock,
    deadline: parts.clock.now() + parts.timeoutMs,
    signal: parts.signal,
    hooks: safeHooks(parts.hooks ?? {}),
    random: parts.random ?? Math.random
  }
}

/**
 * Hooks that cannot break the run: a hook that throws (an output file that
 * cannot be written) would otherwise reject a promise nobody awaits and
 * crash the process with exports left running.
 */
function safeHooks(hooks: RunHooks): RunHooks {
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

import type { RunHooks } from './context.js'

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

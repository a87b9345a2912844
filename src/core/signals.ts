/**
 * Turn the runner's cancellation signals into an AbortSignal. On cancel,
 * GitHub sends SIGINT, then SIGTERM 7.5 s later, then kills the process
 * 2.5 s after that: the handler only flags the cancel, and the run loop
 * sends its aborts and writes its outputs well inside that window.
 */
export function onCancelSignals(log: (message: string) => void): {
  signal: AbortSignal
  /** The signal that cancelled the run, if one did. */
  received: () => NodeJS.Signals | null
  dispose: () => void
} {
  const controller = new AbortController()
  let received: NodeJS.Signals | null = null
  const handler = (name: NodeJS.Signals): void => {
    if (controller.signal.aborted) return
    received = name
    log(`Received ${name}: the workflow run is being cancelled.`)
    controller.abort()
  }
  process.on('SIGINT', handler)
  process.on('SIGTERM', handler)
  return {
    signal: controller.signal,
    received: () => received,
    dispose: () => {
      process.off('SIGINT', handler)
      process.off('SIGTERM', handler)
    }
  }
}

/*
 * Stopping on a cancel is bounded phase by phase, well inside the 7.5 s
 * GitHub leaves between SIGINT and SIGTERM: triggers on the wire (their
 * requests are cancelled by the signal at once) 1 s, aborts 3 s, counts
 * and other late reads 0.5 s: 4.5 s in the worst case, plus writing the
 * outputs and summary.
 */
/** How long aborts may take when the run is cancelled. */
export const CANCEL_ABORT_BUDGET_MS = 3000
/** How long a cancel waits for triggers already on the wire. */
export const CANCEL_TRIGGER_GRACE_MS = 1000
/** After a cancel, counts and other late reads get this long. */
export const CANCEL_READS_BUDGET_MS = 500
/** How long aborts may take after the timeout. */
export const TIMEOUT_ABORT_BUDGET_MS = 10_000
/** After a timeout or cancel, the last reads (counts, last look) get this long. */
export const STOPPING_READS_BUDGET_MS = 2000

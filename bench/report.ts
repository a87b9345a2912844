/**
 * The text around the table: which machine, how loaded, and how each
 * figure was measured (bench/results.md, and the README copies it).
 */
import { cpus, release, totalmem, type } from 'node:os'
import { formatMs, renderMarkdown, type Row } from './table.js'

/** What the run needs to say about itself. */
export interface RunInfo {
  binaries: string[]
  /** The binary the latency runs used. */
  latencyOn: string
  loadBefore: number[]
  loadAfter: number[]
  elapsedMs: number
  quick: boolean
  distDir: string
}

/** One paragraph on the machine and the run. */
export function describeRun(info: RunInfo): string {
  const cpu = cpus()
  const load = (l: number[]): string => l.map(x => x.toFixed(2)).join(' ')
  return [
    `Machine: ${cpu.length} x ${cpu[0]?.model.trim() ?? 'unknown CPU'},`,
    `${Math.round(totalmem() / 2 ** 30)} GiB RAM, ${type()} ${release()};`,
    `${info.binaries.join(' and ')} (latency runs on ${info.latencyOn}).`,
    `Load average ${load(info.loadBefore)} before, ${load(info.loadAfter)} after.`,
    `Bundle: ${info.distDir}/.`,
    `The whole run took ${formatMs(info.elapsedMs)}${info.quick ? ' (--quick: the 30 s and 120 s exports were skipped)' : ''}.`
  ].join(' ')
}

const METHOD = `## How each figure is measured

- **Cold start**: \`node dist/index.js\` in a runner-like environment
  (\`GITHUB_OUTPUT\`, \`GITHUB_STATE\`, \`GITHUB_STEP_SUMMARY\` on temp files)
  with no inputs, so it stops on the first missing input with exit code 1;
  against \`node -e 0\` on the same binary, 20 runs each, interleaved, medians.
  The first-request row times a dry run from spawn to the first request
  arriving at the simulator: everything loaded before the action can talk to
  Qualytics, at start or on demand.
- **Detection latency**: one export of the given length, run for real (the
  action's process runs on the real clock, so an injected simulator clock
  would not shorten it); the 30 s and 120 s exports run concurrently with the
  rest. Latency is from the operation's \`end_time\` on the server to the
  action's exit, so it includes writing outputs and the summary. Status
  requests are \`GET /api/operations/{id}\` counted by the simulator.
- **Fixed 10 s polling** is the vendor CLI's and docs' way: first check at
  10 s, then every 10 s, so latency = ceil(d/10)·10 − d and requests =
  ceil(d/10).
- **Computed rows** (30 and 60 min) come from the schedule functions the
  runner itself uses (\`src/core/run/polling.ts\`); the measured rows show
  the model next to the count, so the two can be compared.
- **Why the request target misses for short exports**: the latency target
  (at most 5% of the export's length, or 1 s) forces the adaptive schedule
  (first check after 1 s, then pauses of 5% of the export's age, at most
  \`poll-interval\`). That costs about 57 checks for a 120 s export where fixed
  polling spends 12 and sees the end up to 10 s late; the 1.2x request target
  holds only for exports of about 45 minutes or more.
- **Scale**: 50 datastores x 3 asset types = 150 exports of 3 s each,
  \`max-parallel: 150\`, against one 3 s export; peak RSS is the kernel's
  high-water mark (\`VmHWM\` in \`/proc/<pid>/status\`), sampled every 20 ms.
  These rows run with \`max-request-rate: 1000\` (parallelism and memory as
  in 1.0); status reads count single reads and batched list reads.
- **Polling with history** (issue 10): five earlier successful exports of
  the same length (spread 2%) are seeded in the simulator, and the export
  draws its own length from within that spread (seeded, so runs repeat).
  The 30 s and 2 min rows run the bundle for real; the 10 and 60 min rows
  run the core in process on a clock 10 and 30 times faster, shared with
  the simulator (round trips look that many times slower there, so their
  latency is an upper bound); the computed rows come from
  \`src/core/run/polling.ts\`, the functions the watch uses.
  "today" is the 1.0 adaptive schedule for the same length.
- **Request budget** (issue 10): the scale case at the default
  \`max-request-rate\` of 20/s against a simulator that answers 429 above 25
  requests in any trailing second. Status requests are single reads plus
  list reads of size 100 (history reads ask for 50 and are counted apart);
  the peak is the most arrivals in any one-second window at the server; the
  budget's wall time is requests / 20 plus one export. 1.0 spent 3.0 status
  reads per export and sent about 250 requests a second.
- **Bundle**: file sizes under \`dist/\`; \`index.js\` is what Node parses on
  every start.
`

/** bench/results.md. */
export function resultsMarkdown(rows: readonly Row[], run: string): string {
  return [
    '# Benchmark results',
    '',
    `Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}. ${run}`,
    '',
    renderMarkdown(rows),
    '',
    METHOD
  ].join('\n')
}

/**
 * `npm run bench`: is the action fast and light, next to the vendor's way
 * of waiting (fixed 10-second polling)? Runs the bundled action against the
 * simulator on 127.0.0.1, prints a table with a target and PASS or MISS per
 * figure, and writes bench/results.md. Not part of `npm test`: machines are
 * noisy, so compare ratios measured in the same run, not absolute times.
 *
 * `tsx bench/bench.ts [--dist DIR] [--quick]`: --dist measures another
 * build (before/after comparisons); --quick skips the 30 s and 120 s runs.
 */
import { writeFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { measureBundle } from './bundle-size.js'
import { checkMatrixWorkflow, measureFleet } from './fleet.js'
import { FLEET, fleetRows } from './fleet-rows.js'
import { measureColdStart, measureFirstRequest } from './cold-start.js'
import { measureLatency, type LatencyRun } from './latency.js'
import { findNode24 } from '../scripts/node24.mjs'
import { describeRun, resultsMarkdown } from './report.js'
import {
  bundleRows,
  COLD,
  LATENCY,
  SCALE,
  coldInfoRow,
  coldStartRow,
  computedLatencyRows,
  failedRow,
  latencyRows,
  scaleRows
} from './rows.js'
import { measureScale } from './scale.js'
import {
  measureMerge,
  measureRetry,
  measureSkipIfFresh,
  NIGHT,
  nightShiftRows
} from './night-shift.js'
import {
  measureAccelerated,
  measureBudgetScale,
  measureHistoryLatency,
  type HistoryRun
} from './history.js'
import {
  BUDGET,
  budgetRows,
  computedHistoryRows,
  HISTORY,
  historyRows,
  peakRow
} from './history-rows.js'
import {
  formatMs,
  formatRatio,
  formatSpan,
  ratio,
  renderText,
  type Row
} from './table.js'

const { values: args } = parseArgs({
  options: { dist: { type: 'string' }, quick: { type: 'boolean' } }
})
const root = fileURLToPath(new URL('..', import.meta.url))
const distDir = resolve(root, args.dist ?? 'dist')
const entry = join(distDir, 'index.js')
const started = Date.now()
const loadBefore = loadavg()
const rows: Row[] = []
const say = (m: string): void => void process.stderr.write(`bench: ${m}\n`)

/** Run a measurement; a failure becomes a MISS row instead of ending the run. */
async function attempt<T>(
  section: string,
  measure: string,
  fn: () => Promise<T>
): Promise<T | undefined> {
  try {
    return await fn()
  } catch (error) {
    process.exitCode = 1
    const why = error instanceof Error ? error.message : String(error)
    rows.push(failedRow(section, measure, why.split('\n')[0] ?? why))
    return undefined
  }
}

rows.push(...bundleRows(measureBundle(distDir)))

const node24 = await findNode24()
const self = { label: `Node ${process.versions.node}`, path: process.execPath }
const binaries = [
  self,
  ...('path' in node24 && node24.path !== process.execPath
    ? [{ label: `Node ${node24.version.replace(/^v/, '')}`, path: node24.path }]
    : [])
]
// Latency is measured on the runtime GitHub uses (node24) when there is one.
const runtime = binaries.at(-1) ?? self

// The long exports run for real, in the background, while everything else
// is measured; they sleep nearly all the time, so they barely load the
// machine. The scale runs are the only bursts, and they come last.
const LONG = args.quick ? [] : [30_000, 120_000]
if (LONG.length > 0)
  say(`started ${LONG.map(formatSpan).join(' and ')} exports in the background`)
const longRuns = LONG.map(d =>
  attempt(LATENCY, `${formatSpan(d)} export`, () =>
    measureLatency(d, entry, runtime.path)
  )
)
// The same lengths with five earlier exports seeded, and the long ones in
// process on a faster clock (30 s and 120 s of real time).
const historyRuns: Promise<HistoryRun | undefined>[] = [
  ...LONG.map(d =>
    attempt(HISTORY, `${formatSpan(d)} export`, () =>
      measureHistoryLatency(d, entry, runtime.path)
    )
  ),
  // Round trips look `speed` times slower there: keep the speed low
  // enough that they stay well under the one-second steps.
  ...(args.quick
    ? []
    : [
        [10 * 60_000, 10],
        [60 * 60_000, 30]
      ]
  ).map(([d, speed]) =>
    attempt(HISTORY, `${formatSpan(d as number)} export, accelerated`, () =>
      measureAccelerated(d as number, speed as number)
    )
  )
]

for (const { label, path } of binaries) {
  say(`cold start on ${label}`)
  const cold = await attempt(COLD, label, () => measureColdStart(path, entry))
  if (cold) rows.push(coldStartRow(label, cold))
  const first = await attempt(COLD, `${label}: first request`, () =>
    measureFirstRequest(path, entry)
  )
  if (first !== undefined)
    rows.push(
      coldInfoRow(`${label}: spawn to first request (dry run)`, formatMs(first))
    )
}
if ('missing' in node24)
  rows.push(coldInfoRow('Node 24', `not measured: ${node24.missing}`))
else {
  // module.enableCompileCache() would only help a warm cache; measure that
  // best case with the equivalent environment variable.
  const cacheDir = join(root, '.tmp', 'bench-compile-cache')
  const cached = await attempt(COLD, 'compile cache', () =>
    measureColdStart(node24.path, entry, 20, { NODE_COMPILE_CACHE: cacheDir })
  )
  if (cached)
    rows.push(
      coldInfoRow(
        `Node ${node24.version.replace(/^v/, '')}: stop on a missing input, warm V8 compile cache`,
        `${formatMs(cached.actionMs)} vs ${formatMs(cached.bareMs)} = ${formatRatio(cached.ratio)}`
      )
    )
}

const measured: LatencyRun[] = []
for (const d of [1000, 5000]) {
  say(`${formatSpan(d)} export`)
  const run = await attempt(LATENCY, `${formatSpan(d)} export`, () =>
    measureLatency(d, entry, runtime.path)
  )
  if (run) measured.push(run)
}

for (const [i, { label, path }] of binaries.entries()) {
  say(`scale on ${label}: one export, then 50 datastores x 3 asset types`)
  const one = await attempt(SCALE, `${label}: single export`, () =>
    measureScale(
      { datastores: 1, options: 'anomalies', maxParallel: 1, durationMs: 3000 },
      entry,
      path
    )
  )
  const many = await attempt(SCALE, `${label}: 150 exports`, () =>
    measureScale(
      { datastores: 50, options: 'all', maxParallel: 150, durationMs: 3000 },
      entry,
      path
    )
  )
  if (one && many) {
    rows.push(
      ...scaleRows(
        one,
        many,
        `${label}, ${many.exports} exports of 3 s`,
        i === 0
      )
    )
    if (i === 0) rows.push(peakRow(SCALE, label, many.peakPerSecond ?? 0))
  }
}

say('150 exports under the request budget, 429 above 25/s')
const budgeted = await attempt(BUDGET, '150 exports under the budget', () =>
  measureBudgetScale(entry, runtime.path)
)
if (budgeted) rows.push(...budgetRows(budgeted))

say('fleet: a dry run selecting by tag among 1,000 datastores')
const fleet = await attempt(FLEET, '1000 datastores by tag', () =>
  measureFleet(1000, entry, runtime.path)
)
if (fleet)
  rows.push(...fleetRows(fleet, await checkMatrixWorkflow(fleet.matrix)))

say('1.2: merging 256 results files; skip-if-fresh and retry-failed costs')
const merge = await attempt(NIGHT, 'merge 256 files', () =>
  measureMerge(256, entry, runtime.path)
)
const fresh = await attempt(NIGHT, 'skip-if-fresh', () =>
  measureSkipIfFresh(entry, runtime.path)
)
const retry = await attempt(NIGHT, 'retry-failed', () =>
  measureRetry(entry, runtime.path)
)
rows.push(...nightShiftRows(merge, fresh, retry))

say('waiting for the long exports')
for (const run of await Promise.all(longRuns)) if (run) measured.push(run)
for (const run of measured) rows.push(...latencyRows(run))
for (const d of [30 * 60_000, 60 * 60_000]) rows.push(...computedLatencyRows(d))
for (const run of await Promise.all(historyRuns))
  if (run) rows.push(...historyRows(run))
for (const d of [30_000, 120_000, 10 * 60_000, 60 * 60_000])
  rows.push(...computedHistoryRows(d))

const elapsedMs = Date.now() - started
const run = describeRun({
  binaries: binaries.map(b => b.label),
  latencyOn: runtime.label,
  loadBefore,
  loadAfter: loadavg(),
  elapsedMs,
  quick: Boolean(args.quick),
  distDir: args.dist ?? 'dist'
})
console.log(renderText(rows))
console.log(`\n${run}`)
writeFileSync(join(root, 'bench', 'results.md'), resultsMarkdown(rows, run))
say(
  `wrote bench/results.md in ${formatMs(elapsedMs)} (${formatRatio(ratio(elapsedMs, 180_000))} of the 3-minute budget)`
)

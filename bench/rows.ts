/**
 * Turn measurements into table rows, each with its target and verdict.
 * The targets live here, next to the words that explain them.
 */
import type { BundleSize } from './bundle-size.js'
import type { ColdStart } from './cold-start.js'
import type { LatencyRun } from './latency.js'
import {
  adaptivePolling,
  fixedPolling,
  latencyTargetMs,
  REQUEST_RATIO_TARGET
} from './poll-model.js'
import type { ScaleRun } from './scale.js'
import {
  formatBytes,
  formatMs,
  formatRatio,
  formatSpan,
  ratio,
  verdict,
  type Row
} from './table.js'

const COLD_START_TARGET = 2.0
const SCALE_WALL_TARGET = 1.3
const RSS_TARGET_BYTES = 80 * 1_000_000
const BUNDLE_TARGET_BYTES = 700 * 1000
/** Exports at least this long are held to the request target. */
const LONG_EXPORT_MS = 30_000

/** Section headings of the table. */
export const COLD = 'Cold start'
export const LATENCY =
  'Detection latency and status requests (vs fixed 10 s polling)'
export const SCALE = 'Scale'
const BUNDLE = 'Bundle'

/** A row for a measurement that could not be made. */
export function failedRow(section: string, measure: string, why: string): Row {
  return {
    section,
    measure,
    result: `failed: ${why}`,
    target: '',
    verdict: 'MISS'
  }
}

/** Size of the entry (target), the lazy chunks and all of dist/. */
export function bundleRows(size: BundleSize): Row[] {
  const chunks = Object.entries(size.chunks)
    .map(([name, bytes]) => `${name} ${formatBytes(bytes)}`)
    .join(', ')
  return [
    {
      section: BUNDLE,
      measure: 'dist/index.js (parsed at every start)',
      result: formatBytes(size.entry),
      target: `≤ ${formatBytes(BUNDLE_TARGET_BYTES)}`,
      verdict: verdict(size.entry, BUNDLE_TARGET_BYTES)
    },
    {
      section: BUNDLE,
      measure: 'Chunks loaded on demand (scheduled runs only)',
      result: chunks || 'none',
      target: '',
      verdict: 'INFO'
    },
    {
      section: BUNDLE,
      measure: `All of dist/ (${size.files} files, command line included)`,
      result: formatBytes(size.total),
      target: '',
      verdict: 'INFO'
    }
  ]
}

/** The action stopping on a missing input, against `node -e 0`. */
export function coldStartRow(label: string, cold: ColdStart): Row {
  const result = `${formatMs(cold.actionMs)} vs ${formatMs(cold.bareMs)} = ${formatRatio(cold.ratio)}`
  return {
    section: COLD,
    measure: `${label}: stop on a missing input, vs node -e 0`,
    result: cold.stoppedOnInput
      ? result
      : `${result} (but a run did not stop on the input!)`,
    target: `≤ ${formatRatio(COLD_START_TARGET)}`,
    verdict: cold.stoppedOnInput
      ? verdict(cold.ratio, COLD_START_TARGET)
      : 'MISS'
  }
}

/** Informational cold-start figures (first request, compile cache). */
export function coldInfoRow(measure: string, result: string): Row {
  return { section: COLD, measure, result, target: '', verdict: 'INFO' }
}

function requestCell(checks: number, durationMs: number): string {
  const fixed = fixedPolling(durationMs).checks
  return `${checks} = ${formatRatio(ratio(checks, fixed))} the fixed ${fixed}`
}

/** Latency and status-request rows of one measured export. */
export function latencyRows(run: LatencyRun): Row[] {
  const name = `${formatSpan(run.durationMs)} export`
  const fixed = fixedPolling(run.durationMs)
  const model = adaptivePolling(run.durationMs)
  const limit = latencyTargetMs(run.durationMs)
  const long = run.durationMs >= LONG_EXPORT_MS
  return [
    {
      section: LATENCY,
      measure: `${name}: end_time to exit`,
      result: `${formatMs(run.latencyMs)} (fixed 10 s: ${formatMs(fixed.latencyMs)})`,
      target: `≤ ${formatMs(limit)}`,
      verdict: verdict(run.latencyMs, limit)
    },
    {
      section: LATENCY,
      measure: `${name}: status requests`,
      result: `${requestCell(run.statusRequests, run.durationMs)} (schedule model: ${model.checks})`,
      target: long
        ? `≤ ${formatRatio(REQUEST_RATIO_TARGET)}`
        : `${formatRatio(REQUEST_RATIO_TARGET)} applies to long exports`,
      verdict: long
        ? verdict(ratio(run.statusRequests, fixed.checks), REQUEST_RATIO_TARGET)
        : 'INFO'
    }
  ]
}

/** The same two rows for a long export, computed from the schedule functions. */
export function computedLatencyRows(durationMs: number): Row[] {
  const name = `${formatSpan(durationMs)} export (computed, not measured)`
  const fixed = fixedPolling(durationMs)
  const model = adaptivePolling(durationMs)
  const limit = latencyTargetMs(durationMs)
  return [
    {
      section: LATENCY,
      measure: `${name}: end to detection`,
      result: `${formatMs(model.latencyMs)} (fixed 10 s: ${formatMs(fixed.latencyMs)})`,
      target: `≤ ${formatMs(limit)}`,
      verdict: verdict(model.latencyMs, limit)
    },
    {
      section: LATENCY,
      measure: `${name}: status requests`,
      result: requestCell(model.checks, durationMs),
      target: `≤ ${formatRatio(REQUEST_RATIO_TARGET)}`,
      verdict: verdict(ratio(model.checks, fixed.checks), REQUEST_RATIO_TARGET)
    }
  ]
}

function rssCell(run: ScaleRun): string {
  return run.rss
    ? `${formatBytes(run.rss.peak)} (${formatBytes(run.rss.anon)})`
    : 'n/a'
}

/**
 * Many exports against one: wall time and peak memory, plus the requests
 * (the same on every binary, so only when `withRequests`).
 */
export function scaleRows(
  one: ScaleRun,
  many: ScaleRun,
  label: string,
  withRequests: boolean
): Row[] {
  const wall = ratio(many.wallMs, one.wallMs)
  const perExport = many.statusRequests / Math.max(1, many.exports)
  const rows: Row[] = [
    {
      section: SCALE,
      measure: `${label}: wall time vs one export`,
      result: `${formatMs(many.wallMs)} vs ${formatMs(one.wallMs)} = ${formatRatio(wall)}`,
      target: `≤ ${formatRatio(SCALE_WALL_TARGET)}`,
      verdict: verdict(wall, SCALE_WALL_TARGET)
    },
    {
      section: SCALE,
      measure: `${label}: peak RSS of the action (private part)`,
      result: `${rssCell(many)}; one export: ${rssCell(one)}`,
      target: `≤ ${formatBytes(RSS_TARGET_BYTES)}`,
      verdict: many.rss ? verdict(many.rss.peak, RSS_TARGET_BYTES) : 'SKIP'
    }
  ]
  if (withRequests)
    rows.push({
      section: SCALE,
      measure: `${many.exports} exports: requests`,
      result: `${many.requests} in all, ${many.statusRequests} status reads (${perExport.toFixed(1)} per export; one export: ${one.statusRequests})`,
      target: '',
      verdict: 'INFO'
    })
  return rows
}

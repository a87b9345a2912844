/**
 * Rows of the history benchmarks (bench/history.ts), with their targets
 * (issue 10) next to today's figures.
 */
import { checksWithHistory, expectationFrom } from '../src/core/run/polling.js'
import { historyAround, drawAround } from '../simulator/index.js'
import type { BudgetRun, HistoryRun } from './history.js'
import { HISTORY_RUNS, HISTORY_SPREAD } from './history.js'
import { adaptivePolling, fixedPolling } from './poll-model.js'
import {
  formatMs,
  formatRatio,
  formatSpan,
  ratio,
  verdict,
  type Row
} from './table.js'

export const HISTORY =
  'Polling with history (5 earlier exports, spread 2%; vs fixed 10 s polling)'
export const BUDGET =
  'Request budget: 150 exports of 3 s, max-parallel 150, 20/s, gateway 429 above 25/s'
/** Requests allowed above fixed 10-second polling's count. */
const HISTORY_EXTRA_REQUESTS = 3
const HISTORY_LATENCY_MS = 1000
const STATUS_PER_EXPORT_TARGET = 0.3
const BUDGET_WALL_TARGET = 1.25
/** The 1.0 figures, from bench/results.md of 2026-11-25. */
const TODAY_STATUS_PER_EXPORT = 3.0

function requestRow(name: string, checks: number, actualMs: number): Row {
  const fixed = fixedPolling(actualMs).checks
  const today = adaptivePolling(actualMs).checks
  return {
    section: HISTORY,
    measure: `${name}: status requests`,
    result: `${checks} (fixed 10 s: ${fixed}; today without history: ${today})`,
    target: `≤ ${fixed + HISTORY_EXTRA_REQUESTS} (fixed + ${HISTORY_EXTRA_REQUESTS})`,
    verdict: verdict(checks, fixed + HISTORY_EXTRA_REQUESTS)
  }
}

function latencyRow(name: string, latencyMs: number, actualMs: number): Row {
  return {
    section: HISTORY,
    measure: `${name}: end to detection`,
    result: `${formatMs(latencyMs)} (fixed 10 s: ${formatMs(fixedPolling(actualMs).latencyMs)}; today: ${formatMs(adaptivePolling(actualMs).latencyMs)})`,
    target: `≤ ${formatMs(HISTORY_LATENCY_MS)}`,
    verdict: verdict(latencyMs, HISTORY_LATENCY_MS)
  }
}

/** Rows of one measured export with history. */
export function historyRows(run: HistoryRun): Row[] {
  const name = `${formatSpan(run.durationMs)} export, measured (${run.how}, drew ${formatMs(run.actualMs)})`
  return [
    latencyRow(name, run.latencyMs, run.actualMs),
    requestRow(name, run.statusRequests, run.actualMs)
  ]
}

/**
 * The same rows computed from the schedule functions the runner uses,
 * over the history the simulator seeds, for the duration it draws.
 */
export function computedHistoryRows(durationMs: number, seed = 7): Row[] {
  const durations = historyAround({
    datastoreId: 1,
    assetType: 'anomalies',
    durationMs,
    count: HISTORY_RUNS,
    spread: HISTORY_SPREAD
  }).map(s => s.durationMs)
  const expect = expectationFrom(durations, 10_000)
  if (!expect) throw new Error('no expectation from a seeded history')
  const actualMs = drawAround(durationMs, HISTORY_SPREAD, seed)()
  const { checks, seenAtMs } = checksWithHistory(actualMs, expect, 10_000)
  const name = `${formatSpan(durationMs)} export, computed`
  return [
    latencyRow(name, seenAtMs - actualMs, actualMs),
    requestRow(name, checks, actualMs)
  ]
}

/** Rows of the 150-export run under the budget and the limiter. */
export function budgetRows(run: BudgetRun, rate = 20): Row[] {
  const perExport = run.statusRequests / Math.max(1, run.exports)
  const wall = ratio(run.wallMs, run.budgetMs)
  return [
    {
      section: BUDGET,
      measure: 'Status requests per export (single reads + list reads)',
      result: `${perExport.toFixed(2)} (${run.statusRequests} for ${run.exports}; 1.0: ${TODAY_STATUS_PER_EXPORT.toFixed(1)}); history reads: ${run.historyReads}`,
      target: `≤ ${STATUS_PER_EXPORT_TARGET}`,
      verdict: verdict(perExport, STATUS_PER_EXPORT_TARGET)
    },
    {
      section: BUDGET,
      measure:
        'Every result right (150 successes, each the server’s export of its row)',
      result: run.allRight ? 'yes' : 'no',
      target: 'yes',
      verdict: run.allRight ? 'PASS' : 'MISS'
    },
    {
      section: BUDGET,
      measure: '429 answers',
      result: String(run.throttled),
      target: '0',
      verdict: run.throttled === 0 ? 'PASS' : 'MISS'
    },
    {
      section: BUDGET,
      measure: 'Peak requests in any one second, as the server saw them',
      result: String(run.peakPerSecond),
      target: `≤ ${rate}`,
      verdict: verdict(run.peakPerSecond, rate)
    },
    {
      section: BUDGET,
      measure:
        'Wall time vs what the budget allows (requests / rate + one export)',
      result: `${formatMs(run.wallMs)} vs ${formatMs(run.budgetMs)} = ${formatRatio(wall)} (${run.requests} requests)`,
      target: `≤ ${formatRatio(BUDGET_WALL_TARGET)}`,
      verdict: verdict(wall, BUDGET_WALL_TARGET)
    }
  ]
}

/** The peak rate of the unbudgeted scale run (1.0 sent about 250 a second). */
export function peakRow(section: string, label: string, peak: number): Row {
  return {
    section,
    measure: `${label}: peak requests in any one second (max-request-rate 1000)`,
    result: `${peak} (1.0: about 250)`,
    target: '',
    verdict: 'INFO'
  }
}

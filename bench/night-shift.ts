/**
 * Version 1.2's figures: merging a fan-out's results files (256 legs of 3
 * exports: wall time, summary bytes, peak memory of the action) and what
 * `skip-if-fresh` and `retry-failed` cost in requests.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startAction, runAction } from '../simulator/harness.js'
import { QualyticsSimulator } from '../simulator/index.js'
import { resultsFileText } from '../src/core/fleet/results-file.js'
import { newRecord } from '../src/core/domain/records.js'
import { createRedactor } from '../src/core/output/redact.js'
import type { AssetType, OperationRecord } from '../src/core/types.js'
import { watchPeakRss, type PeakRss } from './rss.js'
import { formatMs, verdict, type Row } from './table.js'

export const NIGHT = 'Fleet view and night shift (1.2)'
/** GitHub's step summary limit. */
const SUMMARY_LIMIT = 1024 * 1024

/** One merge of many legs. */
export interface MergeRun {
  files: number
  exports: number
  wallMs: number
  summaryBytes: number
  rss: PeakRss | undefined
}

/** Write `files` results files of 3 exports each (one leg in 32 fails) and merge them. */
export async function measureMerge(
  files: number,
  entry: string,
  node = process.execPath
): Promise<MergeRun> {
  const dir = mkdtempSync(join(tmpdir(), 'qea-bench-merge-'))
  const types: AssetType[] = ['anomalies', 'checks', 'profiles']
  const t0 = Date.parse('2026-12-01T02:41:00Z')
  for (let leg = 0; leg < files; leg++) {
    const datastoreId = leg + 1
    const records: OperationRecord[] = types.map((assetType, i) => {
      const failed = leg % 32 === 5 && assetType === 'checks'
      return {
        ...newRecord(
          { datastoreId, assetType },
          failed ? 'failure' : 'success'
        ),
        id: 10_000 + leg * 3 + i,
        message: failed ? 'Connection to the warehouse was reset.' : null,
        startTime: new Date(t0 + leg * 1000).toISOString(),
        endTime: new Date(t0 + leg * 1000 + 95_000).toISOString(),
        totalContainers: 120,
        count: assetType === 'profiles' ? null : 300,
        attempts: 1
      }
    })
    const text = resultsFileText(
      {
        result: records.some(r => r.result === 'failure')
          ? 'failure'
          : 'success',
        records,
        plan: records,
        datastoreNames: new Map([[datastoreId, `Warehouse ${datastoreId}`]]),
        schedule: null,
        origin: 'https://acme.qualytics.io',
        startedAt: t0,
        endedAt: t0 + 100_000
      },
      createRedactor('')
    )
    writeFileSync(join(dir, `leg-${String(leg).padStart(3, '0')}.json`), text)
  }
  const { child, done } = startAction({
    node,
    entry,
    inputs: { 'merge-results': join(dir, '*.json') }
  })
  const rss = watchPeakRss(child.pid ?? 0)
  let peak: PeakRss | undefined
  child.once('exit', () => (peak = rss.stop()))
  const run = await done
  peak ??= rss.stop()
  const exports = (JSON.parse(run.outputs.operations ?? '[]') as unknown[])
    .length
  if (exports !== files * 3)
    throw new Error(
      `merged ${exports} exports, not ${files * 3}: ${run.stdout.slice(-300)}`
    )
  return {
    files,
    exports,
    wallMs: run.wallMs,
    summaryBytes: Buffer.byteLength(run.summary),
    rss: peak
  }
}

/** Requests of one run, and how many of them were POSTs. */
export interface CostRun {
  requests: number
  posts: number
  /** Requests a plain run of the same plan sends before its first POST. */
  baseline: number
}

const posts = (sim: QualyticsSimulator): number =>
  sim.requests.filter(r => r.method === 'POST').length

/** skip-if-fresh with a success an hour old: every request it sends. */
export async function measureSkipIfFresh(
  entry: string,
  node = process.execPath
): Promise<CostRun> {
  const sim = await QualyticsSimulator.start({
    // No queue, as before 1.2's simulator queued each export for 1 s:
    // the figures compare with the earlier versions'.
    queuedMs: 0,
    datastores: [
      { id: 42, name: 'Sales', enrichment: { id: 100, name: 'Enrichment' } }
    ],
    history: [
      {
        datastoreId: 42,
        assetType: 'anomalies',
        startOffsetMs: -3_600_000,
        durationMs: 60_000
      }
    ]
  })
  try {
    await runAction({
      node,
      entry,
      inputs: {
        url: sim.url,
        token: sim.token,
        datastore: '42',
        options: 'anomalies',
        'skip-if-fresh': '20h',
        verify: 'false'
      }
    })
    // users/me, the datastore, and the history read every run makes.
    return { requests: sim.requests.length, posts: posts(sim), baseline: 3 }
  } finally {
    await sim.close()
  }
}

/** retry-failed: 1 with a first attempt that fails, against the same run that succeeds at once. */
export async function measureRetry(
  entry: string,
  node = process.execPath
): Promise<{ retried: CostRun; plain: CostRun }> {
  const once = async (failFirst: boolean): Promise<CostRun> => {
    const sim = await QualyticsSimulator.start({
      datastores: [
        { id: 42, name: 'Sales', enrichment: { id: 100, name: 'Enrichment' } }
      ],
      queuedMs: 0,
      behaviour: ({ seq }) => ({
        durationMs: 500,
        result: failFirst && seq === 1 ? 'failure' : 'success',
        message: null
      })
    })
    try {
      await runAction({
        node,
        entry,
        env: { QUALYTICS_RETRY_PAUSE_MS: '1000' },
        inputs: {
          url: sim.url,
          token: sim.token,
          datastore: '42',
          options: 'anomalies',
          'retry-failed': '1',
          verify: 'false'
        }
      })
      return { requests: sim.requests.length, posts: posts(sim), baseline: 3 }
    } finally {
      await sim.close()
    }
  }
  return { retried: await once(true), plain: await once(false) }
}

/** The rows of the 1.2 figures. */
export function nightShiftRows(
  merge: MergeRun | undefined,
  fresh: CostRun | undefined,
  retry: { retried: CostRun; plain: CostRun } | undefined
): Row[] {
  const rows: Row[] = []
  if (merge) {
    rows.push(
      {
        section: NIGHT,
        measure: `merge-results: ${merge.files} files of 3 exports, wall time`,
        result: formatMs(merge.wallMs),
        target: '',
        verdict: 'INFO'
      },
      {
        section: NIGHT,
        measure: 'merge-results: summary size',
        result: `${(merge.summaryBytes / 1024).toFixed(0)} KiB`,
        target: '< 1 MiB (GitHub step summary limit)',
        verdict: verdict(merge.summaryBytes, SUMMARY_LIMIT - 1)
      },
      {
        section: NIGHT,
        measure: 'merge-results: peak memory (RSS)',
        result: merge.rss
          ? `${(merge.rss.peak / 1048576).toFixed(0)} MiB`
          : 'n/a',
        target: '',
        verdict: 'INFO'
      }
    )
  }
  if (fresh)
    rows.push({
      section: NIGHT,
      measure:
        'skip-if-fresh (reused): requests beyond preflight and the history read',
      result: `${fresh.requests - fresh.baseline} (${fresh.posts} POST)`,
      target: '0',
      verdict: verdict(fresh.requests - fresh.baseline + fresh.posts, 0)
    })
  if (retry)
    rows.push({
      section: NIGHT,
      measure: 'retry-failed: 1 (first attempt fails): POSTs, requests',
      result: `${retry.retried.posts} POSTs, ${retry.retried.requests} requests (${retry.plain.requests} without the failure)`,
      target: '1 POST per retry',
      verdict: verdict(retry.retried.posts - retry.plain.posts, 1)
    })
  return rows
}

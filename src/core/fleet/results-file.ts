/**
 * The `results-file`: one run's outcome as JSON, written when the run ends
 * (also on failure, timeout and cancel), and read back by `merge-results`
 * and `qualytics-export report` to give a fleet of matrix legs one view.
 *
 * Version 1 holds `version`, `result`, `operations` (the `operations`
 * output's rows), `plan`, `datastores` (ids and names, for the summary),
 * `schedule`, `host`, `started_at`, `ended_at` and `problem` (why nothing
 * ran, when preflight or the input stopped the run).
 */
import { readFile } from 'node:fs/promises'
import { operationsJson, safeNames } from '../output/records.js'
import type { Redactor } from '../output/redact.js'
import type { ScheduleInfo } from '../schedule/next-run.js'
import { WORST_FIRST } from '../domain/results.js'
import {
  ALL_ASSET_TYPES,
  type AssetType,
  type OperationRecord,
  type Result
} from '../types.js'

/** The only version this release writes and reads. */
const RESULTS_VERSION = 1

/** What a front end knows when the run ends, for the file. */
export interface RunFacts {
  result: Result
  records: readonly OperationRecord[]
  plan: readonly { datastoreId: number; assetType: AssetType }[]
  datastoreNames: ReadonlyMap<number, string>
  schedule: ScheduleInfo | null
  origin: string
  startedAt: number
  endedAt: number
  problem?: string
}

/** The file's text: redacted, capped like the `operations` output, valid JSON. */
export function resultsFileText(facts: RunFacts, redact: Redactor): string {
  const names = safeNames(facts.datastoreNames, redact)
  const head = {
    version: RESULTS_VERSION,
    result: facts.result,
    host: redact(facts.origin),
    started_at: new Date(facts.startedAt).toISOString(),
    ended_at: new Date(facts.endedAt).toISOString(),
    problem: facts.problem === undefined ? null : redact(facts.problem),
    plan: facts.plan.map(p => ({
      datastore_id: p.datastoreId,
      asset_type: p.assetType
    })),
    datastores: [...names].map(([id, name]) => ({ id, name })),
    schedule: facts.schedule && {
      cron: facts.schedule.cron,
      timezone: facts.schedule.timezone,
      scheduled_at: facts.schedule.scheduledAt ?? null,
      late_seconds: facts.schedule.lateSeconds ?? null,
      next_run: facts.schedule.nextRun
    }
  }
  // The rows exactly as the `operations` output has them (already safe JSON).
  const operations = operationsJson(facts.records, redact)
  const text = JSON.stringify(head, null, 2)
  return `${text.slice(0, -2)},\n  "operations": ${operations}\n}\n`
}

/** One results file, read back. */
export interface ReadResults {
  path: string
  result: Result
  records: OperationRecord[]
  names: Map<number, string>
  host: string | null
}

/** A file that cannot be merged, and why (named in an `::error::`). */
export interface BadResults {
  path: string
  problem: string
}

const RESULTS = new Set<string>(WORST_FIRST)

/**
 * Read and check one results file: JSON, `version` 1, a known `result`,
 * `operations` rows of the shape this action writes. Anything else is a
 * BadResults naming the file and what is wrong, never a guess.
 */
export async function readResultsFile(
  path: string
): Promise<ReadResults | BadResults> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    return {
      path,
      problem:
        code === 'ENOENT' ? 'is missing' : `cannot be read (${code ?? 'error'})`
    }
  }
  let doc: unknown
  try {
    doc = JSON.parse(text)
  } catch {
    return { path, problem: 'is not JSON (garbled or cut short)' }
  }
  if (!isObject(doc)) return { path, problem: 'is not a JSON object' }
  if (doc.version !== RESULTS_VERSION)
    return {
      path,
      problem: `has version ${JSON.stringify(doc.version ?? null).slice(0, 20)}; this release reads version ${RESULTS_VERSION}`
    }
  if (typeof doc.result !== 'string' || !RESULTS.has(doc.result))
    return { path, problem: 'has no known `result`' }
  if (!Array.isArray(doc.operations))
    return { path, problem: 'has no `operations` array' }
  const records: OperationRecord[] = []
  for (const [index, row] of doc.operations.entries()) {
    const record = recordOf(row)
    if (!record)
      return { path, problem: `has an unreadable row at operations[${index}]` }
    records.push(record)
  }
  const names = new Map<number, string>()
  if (Array.isArray(doc.datastores))
    for (const d of doc.datastores)
      if (isObject(d) && isId(d.id) && typeof d.name === 'string')
        names.set(d.id, d.name)
  return {
    path,
    result: doc.result as Result,
    records,
    names,
    host: typeof doc.host === 'string' ? doc.host : null
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isId(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null)
const num = (v: unknown): number | null =>
  typeof v === 'number' && Number.isFinite(v) ? v : null
const flag = (v: unknown): boolean | null => (typeof v === 'boolean' ? v : null)

/** One `operations` row back into a record; null when it is not one. */
function recordOf(row: unknown): OperationRecord | null {
  if (!isObject(row)) return null
  const assetType = row.asset_type
  if (!isId(row.datastore_id)) return null
  if (!ALL_ASSET_TYPES.includes(assetType as AssetType)) return null
  if (typeof row.result !== 'string' || !RESULTS.has(row.result)) return null
  if (row.id !== null && !isId(row.id)) return null
  const retried = Array.isArray(row.retried_ids)
    ? row.retried_ids.filter(isId)
    : []
  return {
    datastoreId: row.datastore_id,
    assetType: assetType as AssetType,
    id: row.id,
    result: row.result as Result,
    message: str(row.message),
    startTime: str(row.start_time),
    endTime: str(row.end_time),
    totalContainers: num(row.total_containers),
    count: num(row.count),
    adopted: row.adopted === true,
    lastSuccessAt: str(row.last_success_at),
    missedRuns: num(row.missed_runs),
    table: str(row.table),
    verified: flag(row.verified),
    reused: row.reused === true,
    attempts: num(row.attempts) ?? 0,
    retriedIds: retried,
    notes: Array.isArray(row.notes)
      ? row.notes.filter((n): n is string => typeof n === 'string')
      : []
  }
}

/**
 * Qualytics' documented lifecycle (qualytics-api.md, "Results and the
 * terminal test"): queued → running → success / failure / aborted, ended
 * when `end_time` is set. Driven in-process on a fast clock against a
 * server whose every answer is computed from that clock, so a 90 s queue
 * takes about two real seconds.
 */
import { describe, expect, it } from '@jest/globals'
import type { JobOutcome } from '../src/core/run/job.js'
import { runJob } from './helpers/in-process.js'
import { FastClock } from './helpers/virtual-clock.js'
import {
  HOSTILE_TOKEN,
  startHostileServer,
  type SeenRequest
} from './helpers/hostile-server.js'

/** One export's life: each phase's `result` word and how long it lasts. */
interface Phase {
  result: string
  forMs: number
}

/**
 * Run one export of checks of datastore 42 against a server that answers
 * with `phases` in turn (measured from the POST on the shared clock), then
 * with `end` (`end_time` set).
 */
async function runThrough(
  phases: Phase[],
  end: { result: string; message?: string },
  inputs: Record<string, string> = {}
): Promise<{ outcome: JobOutcome; lines: string[]; seen: SeenRequest[] }> {
  const clock = new FastClock(50)
  let postedAt: number | null = null
  const iso = (ms: number): string => new Date(ms).toISOString()
  const answer = (): Record<string, unknown> => {
    const started = postedAt as number
    const age = clock.now() - started
    let until = 0
    const base = {
      id: 7001,
      type: 'export',
      datastore: { id: 42 },
      asset_type: 'checks',
      include_deleted: false,
      created: iso(started),
      start_time: iso(started),
      message: null,
      status: { total_containers: 3 }
    }
    for (const phase of phases) {
      until += phase.forMs
      if (age < until) return { ...base, result: phase.result, end_time: null }
    }
    return {
      ...base,
      result: end.result,
      message: end.message ?? null,
      end_time: iso(started + until)
    }
  }
  const server = await startHostileServer((req, _res, x) => {
    if (req.method === 'POST' && req.url === '/api/operations/run') {
      postedAt = clock.now()
      x.json(answer())
      return true
    }
    if (req.url === '/api/operations/7001') {
      x.json(answer())
      return true
    }
    if (req.method === 'PUT' && req.url === '/api/operations/abort/7001') {
      x.json({ ...answer(), result: 'aborted', end_time: iso(clock.now()) })
      return true
    }
    return false
  })
  try {
    const { outcome, lines } = await runJob(clock, {
      url: server.url,
      token: HOSTILE_TOKEN,
      datastore: '42',
      options: 'checks',
      verify: 'false',
      'poll-interval': '10s',
      ...inputs
    })
    return { outcome, lines, seen: server.seen }
  } finally {
    await server.close()
  }
}

const aborts = (seen: SeenRequest[]): SeenRequest[] =>
  seen.filter(r => r.method === 'PUT')

describe('the documented lifecycle', () => {
  it('waits out a 90 s queue and a 5 s run, reports success and sends no abort', async () => {
    const { outcome, lines, seen } = await runThrough(
      [
        { result: 'queued', forMs: 90_000 },
        { result: 'running', forMs: 5_000 }
      ],
      { result: 'success' }
    )
    expect(outcome.result).toBe('success')
    expect(outcome.records[0]).toMatchObject({
      id: 7001,
      result: 'success',
      queued: false,
      notes: []
    })
    expect(aborts(seen)).toEqual([])
    // Said once each, not once per read.
    expect(
      lines.filter(l => /7001 is queued in Qualytics/.test(l))
    ).toHaveLength(1)
    expect(lines.filter(l => /7001 left the queue/.test(l))).toHaveLength(1)
    expect(lines.some(l => l.startsWith('warn:'))).toBe(false)
    // The queue did not shorten the polling: more than a handful of reads.
    const reads = seen.filter(r => r.path === '/api/operations/7001')
    expect(reads.length).toBeGreaterThan(5)
  })

  it('keeps waiting on a result word it does not know while end_time is null', async () => {
    const { outcome, lines, seen } = await runThrough(
      [{ result: 'pending_worker', forMs: 80_000 }],
      { result: 'success' }
    )
    expect(outcome.result).toBe('success')
    expect(aborts(seen)).toEqual([])
    expect(
      lines.filter(l =>
        /"pending_worker", a word the action does not know/.test(l)
      )
    ).toHaveLength(1)
  })

  it('calls an ended export with an unknown word a failure at once, naming the word', async () => {
    const { outcome, seen } = await runThrough(
      [{ result: 'running', forMs: 3_000 }],
      { result: 'partially_exported' }
    )
    expect(outcome.result).toBe('failure')
    expect(outcome.records[0]?.notes).toEqual([
      'ended (end_time set) with result "partially_exported", which is not success, failure or aborted'
    ])
    // At once: no 60 s of doubt, so the run ends within a few reads of the end.
    expect(outcome.elapsedMs).toBeLessThan(20_000)
    expect(aborts(seen)).toEqual([])
  })

  it('aborts an export still queued at the timeout, and says it was queued', async () => {
    const { outcome, seen } = await runThrough(
      [{ result: 'queued', forMs: 3_600_000 }],
      { result: 'success' },
      { timeout: '2m' }
    )
    expect(outcome.result).toBe('timeout')
    expect(aborts(seen)).toEqual([
      { method: 'PUT', path: '/api/operations/abort/7001' }
    ])
    expect(outcome.records[0]?.notes).toEqual([
      expect.stringMatching(
        /^still queued after 2 min( \d+ s)?; abort requested$/
      )
    ])
  })
})

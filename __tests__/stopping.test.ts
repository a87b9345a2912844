/**
 * Stopping (src/core/run/stopping.ts and the runner's way out), in-process
 * on a fast clock against the simulator: a cancel or a timeout aborts what
 * this run started and still runs, queued exports included, unless the
 * input says to leave them; an abort that does not get through is left
 * for the post step; a cancel before any trigger starts nothing. Signals
 * themselves (SIGINT, SIGTERM, the post step) are the black-box suites'.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import type { QualyticsSimulator, Scenario } from '../simulator/index.js'
import { inputsFor, startSimulator } from './helpers/fixtures.js'
import { runJob, type JobRun } from './helpers/in-process.js'
import { FastClock } from './helpers/virtual-clock.js'

let sim: QualyticsSimulator | undefined
afterEach(async () => {
  await sim?.close()
  sim = undefined
})

/** Aborts the simulator received (PUT /api/operations/abort/{id}). */
const aborts = (s: QualyticsSimulator): number =>
  s.requests.filter(r => r.method === 'PUT').length

/**
 * Two anomalies-and-checks exports of datastore 42 that run for an hour,
 * on a 10x clock; the run is cancelled once `cancelWhen` holds.
 */
async function cancelled(
  inputs: Record<string, string>,
  scenario: Partial<Scenario> = {},
  cancelWhen: (s: QualyticsSimulator) => boolean = s => s.operations.size >= 2
): Promise<JobRun> {
  const clock = new FastClock(10)
  sim = await startSimulator(scenario, 3_600_000, clock)
  const server = sim
  const controller = new AbortController()
  const watcher = setInterval(() => {
    if (cancelWhen(server)) controller.abort()
  }, 5)
  try {
    return await runJob(
      clock,
      inputsFor(server, { options: 'anomalies,checks', ...inputs }),
      controller.signal
    )
  } finally {
    clearInterval(watcher)
  }
}

describe('a cancel', () => {
  it('aborts every export it started that still runs, and ends cancelled', async () => {
    const { outcome, lines } = await cancelled({})
    expect(outcome.result).toBe('cancelled')
    expect(outcome.records.map(r => r.result)).toEqual([
      'cancelled',
      'cancelled'
    ])
    expect(aborts(sim!)).toBe(2)
    expect(outcome.records.every(r => !r.abortPending)).toBe(true)
    // Qualytics aborts asynchronously: both are marked, neither ended yet.
    expect([...sim!.operations.values()].map(op => op.abortRequested)).toEqual([
      true,
      true
    ])
    expect(lines.join('\n')).not.toMatch(/warn: .*could not abort/i)
  })

  it('aborts a queued export too', async () => {
    const { outcome } = await cancelled({}, { queuedMs: 3_600_000 })
    expect(outcome.result).toBe('cancelled')
    expect(aborts(sim!)).toBe(2)
  })

  it('with abort-on-cancel false leaves them running and says so', async () => {
    const { outcome } = await cancelled({ 'abort-on-cancel': 'false' })
    expect(outcome.result).toBe('cancelled')
    expect(aborts(sim!)).toBe(0)
    expect([...sim!.operations.values()].map(op => op.abortRequested)).toEqual([
      false,
      false
    ])
    expect(outcome.records.every(r => !r.abortPending)).toBe(true)
  })

  it('before any trigger starts nothing', async () => {
    const { outcome } = await cancelled({}, {}, s =>
      s.requests.some(r => r.path === '/api/users/me')
    )
    expect(outcome.result).toBe('cancelled')
    expect(sim!.operations.size).toBe(0)
    expect(aborts(sim!)).toBe(0)
  })

  it('leaves an abort that does not get through for the post step', async () => {
    const { outcome } = await cancelled(
      {},
      { chaos: { seed: 1, errorRate: { abort: 1 }, retryAfterSeconds: 0 } }
    )
    expect(outcome.result).toBe('cancelled')
    expect(aborts(sim!)).toBeGreaterThanOrEqual(2)
    expect(outcome.records.map(r => r.abortPending)).toEqual([true, true])
  })
})

describe('a timeout', () => {
  it('aborts what still runs and ends timeout, naming the time waited', async () => {
    const clock = new FastClock(20)
    sim = await startSimulator({}, 3_600_000, clock)
    const { outcome } = await runJob(
      clock,
      inputsFor(sim, { options: 'anomalies', timeout: '1m' })
    )
    expect(outcome.result).toBe('timeout')
    expect(aborts(sim)).toBe(1)
    expect([...sim.operations.values()][0]?.abortRequested).toBe(true)
    expect(outcome.records[0]?.notes.join('\n')).toMatch(/1 min/)
  })

  it('with abort-on-timeout false leaves the export running', async () => {
    const clock = new FastClock(20)
    sim = await startSimulator({}, 3_600_000, clock)
    const { outcome } = await runJob(
      clock,
      inputsFor(sim, {
        options: 'anomalies',
        timeout: '1m',
        'abort-on-timeout': 'false'
      })
    )
    expect(outcome.result).toBe('timeout')
    expect(aborts(sim)).toBe(0)
    expect([...sim.operations.values()][0]?.abortRequested).toBe(false)
  })
})

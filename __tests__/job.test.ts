/**
 * The export job in-process (src/core/run/job.ts, and the runner and
 * verify it drives) against the simulator, both on one clock: what the
 * black-box suites showed in real seconds (verify's re-checks after 2 s
 * and 5 s, wait: false), here in a fraction of that, with times read off
 * the clock instead of the wall.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { parseConfig } from '../src/core/config/config.js'
import { runExportJob, type JobOutcome } from '../src/core/run/job.js'
import { createRedactor } from '../src/core/output/redact.js'
import { mulberry32, type QualyticsSimulator } from '../simulator/index.js'
import { inputsFor, startSimulator } from './helpers/fixtures.js'
import { FastClock, VirtualClock } from './helpers/virtual-clock.js'

let sim: QualyticsSimulator | undefined
afterEach(async () => {
  await sim?.close()
  sim = undefined
})

/** Run the job with these inputs against sim, on clock; its outcome and log. */
async function job(
  server: QualyticsSimulator,
  clock: VirtualClock | FastClock,
  inputs: Record<string, string> = {}
): Promise<{ outcome: JobOutcome; lines: string[] }> {
  const config = parseConfig(inputsFor(server, inputs))
  const lines: string[] = []
  const outcome = await runExportJob(config, {
    clock,
    redact: createRedactor(config.token),
    random: mulberry32(7),
    warn: m => lines.push(m),
    hooks: { log: m => lines.push(m), warn: m => lines.push(m) }
  })
  return { outcome, lines }
}

/** Status reads of single exports. */
const singleReads = (s: QualyticsSimulator): number =>
  s.count('GET', '/api/operations/')

describe('wait: false', () => {
  it('triggers everything and returns the ids without reading a status', async () => {
    const clock = new VirtualClock()
    sim = await startSimulator({}, 60_000, clock)
    const { outcome } = await job(sim, clock, {
      options: 'all',
      'max-parallel': '1',
      wait: 'false'
    })
    expect(outcome.result).toBe('running')
    expect(outcome.records.map(r => r.id)).toEqual([...sim.operations.keys()])
    expect(outcome.records).toHaveLength(3)
    expect(singleReads(sim)).toBe(0)
    // Nothing on the server ended: the job did not wait for any of it.
    expect([...sim.operations.values()].map(op => op.endTime)).toEqual([
      null,
      null,
      null
    ])
  })
})

describe('verify', () => {
  // Verify races its looks against the deadline, which a clock whose
  // sleeps end at once would reach first: this one runs 20x real time.
  it('looks again after 2 s and 5 s for a table that is missing, then warns', async () => {
    const clock = new FastClock(20)
    sim = await startSimulator({ landing: () => 'missing' }, 3000, clock)
    const { outcome, lines } = await job(sim, clock, { timeout: '5m' })
    expect(outcome.result).toBe('warning')
    expect(outcome.records[0]?.verified).toBe(false)
    expect(sim.count('GET', '/api/datastores/100/listing')).toBe(3)
    expect(lines).toEqual([
      expect.stringMatching(/^Looking again in 2 s/),
      expect.stringMatching(/^Looking again in 5 s/)
    ])
  })

  it('confirms a fresh table at the first look', async () => {
    const clock = new FastClock(20)
    sim = await startSimulator({}, 3000, clock)
    const { outcome } = await job(sim, clock, { timeout: '5m' })
    expect(outcome.result).toBe('success')
    expect(outcome.records[0]?.verified).toBe(true)
    expect(sim.count('GET', '/api/datastores/100/listing')).toBe(1)
  })
})

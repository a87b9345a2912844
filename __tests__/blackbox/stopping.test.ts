/**
 * Stopping well: a cancel or timeout that meets work still on the wire
 * (a trigger, a count, a retry pause) must end promptly as cancelled or
 * timeout, abort what this run started, and say what it cannot know.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { startAction } from '../helpers/bundle.js'
import {
  closeSimulators,
  inputsFor,
  operationsOf,
  startSimulator,
  triggers,
  waitFor,
  textOf
} from '../helpers/fixtures.js'
import {
  assetOf,
  hostileInputs,
  startHostileServer
} from '../helpers/hostile-server.js'

afterEach(closeSimulators)

describe('a trigger the deadline cuts short', () => {
  it('is a timeout, not a success left running', async () => {
    const sim = await startSimulator({
      chaos: { rateLimitRate: { run: 1 }, retryAfterSeconds: 60 }
    })
    const { runAction } = await import('../helpers/bundle.js')
    const run = await runAction({ inputs: inputsFor(sim, { timeout: '5s' }) })
    expect(run.code).toBe(1)
    expect(run.outputs.result).toBe('timeout')
    expect(operationsOf(run.outputs)[0]).toMatchObject({
      id: null,
      result: 'timeout'
    })
    expect(textOf(operationsOf(run.outputs)[0])).toMatch(
      /not started: the next attempt would pass the timeout; last answer: .*429/
    )
  })
})

describe('a cancel that meets work on the wire', () => {
  it('with wait: false stops triggering, aborts what it started, and fails as cancelled', async () => {
    const sim = await startSimulator({ chaos: { latencyMs: 250 } }, 60_000)
    const { child, done } = startAction({
      inputs: inputsFor(sim, {
        datastore: '42,43',
        options: 'all',
        wait: 'false',
        'max-parallel': '1'
      })
    })
    await waitFor(() => sim.operations.size >= 1)
    child.kill('SIGINT')
    const run = await done
    expect(run.code).toBe(1)
    expect(run.outputs.result).toBe('cancelled')
    const rows = operationsOf(run.outputs)
    const started = rows.filter(r => r.id !== null)
    expect(started.length).toBeGreaterThanOrEqual(1)
    expect(started.length).toBeLessThan(6)
    expect(
      started.every(
        r => r.result === 'cancelled' && /abort requested/.test(textOf(r))
      )
    ).toBe(true)
    expect(
      rows
        .filter(r => r.id === null)
        .every(r => textOf(r) === 'not started: the run was cancelled')
    ).toBe(true)
    expect(sim.count('PUT', '/api/operations/abort/')).toBe(started.length)
  })

  it("during a trigger's retry pause is a cancel, not a failure of that export", async () => {
    const sim = await startSimulator({
      chaos: { rateLimitRate: { run: 1 }, retryAfterSeconds: 30 }
    })
    let log = ''
    const { child, done } = startAction({
      inputs: inputsFor(sim, { timeout: '5m' }),
      onStdout: text => (log += text)
    })
    // The 429 was answered and the action says it is pausing.
    await waitFor(() => /not accepted yet .*; sending it again/.test(log))
    child.kill('SIGINT')
    const run = await done
    expect(run.code).toBe(1)
    expect(run.outputs.result).toBe('cancelled')
    expect(operationsOf(run.outputs)[0]).toMatchObject({
      id: null,
      result: 'cancelled',
      message: null,
      notes: ['not started: the run was cancelled']
    })
    expect(triggers(sim)).toHaveLength(1)
  })

  it('does not wait on a count or a trigger that hangs, and says the export may have started', async () => {
    const server = await startHostileServer((req, _res, { body, json }) => {
      if (req.url?.startsWith('/api/anomalies')) return true // the count hangs
      if (req.method === 'POST') {
        // anomalies starts; the checks trigger never answers.
        if (assetOf(body) === 'anomalies')
          json({ id: 5, result: 'running', end_time: null })
        return true
      }
      if (req.url === '/api/operations/5') {
        json({ id: 5, result: 'running', end_time: null })
        return true
      }
      if (req.method === 'PUT') {
        json({ id: 5, result: 'running', end_time: null })
        return true
      }
      return false
    })
    try {
      const { child, done } = startAction({
        inputs: hostileInputs(server.url, { options: 'anomalies,checks' }),
        env: { QUALYTICS_TIMEOUT: '120' }
      })
      await waitFor(() => server.seen.some(r => r.path === '/api/operations/5'))
      // The count and the trigger would hang for the 120 s request
      // timeout: ending within the test's timeout means nothing waited.
      child.kill('SIGINT')
      const run = await done
      expect(run.outputs.result).toBe('cancelled')
      const [anomalies, checks] = operationsOf(run.outputs)
      expect(anomalies).toMatchObject({
        id: 5,
        result: 'cancelled',
        count: null
      })
      expect(checks).toMatchObject({ id: null, result: 'cancelled' })
      expect(textOf(checks)).toMatch(
        /may have started: its request was still open/
      )
      expect(
        server.seen.some(
          r => r.method === 'PUT' && r.path === '/api/operations/abort/5'
        )
      ).toBe(true)
    } finally {
      await server.close()
    }
  })
})

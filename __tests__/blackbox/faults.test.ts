/**
 * Cancellation and the post step, black-box: the bundled action killed by
 * SIGINT and SIGTERM, and its post step after a killed or a finished main
 * step. Chaos, hostile answers and the rest run in-process in
 * ../faults.test.ts.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { startAction, runAction } from '../helpers/bundle.js'
import {
  closeSimulators,
  inputsFor,
  waitFor,
  operationsOf,
  startSimulator,
  triggers,
  textOf
} from '../helpers/fixtures.js'

afterEach(closeSimulators)

describe('cancellation', () => {
  it('aborts running exports on SIGINT, writes outputs and summary, and exits non-zero', async () => {
    const sim = await startSimulator({}, 60_000)
    const { child, done } = startAction({
      inputs: inputsFor(sim, { options: 'anomalies,checks' })
    })
    // Both are running and have been read (by single or list reads; the
    // first list read is the history read before triggering).
    await waitFor(
      () => sim.operations.size >= 2 && sim.count('GET', '/api/operations') >= 3
    )
    child.kill('SIGINT')
    const run = await done
    expect(run.code).not.toBe(0)
    expect(run.outputs.result).toBe('cancelled')
    expect(run.outputs['operation-ids']?.split(',')).toHaveLength(2)
    expect([...sim.operations.values()].every(op => op.abortRequested)).toBe(
      true
    )
    expect(run.summary).toContain('cancelled')
    expect(run.state.watching).toBe('')
  })

  it('stops at once when cancelled during preflight, triggering nothing', async () => {
    const sim = await startSimulator({ chaos: { latencyMs: 20_000 } })
    const { child, done } = startAction({ inputs: inputsFor(sim) })
    await waitFor(() => sim.requests.length >= 1)
    // Each preflight read would take 20 s: ending before the test's timeout
    // means the cancel did not wait for them.
    child.kill('SIGINT')
    const run = await done
    expect(run.code).toBe(1)
    expect(run.outputs.result).toBe('cancelled')
    expect(triggers(sim)).toEqual([])
    expect(textOf(operationsOf(run.outputs)[0])).toBe(
      'not started: the run was cancelled'
    )
  })

  it('leaves exports running on cancel when abort-on-cancel is false, and hands them to nobody', async () => {
    const sim = await startSimulator({}, 60_000)
    const { child, done } = startAction({
      inputs: inputsFor(sim, { 'abort-on-cancel': 'false' })
    })
    await waitFor(() => sim.count('GET', '/api/operations/') >= 1)
    child.kill('SIGTERM')
    const run = await done
    expect(run.outputs.result).toBe('cancelled')
    expect(sim.count('PUT', '/api/operations/abort/')).toBe(0)
  })

  it('post step aborts what a killed main step left running, and skips what ended', async () => {
    const sim = await startSimulator({
      behaviour: ({ seq }) => ({
        durationMs: seq === 1 ? 60_000 : 10,
        result: 'success'
      })
    })
    const started = await runAction({
      inputs: inputsFor(sim, { options: 'anomalies,checks', wait: 'false' })
    })
    const ids = started.outputs['operation-ids'] ?? ''
    // The short one has ended on the server before the post step looks.
    const shortOp = sim.operations.get(Number(ids.split(',')[1]))
    await waitFor(() => Date.now() >= (shortOp?.plannedEnd ?? Infinity))
    const post = await runAction({
      inputs: inputsFor(sim),
      state: { isPost: 'true', watching: ids }
    })
    expect(post.code).toBe(0)
    const [long, short] = ids.split(',').map(Number)
    expect(
      sim.requests.filter(r => r.method === 'PUT').map(r => r.path)
    ).toEqual([`/api/operations/abort/${long}`])
    expect(short).toBeGreaterThan(0)
    expect(post.warnings.join('\n')).toContain(`Aborted export ${long}`)
  })

  it('post step does nothing after a main step that ended normally', async () => {
    const sim = await startSimulator()
    const post = await runAction({
      inputs: inputsFor(sim),
      state: { isPost: 'true', watching: '' }
    })
    expect(post.code).toBe(0)
    expect(sim.requests).toHaveLength(0)
  })
})

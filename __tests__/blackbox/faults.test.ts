/**
 * Cancellation, the post step and hostile answers, black-box: the bundled
 * action killed by signals, and against a deliberately hostile server.
 * Reads under the simulator's chaos knobs run in-process in
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
import {
  assetOf,
  hostileInputs,
  startHostileServer
} from '../helpers/hostile-server.js'

afterEach(closeSimulators)

describe('the trigger is never blindly repeated', () => {
  it('treats a refused trigger as final and still runs the rest of the plan', async () => {
    const server = await startHostileServer((req, res, { body, json }) => {
      if (req.method === 'POST' && assetOf(body) === 'anomalies') {
        res.writeHead(403, { 'content-type': 'application/json' })
        res.end(JSON.stringify({ detail: 'You must have editor permission' }))
        return true
      }
      if (req.method === 'POST') {
        json({ id: 6, result: 'running', end_time: null })
        return true
      }
      if (req.url === '/api/operations/6') {
        json({ id: 6, result: 'success', end_time: '2026-01-01T00:00:01Z' })
        return true
      }
      return false
    })
    try {
      const run = await runAction({
        inputs: hostileInputs(server.url, { options: 'anomalies,checks' })
      })
      expect(run.code).toBe(1)
      expect(operationsOf(run.outputs).map(r => [r.id, r.result])).toEqual([
        [null, 'failure'],
        [6, 'success']
      ])
      expect(textOf(operationsOf(run.outputs)[0])).toMatch(
        /Could not start the export: POST \/api\/operations\/run answered 403: You must have editor permission/
      )
      // One POST each: a 403 is not sent again.
      expect(server.seen.filter(r => r.method === 'POST')).toHaveLength(2)
    } finally {
      await server.close()
    }
  })
})

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

describe('a hanging status read', () => {
  it('holds up neither the other exports nor the timeout', async () => {
    const server = await startHostileServer((req, _res, { body, json }) => {
      if (req.method === 'POST') {
        const id = assetOf(body) === 'anomalies' ? 5 : 6
        json({ id, result: 'running', end_time: null })
        return true
      }
      if (req.url === '/api/operations/5') return true // never answers
      if (req.url === '/api/operations/6') {
        json({
          id: 6,
          result: 'success',
          start_time: '2026-01-01T00:00:00Z',
          end_time: '2026-01-01T00:00:01Z',
          message: null
        })
        return true
      }
      if (req.method === 'PUT') {
        json({ id: 5, result: 'running', end_time: null })
        return true
      }
      return false
    })
    try {
      const run = await runAction({
        inputs: hostileInputs(server.url, {
          options: 'anomalies,checks',
          timeout: '3s'
        }),
        env: { QUALYTICS_TIMEOUT: '120' }
      })
      expect(run.outputs.result).toBe('timeout')
      expect(operationsOf(run.outputs).map(r => [r.id, r.result])).toEqual([
        [5, 'timeout'],
        [6, 'success']
      ])
      expect(
        run.stdout.indexOf('Export 6 · checks of datastore 42 (DS): success')
      ).toBeGreaterThan(-1)
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

describe('a queued export (Queued → Running → an outcome)', () => {
  it('is waited for, logged as queued once, and never aborted', async () => {
    const posted = Date.now()
    const base = { id: 5, type: 'export', datastore: { id: 42 } }
    const server = await startHostileServer((req, _res, { json }) => {
      if (req.method === 'POST')
        return (json({ ...base, result: 'queued', end_time: null }), true)
      if (req.url === '/api/operations/5') {
        const age = Date.now() - posted
        return (
          json(
            age < 1500
              ? { ...base, result: 'queued', end_time: null }
              : age < 2500
                ? { ...base, result: 'running', end_time: null }
                : {
                    ...base,
                    result: 'success',
                    end_time: new Date().toISOString()
                  }
          ),
          true
        )
      }
      return false
    })
    try {
      const run = await runAction({
        inputs: hostileInputs(server.url, {
          options: 'checks',
          'poll-interval': '1s',
          verify: 'false'
        })
      })
      expect(run.outputs.result).toBe('success')
      expect(run.stdout.match(/Export 5 is queued in Qualytics/g)).toHaveLength(
        1
      )
      expect(server.seen.filter(r => r.method === 'PUT')).toEqual([])
    } finally {
      await server.close()
    }
  })

  it('shows as queued in the summary when it is not waited for', async () => {
    const server = await startHostileServer((req, _res, { json }) => {
      if (req.method === 'POST')
        return (
          json({ id: 5, type: 'export', result: 'queued', end_time: null }),
          true
        )
      return false
    })
    try {
      const run = await runAction({
        inputs: hostileInputs(server.url, { options: 'checks', wait: 'false' })
      })
      expect(run.outputs.result).toBe('running')
      expect(run.summary).toContain('🕒&nbsp;queued')
      expect(run.stdout).toMatch(/Export 5 is queued in Qualytics/)
    } finally {
      await server.close()
    }
  })
})

describe('hostile answers never pass for success', () => {
  const running = { id: 5, result: 'running', end_time: null }
  // A queued export, or a result word the action does not know while
  // end_time is null, is still going: only the timeout ends the wait. An
  // answer that says nothing usable (an end_time that is not a time) is
  // read again for a bounded time (60 s). Either way a run whose timeout
  // comes first ends as a timeout, and the export is aborted, never called
  // a success.
  it.each([
    [
      'a queued export',
      { id: 5, result: 'queued', end_time: null },
      /Export 5 is queued in Qualytics/
    ],
    [
      'a result of the wrong type',
      { id: 5, result: 1, end_time: null },
      /reports result 1, a word the action does not know/
    ],
    [
      'an end_time that is not a date',
      { id: 5, result: 'success', end_time: 42 },
      /end_time is not a time/
    ]
  ])(
    'waits on %s only until the timeout, then aborts',
    async (_, statusBody, said) => {
      const server = await startHostileServer((req, _res, { json }) => {
        if (req.method === 'POST') return (json(running), true)
        if (req.method === 'PUT')
          return (json({ ...running, result: 'aborted' }), true)
        if (req.url?.startsWith('/api/operations/'))
          return (json(statusBody), true)
        return false
      })
      try {
        const run = await runAction({
          inputs: hostileInputs(server.url, {
            options: 'checks',
            timeout: '4s'
          })
        })
        expect(run.code).toBe(1)
        expect(run.outputs.result).toBe('timeout')
        expect(run.stdout).toMatch(said)
        expect(
          server.seen.some(r => r.path === '/api/operations/abort/5')
        ).toBe(true)
      } finally {
        await server.close()
      }
    }
  )

  const cases: Array<[string, unknown, unknown, RegExp]> = [
    [
      'a trigger answer whose id is not a number',
      { id: 'five', result: 'running' },
      running,
      /may or may not have started.*not a positive whole number/
    ],
    [
      'a trigger answer that is an array',
      [running],
      running,
      /may or may not have started.*expected a JSON object/
    ]
  ]
  it.each(cases)(
    'fails clearly on %s',
    async (_, triggerBody, statusBody, message) => {
      const server = await startHostileServer((req, _res, { json }) => {
        const body =
          req.method === 'POST'
            ? triggerBody
            : req.url?.startsWith('/api/operations/')
              ? statusBody
              : undefined
        if (body === undefined) return false
        json(body)
        return true
      })
      try {
        const run = await runAction({
          inputs: hostileInputs(server.url, { options: 'checks' })
        })
        expect(run.code).toBe(1)
        expect(run.outputs.result).toBe('failure')
        expect(textOf(operationsOf(run.outputs)[0])).toMatch(message)
        expect(run.stderr).toBe('')
        expect(server.seen.filter(r => r.method === 'POST')).toHaveLength(1)
      } finally {
        await server.close()
      }
    }
  )

  it('refuses a huge body at once', async () => {
    const server = await startHostileServer((req, res) => {
      if (req.url === '/api/users/me') {
        res.writeHead(200, { 'content-type': 'text/html' })
        res.end('x'.repeat(9 * 1024 * 1024))
        return true
      }
      return false
    })
    try {
      const run = await runAction({
        inputs: hostileInputs(server.url),
        env: { QUALYTICS_TIMEOUT: '2' }
      })
      expect(run.code).toBe(1)
      expect(run.errors.at(-1)).toMatch(/larger than 8 MB/)
      expect(server.seen.map(r => r.path)).toEqual(['/api/users/me'])
    } finally {
      await server.close()
    }
  })
})

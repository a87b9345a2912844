/**
 * Faults through the action's entry point, in-process on one fast clock:
 * against the simulator's chaos knobs, reads survive 5xx, resets, 429
 * storms and corrupted bodies and a trigger is never blindly repeated;
 * against a deliberately hostile server, a refused trigger is final, a
 * hanging read holds nothing up, a queued export is waited for, and no
 * hostile answer passes for success. Signals and the post step run in the
 * bundle, in blackbox/faults.test.ts.
 */
import { describe, expect, it } from '@jest/globals'
import { inProcessSuite } from './helpers/action-in-process.js'
import {
  inputsFor,
  operationsOf,
  triggers,
  textOf
} from './helpers/fixtures.js'
import {
  assetOf,
  hostileInputs,
  startHostileServer
} from './helpers/hostile-server.js'

const { simulate, runAction } = inProcessSuite()

describe('reads survive faults', () => {
  it('retries 5xx, resets, 429s and corrupted bodies on every read, and still succeeds', async () => {
    const sim = await simulate({
      chaos: {
        seed: 7,
        errorRate: { '*': 0.1 },
        resetRate: { '*': 0.05 },
        corruptRate: { me: 0.2, datastore: 0.2, operation: 0.2 },
        rateLimitRate: { operation: 0.2 },
        retryAfterSeconds: 0
      }
    })
    const run = await runAction({
      inputs: inputsFor(sim, { options: 'anomalies,checks' })
    })
    expect(run.outputs.result).toBe('success')
    expect(run.code).toBe(0)
    expect(
      Object.values(sim.faults).reduce((a, b) => a + b, 0)
    ).toBeGreaterThan(0)
    expect(sim.operations.size).toBe(2)
    expect(run.stdout).toMatch(/Retrying GET \/api\//)
  })

  it('honours Retry-After in a 429 storm (both the seconds and the HTTP-date form)', async () => {
    const sim = await simulate({
      chaos: { rateLimitStorm: 2, retryAfterSeconds: 1 }
    })
    const run = await runAction({ inputs: inputsFor(sim) })
    expect(run.code).toBe(0)
    const me = sim.requests.filter(r => r.path === '/api/users/me')
    expect(me.map(r => r.status)).toEqual([429, 429, 200])
    // Each retry waited at least the second the server asked for.
    expect((me[1]?.at ?? 0) - (me[0]?.at ?? 0)).toBeGreaterThanOrEqual(900)
    expect((me[2]?.at ?? 0) - (me[1]?.at ?? 0)).toBeGreaterThanOrEqual(900)
  })

  it('does not retry what cannot improve: a 401 fails at once, naming the fix', async () => {
    const sim = await simulate()
    const run = await runAction({
      inputs: inputsFor(sim, { token: 'wrong-token-0000000000' })
    })
    expect(run.code).toBe(1)
    expect(sim.requests.map(r => r.path)).toEqual(['/api/users/me'])
    expect(run.errors.at(-1)).toMatch(
      /token was rejected or has expired.*service token/i
    )
  })
})

describe('the trigger is never blindly repeated', () => {
  it('adopts the export a dropped POST created instead of starting a second one', async () => {
    const sim = await simulate({ chaos: { seed: 3, dropAfterCreateRate: 1 } })
    const run = await runAction({ inputs: inputsFor(sim, { options: 'all' }) })
    expect(run.code).toBe(0)
    expect(triggers(sim)).toHaveLength(3)
    expect(sim.operations.size).toBe(3)
    expect(run.stdout).toMatch(/Adopted export \d+/)
    const ids = run.outputs['operation-ids']?.split(',').map(Number) ?? []
    expect([...ids].sort()).toEqual([...sim.operations.keys()].sort())
    // In plan order: anomalies, checks, profiles.
    expect(ids.map(id => sim?.operations.get(id)?.assetType)).toEqual([
      'anomalies',
      'checks',
      'profiles'
    ])
  })

  it('refuses to post again when it cannot tell whether the export started', async () => {
    const sim = await simulate({
      missingEndpoints: ['operations'],
      chaos: { dropAfterCreateRate: 1 }
    })
    const run = await runAction({ inputs: inputsFor(sim) })
    expect(run.code).toBe(1)
    expect(triggers(sim)).toHaveLength(1)
    expect(textOf(operationsOf(run.outputs)[0])).toMatch(
      /may or may not have started.*not sent again/
    )
  })
})

describe('a refused trigger', () => {
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

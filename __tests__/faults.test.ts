/**
 * Faults through the action's entry point, in-process, against the
 * simulator's chaos knobs on one fast clock: reads survive 5xx, resets,
 * 429 storms and corrupted bodies; a trigger is never blindly repeated.
 * Cancellation, the post step and hostile answers run in the bundle, in
 * blackbox/faults.test.ts.
 */
import { describe, expect, it } from '@jest/globals'
import { inProcessSuite } from './helpers/action-in-process.js'
import {
  inputsFor,
  operationsOf,
  triggers,
  textOf
} from './helpers/fixtures.js'

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

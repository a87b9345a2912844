/**
 * The client in-process against the simulator, with a virtual clock so the
 * retry budgets of the contract run in milliseconds.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { QualyticsClient } from '../src/core/client/client.js'
import { ApiError } from '../src/core/errors.js'
import { preflight } from '../src/core/run/job.js'
import { preflightPolicy } from '../src/core/client/retry.js'
import { createRedactor } from '../src/core/output/redact.js'
import type { QualyticsSimulator } from '../simulator/index.js'
import { startSimulator } from './helpers/fixtures.js'
import { VirtualClock } from './helpers/virtual-clock.js'

let sim: QualyticsSimulator | undefined
afterEach(async () => {
  await sim?.close()
  sim = undefined
})

function clientFor(
  server: QualyticsSimulator,
  clock: VirtualClock,
  options: { token?: string; requestTimeoutMs?: number } = {}
): QualyticsClient {
  const token = options.token ?? server.token
  return new QualyticsClient({
    apiBase: `${server.url}/api/`,
    token,
    userAgent: 'test',
    redact: createRedactor(token),
    clock,
    random: () => 0.5,
    requestTimeoutMs: options.requestTimeoutMs
  })
}

const rejection = async (promise: Promise<unknown>): Promise<ApiError> => {
  try {
    await promise
  } catch (error) {
    if (error instanceof ApiError) return error
    throw error
  }
  throw new Error('expected an ApiError')
}

describe('QualyticsClient reads', () => {
  it('gives up on preflight reads after about 30 s of failures, naming call and status', async () => {
    sim = await startSimulator({ chaos: { errorRate: { me: 1 } } })
    const clock = new VirtualClock()
    const client = clientFor(sim, clock)
    const error = await rejection(client.me(preflightPolicy(clock.now())))
    client.dispose()
    expect(error.message).toMatch(/^GET \/api\/users\/me answered 50\d/)
    expect(clock.offset).toBeLessThanOrEqual(30_000)
    expect(clock.offset).toBeGreaterThan(5_000)
    expect(sim.count('GET', '/api/users/me')).toBe(clock.sleeps.length + 1)
  })

  it('honours Retry-After over its own backoff', async () => {
    // One clock for both sides, so an HTTP-date Retry-After reads right.
    const clock = new VirtualClock()
    sim = await startSimulator(
      { chaos: { rateLimitStorm: 2, retryAfterSeconds: 7 } },
      400,
      clock
    )
    const client = clientFor(sim, clock)
    await client.me(preflightPolicy(clock.now()))
    client.dispose()
    expect(clock.sleeps).toHaveLength(2)
    // Seconds form first, then the HTTP-date form (second resolution).
    expect(clock.sleeps[0]).toBe(7000)
    expect(clock.sleeps[1]).toBeGreaterThanOrEqual(6000)
  })

  it('times out each request on its own and retries it', async () => {
    sim = await startSimulator({ chaos: { latencyMs: 1000 } })
    const clock = new VirtualClock()
    const client = clientFor(sim, clock, { requestTimeoutMs: 100 })
    const error = await rejection(
      client.me({
        maxAttempts: 3,
        baseDelayMs: 10,
        maxDelayMs: 10,
        deadline: clock.now() + 30_000
      })
    )
    client.dispose()
    expect(error.message).toMatch(/users\/me failed: .*timeout/i)
    expect(clock.sleeps).toHaveLength(2)
  })

  it('does not retry a 404, and says what was not found', async () => {
    sim = await startSimulator()
    const clock = new VirtualClock()
    const client = clientFor(sim, clock)
    const error = await rejection(
      client.getDatastore(999, preflightPolicy(clock.now()))
    )
    client.dispose()
    expect(error.status).toBe(404)
    expect(error.detail).toBe('Datastore id: 999 not found')
    expect(sim.count('GET', '/api/datastores/')).toBe(1)
  })

  it('removes the token from every error, even when the server echoes it', async () => {
    sim = await startSimulator({ echoToken: true })
    const clock = new VirtualClock()
    const client = clientFor(sim, clock)
    const error = await rejection(
      client.getDatastore(999, preflightPolicy(clock.now()))
    )
    client.dispose()
    expect(error.detail).toContain('***')
    for (const leak of [
      sim.token,
      encodeURIComponent(sim.token),
      sim.token.slice(0, 12)
    ]) {
      expect(error.message).not.toContain(leak)
    }
  })
})

describe('preflight', () => {
  it('refuses the whole plan when one datastore has no enrichment link, triggering nothing', async () => {
    sim = await startSimulator()
    const clock = new VirtualClock()
    const client = clientFor(sim, clock)
    await expect(preflight(client, [42, 7], () => clock.now())).rejects.toThrow(
      /Datastore 7 \(Legacy CRM\) has no enrichment datastore linked/
    )
    client.dispose()
    expect(sim.count('POST')).toBe(0)
  })
})

describe('the trigger', () => {
  it('classifies a 403 as rejected, a dropped answer as ambiguous, and success as created', async () => {
    sim = await startSimulator({
      readOnlyTokens: ['read-only-token-0123456789']
    })
    const clock = new VirtualClock()
    const body = {
      type: 'export' as const,
      datastore_id: 42,
      asset_type: 'checks' as const,
      include_deleted: false
    }
    const denied = clientFor(sim, clock, {
      token: 'read-only-token-0123456789'
    })
    expect((await denied.runExport(body)).kind).toBe('rejected')
    denied.dispose()
    const client = clientFor(sim, clock)
    const created = await client.runExport(body)
    expect(created.kind === 'created' && created.operation.result).toBe(
      'running'
    )
    sim.scenario.chaos = { dropAfterCreateRate: 1 }
    expect((await client.runExport(body)).kind).toBe('ambiguous')
    client.dispose()
    expect(sim.operations.size).toBe(2)
  })
})

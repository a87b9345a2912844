import { afterEach, describe, expect, it } from '@jest/globals'
import {
  ABORT_DELAY_MS,
  DEFAULT_FAILURE_MESSAGE,
  DEMO_WARNING,
  demoScenario,
  ManualClock,
  QualyticsSimulator,
  type ChaosConfig
} from '../simulator/index.js'
import {
  call,
  closeAll,
  exportBody,
  ids,
  start,
  trigger
} from './helpers/sim-client.js'

afterEach(closeAll)

describe('simulator: lifecycle', () => {
  it('runs, then ends as the behaviour says (manual clock)', async () => {
    const clock = new ManualClock()
    const sim = await start(
      {
        queuedMs: 0,
        behaviour: ({ assetType }) =>
          assetType === 'checks'
            ? { durationMs: 60_000, result: 'success', totalContainers: 4 }
            : assetType === 'anomalies'
              ? { durationMs: 1000, result: 'failure' }
              : { durationMs: 1000, result: 'success', message: 'careful' }
      },
      clock
    )
    const checks = await trigger(sim, 42, 'checks')
    const anomalies = await trigger(sim, 42, 'anomalies')
    const profiles = await trigger(sim, 43, 'profiles')
    clock.advance(30_000)
    const mid = await call(sim, 'GET', `/api/operations/${checks}`)
    expect(mid.body).toMatchObject({ result: 'running', end_time: null })
    expect(mid.body.status).toEqual({ total_containers: 2 })
    const failed = await call(sim, 'GET', `/api/operations/${anomalies}`)
    expect(failed.body).toMatchObject({
      result: 'failure',
      message: DEFAULT_FAILURE_MESSAGE,
      end_time: new Date(clock.now() - 29_000).toISOString()
    })
    const warned = await call(sim, 'GET', `/api/operations/${profiles}`)
    expect(warned.body).toMatchObject({ result: 'success', message: 'careful' })
    clock.advance(30_000)
    const done = await call(sim, 'GET', `/api/operations/${checks}`)
    expect(done.body).toMatchObject({ result: 'success', message: null })
    expect(done.body.status).toEqual({ total_containers: 4 })
    expect((await call(sim, 'GET', '/api/operations/5')).body).toEqual({
      detail: 'Operation id: 5 not found'
    })
  })

  it('aborts a running export asynchronously', async () => {
    const clock = new ManualClock()
    const sim = await start({ queuedMs: 0 }, clock)
    const id = await trigger(sim)
    const r = await call(sim, 'PUT', `/api/operations/abort/${id}`)
    expect(r.body).toMatchObject({ id, result: 'running', end_time: null })
    expect(sim.operations.get(id)?.abortRequested).toBe(true)
    expect(sim.finalResult(id)).toBe('aborted')
    clock.advance(ABORT_DELAY_MS)
    const later = await call(sim, 'GET', `/api/operations/${id}`)
    expect(later.body.result).toBe('aborted')
    expect(later.body.end_time).toBe(new Date(clock.now()).toISOString())
  })

  it('queues an export first (1 s by default), then runs it for its duration', async () => {
    const clock = new ManualClock()
    const sim = await start(
      { behaviour: () => ({ durationMs: 2000, result: 'success' }) },
      clock
    )
    const created = await call(sim, 'POST', '/api/operations/run', {
      body: exportBody(42)
    })
    expect(created.body).toMatchObject({ result: 'queued', end_time: null })
    const id = created.body.id as number
    const startTime = created.body.start_time
    const at = async (ms: number) => {
      clock.set(Date.UTC(2026, 0, 1) + ms)
      return (await call(sim, 'GET', `/api/operations/${id}`)).body
    }
    expect(await at(999)).toMatchObject({ result: 'queued', end_time: null })
    expect((await at(999)).status).toEqual({ total_containers: 0 })
    // start_time is required by the model, so it is set while queued too.
    expect((await at(999)).start_time).toBe(startTime)
    expect(await at(1000)).toMatchObject({ result: 'running', end_time: null })
    const listed = await call(sim, 'GET', '/api/operations?result=queued')
    expect(listed.body.total).toBe(0)
    expect(await at(3000)).toMatchObject({
      result: 'success',
      end_time: new Date(Date.UTC(2026, 0, 1) + 3000).toISOString()
    })
  })

  it('lists queued exports by result and holds a long queue as the scenario says', async () => {
    const clock = new ManualClock()
    const sim = await start(
      {
        behaviour: ({ datastoreId }) => ({
          durationMs: 5000,
          result: 'success',
          ...(datastoreId === 43 && { queuedMs: 90_000 })
        })
      },
      clock
    )
    const quick = await trigger(sim, 42)
    const slow = await trigger(sim, 43)
    clock.advance(1000)
    const queued = await call(sim, 'GET', '/api/operations?result=queued')
    expect(ids(queued)).toEqual([slow])
    const active = await call(
      sim,
      'GET',
      '/api/operations?result=queued&result=running'
    )
    expect(ids(active)).toEqual([slow, quick])
    clock.advance(89_000)
    expect(sim.operations.get(slow)?.result).toBe('running')
    clock.advance(5000)
    expect(sim.operations.get(slow)?.result).toBe('success')
    const bad = await call(sim, 'GET', '/api/operations?result=pending')
    expect(bad.status).toBe(422)
  })

  it('aborts a queued export: it never runs', async () => {
    const clock = new ManualClock()
    const sim = await start({ queuedMs: 90_000 }, clock)
    const id = await trigger(sim)
    const r = await call(sim, 'PUT', `/api/operations/abort/${id}`)
    expect(r.body).toMatchObject({ id, result: 'queued', end_time: null })
    clock.advance(ABORT_DELAY_MS)
    const later = await call(sim, 'GET', `/api/operations/${id}`)
    expect(later.body).toMatchObject({ result: 'aborted' })
    expect(later.body.status).toEqual({ total_containers: 0 })
  })

  it('leaves a finished export unchanged on abort', async () => {
    const clock = new ManualClock()
    const sim = await start({}, clock)
    const id = await trigger(sim)
    clock.advance(5000)
    const before = await call(sim, 'GET', `/api/operations/${id}`)
    const r = await call(sim, 'PUT', `/api/operations/abort/${id}`)
    expect(r.body).toEqual(before.body)
    expect(r.body.result).toBe('success')
    expect(sim.operations.get(id)?.abortRequested).toBe(false)
  })

  it('lists operations filtered and sorted', async () => {
    const clock = new ManualClock()
    const sim = await start(
      {
        queuedMs: 0,
        behaviour: ({ seq }) => ({ durationMs: seq * 1000, result: 'success' })
      },
      clock
    )
    const start0 = new Date(clock.now()).toISOString()
    const first = await trigger(sim, 42)
    clock.advance(10)
    const second = await trigger(sim, 43)
    clock.advance(10)
    const third = await trigger(sim, 42, 'anomalies')
    clock.advance(1500)
    const q = '/api/operations?operation_type=export&page=1'
    const all = await call(sim, 'GET', `${q}&sort_created=desc`)
    expect(ids(all)).toEqual([third, second, first])
    expect(all.body).toMatchObject({ total: 3, page: 1, size: 50, pages: 1 })
    expect(all.body.items?.[0]?.status).toBeDefined()
    const ds42 = await call(sim, 'GET', `${q}&datastore=42&sort_created=asc`)
    expect(ids(ds42)).toEqual([first, third])
    const both = await call(sim, 'GET', `${q}&datastore=42&datastore=43`)
    expect(both.body.total).toBe(3)
    const done = await call(sim, 'GET', `${q}&finished=true`)
    expect(ids(done)).toEqual([first])
    const running = await call(sim, 'GET', `${q}&finished=false&size=1`)
    expect(running.body).toMatchObject({ total: 2, size: 1, pages: 2 })
    const since = await call(sim, 'GET', `${q}&start_date=${start0}`)
    expect(since.body.total).toBe(3)
    const future = new Date(clock.now() + 1).toISOString()
    expect(
      (await call(sim, 'GET', `${q}&start_date=${future}`)).body.total
    ).toBe(0)
    const scans = await call(sim, 'GET', '/api/operations?operation_type=scan')
    expect(scans.body.total).toBe(0)
  })
})

describe('simulator: chaos and leaks', () => {
  it('echoes the token in error bodies when asked', async () => {
    const sim = await start({ echoToken: true })
    const r = await call(sim, 'GET', '/api/datastores/999')
    expect(r.text).toContain(`Bearer ${sim.token}`)
    expect(r.text).toContain(encodeURIComponent(`Bearer ${sim.token}`))
    expect(r.text).toContain(sim.token.slice(0, 12))
    const ok = await call(sim, 'GET', '/api/datastores/42')
    expect(ok.text).not.toContain(sim.token)
  })

  it('gives the same faults for the same seed', async () => {
    const chaos = (): ChaosConfig => ({
      seed: 7,
      errorRate: { '*': 0.2 },
      resetRate: { me: 0.1 },
      rateLimitRate: { '*': 0.15 },
      corruptRate: { '*': 0.15 }
    })
    const started: QualyticsSimulator[] = []
    const outcomes = async (): Promise<string[]> => {
      const sim = await start({ chaos: chaos() })
      started.push(sim)
      const seen: string[] = []
      for (let i = 0; i < 30; i++) {
        try {
          const r = await call(sim, 'GET', '/api/users/me')
          seen.push(`${r.status}:${r.text.slice(0, 20)}`)
        } catch {
          seen.push('connection error')
        }
      }
      expect(sim.requests.map(r => r.fault ?? 'none').length).toBe(30)
      return seen
    }
    const a = await outcomes()
    const b = await outcomes()
    expect(a).toEqual(b)
    expect(new Set(a).size).toBeGreaterThan(3)
    const [first, second] = started
    expect(first?.faults).toEqual(second?.faults)
  })

  it('rate-limits a storm with both Retry-After forms', async () => {
    const sim = await start({
      chaos: { rateLimitStorm: 2, retryAfterSeconds: 3 }
    })
    const one = await call(sim, 'GET', '/api/users/me')
    const two = await call(sim, 'GET', '/api/users/me')
    const three = await call(sim, 'GET', '/api/users/me')
    expect([one.status, two.status, three.status]).toEqual([429, 429, 200])
    expect(one.headers.get('retry-after')).toBe('3')
    expect(Date.parse(two.headers.get('retry-after') ?? '')).toBeGreaterThan(0)
    expect(sim.faults.storm).toBe(2)
  })

  it('drop-after-create makes the operation but loses the answer', async () => {
    const sim = await start({ chaos: { dropAfterCreateRate: 1 } })
    let seen: number | 'connection error'
    try {
      seen = (
        await call(sim, 'POST', '/api/operations/run', { body: exportBody(42) })
      ).status
    } catch {
      seen = 'connection error'
    }
    expect(['connection error', 502, 504]).toContain(seen)
    expect(sim.faults['drop-after-create']).toBe(1)
    expect(sim.operations.size).toBe(1)
    const list = await call(sim, 'GET', '/api/operations?datastore=42')
    expect(list.body.items?.[0]?.id).toBe(1001)
    expect(sim.requests[0]).toMatchObject({ fault: 'drop-after-create' })
  })

  it('other faults on the trigger create nothing', async () => {
    const sim = await start({
      chaos: { errorRate: { run: 1 }, latencyMs: [1, 3] }
    })
    const r = await call(sim, 'POST', '/api/operations/run', {
      body: exportBody(42)
    })
    expect([500, 502, 503]).toContain(r.status)
    expect(sim.operations.size).toBe(0)
    expect(sim.requests[0]).toMatchObject({ status: r.status, fault: 'error' })
  })
})

describe('demoScenario', () => {
  it('has linked 42 and 43, unlinked 7, and a warning for 43 profiles', () => {
    const demo = demoScenario()
    const link = (id: number) =>
      demo.datastores.find(d => d.id === id)?.enrichment ?? null
    expect(link(42)).not.toBeNull()
    expect(link(43)).not.toBeNull()
    expect(link(7)).toBeNull()
    const warn = demo.behaviour?.({
      datastoreId: 43,
      assetType: 'profiles',
      seq: 1
    })
    expect(warn?.message).toBe(DEMO_WARNING)
    const plain = demo.behaviour?.({
      datastoreId: 42,
      assetType: 'checks',
      seq: 2
    })
    expect(plain?.durationMs).toBeGreaterThanOrEqual(2000)
    expect(plain?.durationMs).toBeLessThanOrEqual(4000)
  })
})

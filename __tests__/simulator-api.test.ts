import { afterEach, describe, expect, it } from '@jest/globals'
import {
  call,
  closeAll,
  errors,
  exportBody,
  READ_ONLY,
  start,
  trigger
} from './helpers/sim-client.js'

afterEach(closeAll)

describe('simulator: auth and reads', () => {
  it('answers health and status without a token', async () => {
    const sim = await start()
    expect(
      (await call(sim, 'GET', '/api/health', { token: null })).status
    ).toBe(204)
    const status = await call(sim, 'GET', '/api/status', { token: null })
    expect(status.body).toEqual({
      database_connection: 'OK',
      rabbitmq_connection: 'OK'
    })
  })

  it('tells no token, a wrong token and a read-only token apart', async () => {
    const sim = await start()
    const none = await call(sim, 'GET', '/api/users/me', { token: null })
    expect(none.status).toBe(401)
    expect(none.body).toEqual({ detail: 'Not authenticated' })
    const wrong = await call(sim, 'GET', '/api/users/me', { token: 'nope' })
    expect(wrong.body).toEqual({ detail: 'Could not validate credentials' })
    const me = await call(sim, 'GET', '/api/users/me')
    expect(me.status).toBe(200)
    expect(Object.keys(me.body)).toEqual(
      expect.arrayContaining([
        'id',
        'created',
        'user_id',
        'email',
        'name',
        'role',
        'teams'
      ])
    )
    const reader = await call(sim, 'GET', '/api/users/me', { token: READ_ONLY })
    expect(reader.status).toBe(200)
    const run = await call(sim, 'POST', '/api/operations/run', {
      body: exportBody(42),
      token: READ_ONLY
    })
    expect(run.status).toBe(403)
    expect(run.body.detail).toMatch(/editor permission/)
    expect(sim.operations.size).toBe(0)
    const id = await trigger(sim)
    const abort = await call(sim, 'PUT', `/api/operations/abort/${id}`, {
      token: READ_ONLY
    })
    expect(abort.status).toBe(403)
  })

  it('serves datastores with their enrichment link', async () => {
    const sim = await start()
    const linked = await call(sim, 'GET', '/api/datastores/42')
    expect(linked.body).toMatchObject({
      id: 42,
      store_type: 'jdbc',
      enrich_datastore: { id: 100, enrichment_only: true },
      enrichment_prefix: '_analytics_bronze'
    })
    const bare = await call(sim, 'GET', '/api/datastores/7')
    expect(bare.body.enrich_datastore).toBeNull()
    const missing = await call(sim, 'GET', '/api/datastores/999')
    expect(missing.status).toBe(404)
    expect(missing.body).toEqual({ detail: 'Datastore id: 999 not found' })
    const bad = await call(sim, 'GET', '/api/datastores/abc')
    expect(bad.status).toBe(422)
    expect(errors(bad)[0]?.loc).toEqual(['path', 'datastore_id'])
  })

  it('answers 404 for missing endpoints and unknown routes', async () => {
    const sim = await start({ missingEndpoints: ['operations', 'anomalies'] })
    for (const path of ['/api/operations', '/api/anomalies', '/api/nope']) {
      const r = await call(sim, 'GET', path)
      expect([path, r.status, r.body]).toEqual([
        path,
        404,
        { detail: 'Not Found' }
      ])
    }
    expect((await call(sim, 'GET', '/api/quality-checks')).status).toBe(200)
  })

  it('counts anomalies and checks per datastore', async () => {
    const sim = await start()
    const a = await call(
      sim,
      'GET',
      '/api/anomalies?datastore=42&page=1&size=1'
    )
    expect(a.body).toMatchObject({ total: 12, page: 1, size: 1 })
    expect(a.body.items).toHaveLength(1)
    const c = await call(sim, 'GET', '/api/quality-checks?datastore=43&size=1')
    expect(c.body).toMatchObject({ total: 0, items: [] })
    expect(sim.count('GET', '/api/anomalies')).toBe(1)
    expect(sim.count('GET')).toBe(2)
  })
})

describe('simulator: trigger', () => {
  it('validates the body like FastAPI', async () => {
    const sim = await start()
    const plural = await call(sim, 'POST', '/api/operations/run', {
      body: { type: 'export', datastore_ids: [42], asset_type: 'checks' }
    })
    expect(plural.status).toBe(422)
    expect(plural.body.detail).toEqual([
      expect.objectContaining({
        loc: ['body', 'datastore_id'],
        msg: 'Field required'
      })
    ])
    const asset = await call(sim, 'POST', '/api/operations/run', {
      body: exportBody(42, 'field-profiles')
    })
    expect(asset.status).toBe(422)
    expect(errors(asset)[0]?.loc).toEqual(['body', 'asset_type'])
    const bad2 = await call(sim, 'POST', '/api/operations/run', {
      body: { ...exportBody(42), container_ids: [1, 'x'] }
    })
    expect(errors(bad2)[0]?.loc).toEqual(['body', 'container_ids', 1])
    expect(sim.operations.size).toBe(0)
  })

  it('refuses unknown and unlinked datastores', async () => {
    const sim = await start()
    const unknown = await call(sim, 'POST', '/api/operations/run', {
      body: exportBody(999)
    })
    expect(unknown.status).toBe(404)
    const unlinked = await call(sim, 'POST', '/api/operations/run', {
      body: exportBody(7)
    })
    expect(unlinked.status).toBe(400)
    expect(unlinked.body.detail).toMatch(/Datastore 7 has no enrichment/)
  })

  it('creates a queued export operation with ids from 1001', async () => {
    const sim = await start()
    const r = await call(sim, 'POST', '/api/operations/run', {
      body: { ...exportBody(42), container_ids: [5, 6] }
    })
    expect(r.body).toMatchObject({
      id: 1001,
      type: 'export',
      result: 'queued',
      end_time: null,
      message: null,
      datastore: { id: 42, name: 'Sales' },
      asset_type: 'checks',
      include_deleted: false
    })
    expect(r.body.datastore_id).toBeUndefined()
    expect(await trigger(sim)).toBe(1002)
    expect(sim.operations.get(1001)?.containerIds).toEqual([5, 6])
  })

  it('rejects bodies over 1 MB with 413', async () => {
    const sim = await start()
    const r = await call(sim, 'POST', '/api/operations/run', {
      body: { ...exportBody(42), pad: 'x'.repeat(1024 * 1024) }
    })
    expect(r.status).toBe(413)
  })
})

/**
 * The datastore list's `pages` is never believed over `total` and the
 * page size the server used: a dry run of 3 datastores whose envelope
 * claims 1,000 pages reads one page (it used to read 1,000). The bundle
 * against a hostile server, and the bound itself.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { runAction } from '../helpers/bundle.js'
import {
  hostileInputs,
  startHostileServer,
  type SeenRequest
} from '../helpers/hostile-server.js'
import { pagesToRead } from '../../src/core/client/schemas.js'
import { ShapeError } from '../../src/core/client/schema.js'

const THREE = [42, 43, 44].map(id => ({
  id,
  name: `DS ${id}`,
  global_tags: [{ name: 'nightly' }],
  enrich_datastore: { id: 9, name: 'E' },
  enrich_container_prefix: `ds_${id}`
}))

let close: (() => Promise<void>) | undefined
afterEach(async () => {
  await close?.()
  close = undefined
})

/** A list of THREE, `perPage` a page, whose envelope claims `pages`. */
async function dryRunByTag(
  perPage: number,
  pages: number
): Promise<{
  run: Awaited<ReturnType<typeof runAction>>
  seen: SeenRequest[]
}> {
  const server = await startHostileServer((req, _res, x) => {
    const url = new URL(req.url ?? '/', 'http://x')
    if (url.pathname !== '/api/datastores') return false
    const page = Number(url.searchParams.get('page') ?? '1')
    x.json({
      items: THREE.slice((page - 1) * perPage, page * perPage),
      total: THREE.length,
      page,
      size: 100,
      pages
    })
    return true
  })
  close = server.close
  const run = await runAction({
    inputs: {
      ...hostileInputs(server.url, {
        'datastore-tags': 'nightly',
        'dry-run': 'true'
      }),
      datastore: ''
    }
  })
  return { run, seen: server.seen }
}

const listReads = (seen: SeenRequest[]): number =>
  seen.filter(r => r.path.startsWith('/api/datastores?')).length

describe('the datastore list pages', () => {
  it('reads one page of a 3-datastore list that claims 1,000 pages', async () => {
    const { run, seen } = await dryRunByTag(100, 1000)
    expect(run.code).toBe(0)
    expect(run.outputs.datastores).toBe('[42,43,44]')
    expect(listReads(seen)).toBe(1)
  }, 30_000)

  it('reads three pages when the server gives one item a page, whatever size says', async () => {
    const { run, seen } = await dryRunByTag(1, 1000)
    expect(run.code).toBe(0)
    expect(run.outputs.datastores).toBe('[42,43,44]')
    expect(listReads(seen)).toBe(3)
  }, 30_000)

  it('bounds pages by total over the items page 1 held', () => {
    const page = (items: number, total: number, pages: number) => ({
      items: Array.from({ length: items }, () => THREE[0] as never),
      total,
      pages
    })
    expect(pagesToRead(page(3, 3, 1000))).toBe(1)
    expect(pagesToRead(page(2, 5, 1000))).toBe(3)
    expect(pagesToRead(page(100, 250, 3))).toBe(3)
    // A page count below what total needs is read as given; the count check fails it later.
    expect(pagesToRead(page(100, 250, 2))).toBe(2)
    expect(pagesToRead(page(0, 0, 1000))).toBe(1)
    expect(() => pagesToRead(page(0, 3, 1000))).toThrow(ShapeError)
  })
})

/**
 * `datastore-tags` in the bundled action: one export of a tagged selection
 * for real, and hostile list answers (pages that cannot be read whole,
 * items that do not say whether they are linked). The selection's rules
 * and the matrix run in-process in ../fleet.test.ts.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { runAction } from '../helpers/bundle.js'
import { QualyticsSimulator, type SimDatastore } from '../../simulator/index.js'
import { byTags, triggers } from '../helpers/fixtures.js'
import { startHostileServer, HOSTILE_TOKEN } from '../helpers/hostile-server.js'

let sim: QualyticsSimulator | undefined
let closeHostile: (() => Promise<void>) | undefined
afterEach(async () => {
  await sim?.close()
  await closeHostile?.()
  sim = undefined
  closeHostile = undefined
})

async function startFleet(
  datastores: SimDatastore[]
): Promise<QualyticsSimulator> {
  sim = await QualyticsSimulator.start({
    datastores,
    behaviour: () => ({ durationMs: 200, result: 'success', message: null })
  })
  return sim
}

const json = <T>(text: string | undefined): T => JSON.parse(text ?? '') as T

describe('datastore-tags: the edges', () => {
  const tagged = (id: number, tags: string[], linked = true): SimDatastore => ({
    id,
    name: `DS ${id}`,
    tags,
    enrichment: linked ? { id: 900 + id, name: `E ${id}` } : null
  })

  it('exports the selection for real, in ascending id order, and skips the unlinked with a warning', async () => {
    const s = await startFleet([
      tagged(30, ['nightly']),
      tagged(4, ['Nightly']),
      tagged(17, ['nightly'], false),
      tagged(9, ['weekly'])
    ])
    const run = await runAction({
      inputs: byTags(s, 'NIGHTLY', {
        'dry-run': 'false',
        options: 'anomalies',
        'max-parallel': '1',
        timeout: '30s'
      })
    })
    expect(run.code).toBe(0)
    expect(
      triggers(s).map(b => (b as { datastore_id: number }).datastore_id)
    ).toEqual([4, 30])
    expect(json(run.outputs.datastores)).toEqual([4, 30])
    expect(json(run.outputs.matrix)).toEqual({ datastore: ['4', '30'] })
    expect(run.warnings.join('\n')).toContain('17 (DS 17)')
  })
})

describe('datastore-tags: a list that cannot be read whole', () => {
  /** A hostile list: page 1 is fine, page 2 is whatever the case says. */
  async function hostileList(
    page2: (page: number) => unknown
  ): Promise<{ url: string; seen: { method: string; path: string }[] }> {
    const items = (from: number): unknown[] =>
      Array.from({ length: 100 }, (_, i) => ({
        id: from + i,
        name: `D${from + i}`,
        global_tags: [{ name: 'prod' }],
        enrich_datastore: { id: 9000, name: 'E' }
      }))
    const server = await startHostileServer((req, _res, x) => {
      const url = new URL(req.url ?? '/', 'http://h')
      if (url.pathname !== '/api/datastores') return false
      const page = Number(url.searchParams.get('page'))
      x.json(
        page === 1
          ? { items: items(1), total: 150, page: 1, size: 100, pages: 2 }
          : page2(page)
      )
      return true
    })
    closeHostile = server.close
    return server
  }

  const cases: [string, () => unknown][] = [
    [
      'an item with a string id',
      () => ({
        items: [{ id: '101', name: 'x', global_tags: [] }],
        total: 150,
        page: 2,
        size: 100,
        pages: 2
      })
    ],
    [
      'page 1 again (page ignored)',
      () => ({ items: [], total: 150, page: 1, size: 100, pages: 2 })
    ],
    [
      'a total that changed',
      () => ({ items: [], total: 120, page: 2, size: 100, pages: 2 })
    ],
    [
      'fewer items than the total',
      () => ({ items: [], total: 150, page: 2, size: 100, pages: 2 })
    ]
  ]

  it.each(cases)(
    'fails preflight on %s, and exports nothing',
    async (_, page2) => {
      const server = await hostileList(page2)
      const run = await runAction({
        inputs: {
          url: server.url,
          token: HOSTILE_TOKEN,
          'datastore-tags': 'prod',
          timeout: '10s'
        }
      })
      expect(run.code).toBe(1)
      expect(run.errors.join('\n')).toContain(
        'The datastore list could not be read whole'
      )
      expect(server.seen.filter(r => r.method === 'POST')).toHaveLength(0)
      expect(run.outputs.datastores).toBeUndefined()
    }
  )
})

describe('datastore-tags: list items that do not say whether they are linked', () => {
  it('reads the detail of those datastores only, and plans what it says', async () => {
    const server = await startHostileServer((req, _res, x) => {
      const url = new URL(req.url ?? '/', 'http://h')
      if (url.pathname === '/api/datastores') {
        x.json({
          items: [
            { id: 42, name: 'No field', global_tags: [{ name: 'prod' }] },
            {
              id: 8,
              name: 'Linked',
              global_tags: [{ name: 'prod' }],
              enrich_datastore: { id: 9, name: 'E' }
            },
            { id: 3, name: 'Untagged', global_tags: [] }
          ],
          total: 3,
          page: 1,
          size: 100,
          pages: 1
        })
        return true
      }
      return false
    })
    closeHostile = server.close
    const run = await runAction({
      inputs: {
        url: server.url,
        token: HOSTILE_TOKEN,
        'datastore-tags': 'prod',
        'dry-run': 'true'
      }
    })
    expect(run.code).toBe(0)
    expect(json(run.outputs.datastores)).toEqual([8, 42])
    expect(
      server.seen.filter(r => r.path.startsWith('/api/datastores/'))
    ).toEqual([{ method: 'GET', path: '/api/datastores/42' }])
  })
})

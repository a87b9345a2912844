/**
 * `datastore-tags` end to end: the bundled action against a generated fleet
 * in the simulator (selection, skipped and empty cases, the refusal, the
 * `datastores` and `matrix` outputs up to 1,000 datastores) and against
 * hostile list answers, and the `matrix` through GitHub's workflow parser
 * in a two-job fan-out.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { checkMatrixWorkflow, fanOutWorkflow } from '../../bench/fleet.js'
import { matrixProblems } from '../../bench/fleet-rows.js'
import { runAction } from '../helpers/bundle.js'
import {
  expectedSelection,
  generateFleet,
  QualyticsSimulator,
  type SimDatastore
} from '../../simulator/index.js'
import { parseConfig } from '../../src/core/config/config.js'
import { operationsOf, triggers } from '../helpers/fixtures.js'
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

function byTags(
  s: QualyticsSimulator,
  tags: string,
  extra: Record<string, string> = {}
): Record<string, string> {
  return {
    url: s.url,
    token: s.token,
    'datastore-tags': tags,
    'dry-run': 'true',
    ...extra
  }
}

const json = <T>(text: string | undefined): T => JSON.parse(text ?? '') as T

describe('datastore-tags against a fleet of 1,000', () => {
  const fleet = generateFleet({ count: 1000 })

  it('selects every linked datastore with any tag, ascending, in ceil(1000/100)+2 requests, and fans it out over 256 entries', async () => {
    const s = await startFleet(fleet)
    const tags = ['PROD', 'Finance']
    const run = await runAction({ inputs: byTags(s, tags.join(', ')) })
    expect(run.code).toBe(0)
    expect(run.outputs.result).toBe('dry-run')
    const { linked, unlinked } = expectedSelection(fleet, tags)
    expect(linked.length).toBeGreaterThan(256)
    expect(unlinked.length).toBeGreaterThan(0)
    expect(json<number[]>(run.outputs.datastores)).toEqual(linked)
    const rows = operationsOf(run.outputs)
    expect(rows).toHaveLength(linked.length * 3)
    expect([...new Set(rows.map(r => r.datastore_id))]).toEqual(linked)
    const matrix = json<{ datastore: string[] }>(run.outputs.matrix)
    expect(matrix.datastore).toHaveLength(256)
    expect(matrix.datastore.flatMap(e => e.split(',').map(Number))).toEqual(
      linked
    )
    // The list pages stand in for per-datastore GETs; nothing is triggered.
    expect(s.requests.length).toBeLessThanOrEqual(Math.ceil(1000 / 100) + 2)
    expect(s.count('GET', '/api/datastores/')).toBe(0)
    expect(s.count('POST')).toBe(0)
    // The skipped ones are named in one warning; enrichment datastores are not.
    expect(run.warnings).toHaveLength(1)
    expect(run.warnings[0]).toContain(
      `Skipped ${unlinked.length} datastores with the tags PROD, Finance`
    )
    expect(run.warnings[0]).toContain(`${unlinked[0]} (Fleet ${unlinked[0]})`)
    expect(run.stdout).toMatch(
      /Not exported: 26 \(Fleet Enrichment 1\), 52 .* enrichment datastores/
    )
    expect(linked).not.toContain(26)
  })

  it('gives one id per matrix entry when the selection fits in 256', async () => {
    const small = generateFleet({ count: 120, seed: 3 })
    const s = await startFleet(small)
    const run = await runAction({ inputs: byTags(s, 'pii') })
    const { linked } = expectedSelection(small, ['pii'])
    expect(linked.length).toBeGreaterThan(5)
    expect(json<number[]>(run.outputs.datastores)).toEqual(linked)
    expect(json(run.outputs.matrix)).toEqual({ datastore: linked.map(String) })
  })
})

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

  it('fails before any POST when no datastore carries a tag', async () => {
    const s = await startFleet([tagged(1, ['prod']), tagged(2, [])])
    const run = await runAction({
      inputs: byTags(s, 'dev,qa', { 'dry-run': 'false' })
    })
    expect(run.code).toBe(1)
    expect(run.outputs.result).toBe('failure')
    expect(run.errors.join('\n')).toContain(
      'No source datastore carries any of the tags dev, qa'
    )
    expect(s.count('POST')).toBe(0)
    expect(run.outputs.datastores).toBeUndefined()
  })

  it('fails before any POST when every selected datastore is unlinked', async () => {
    const s = await startFleet([
      tagged(1, ['prod'], false),
      tagged(2, ['prod'], false),
      tagged(3, ['dev'])
    ])
    const run = await runAction({
      inputs: byTags(s, 'prod', { 'dry-run': 'false' })
    })
    expect(run.code).toBe(1)
    expect(run.errors.join('\n')).toMatch(
      /Every datastore with the tags prod has no enrichment datastore linked: 1 \(DS 1\), 2 \(DS 2\)/
    )
    expect(s.count('POST')).toBe(0)
  })

  it('refuses datastore and datastore-tags together before any request', async () => {
    const s = await startFleet([tagged(1, ['prod'])])
    const run = await runAction({
      inputs: byTags(s, 'prod', { datastore: '1', 'dry-run': 'false' })
    })
    expect(run.code).toBe(1)
    expect(run.errors.join('\n')).toContain(
      "Invalid input 'datastore-tags': cannot be combined with datastore"
    )
    expect(s.requests).toHaveLength(0)
  })

  it('refuses containers with datastore-tags', () => {
    expect(() =>
      parseConfig(
        {
          url: 'https://q.example',
          token: 't',
          'datastore-tags': 'prod',
          containers: '5'
        },
        {}
      )
    ).toThrow(/containers/)
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

describe("the matrix in GitHub's workflow parser", () => {
  it('parses as the matrix of a two-job fan-out for 1 to 1,000 datastores', async () => {
    const fleet = generateFleet({ count: 1000 })
    const s = await startFleet(fleet)
    const run = await runAction({ inputs: byTags(s, 'prod,staging,pii') })
    const ids = json<number[]>(run.outputs.datastores)
    expect(ids.length).toBeGreaterThan(512)
    const check = await checkMatrixWorkflow(run.outputs.matrix ?? '')
    expect(check.errors).toEqual([])
    expect(check.entries).toHaveLength(256)
    expect(matrixProblems(check, ids)).toEqual([])
    // Each entry is valid `datastore` input of the export job.
    for (const entry of check.entries)
      expect(
        parseConfig(
          { url: 'https://q.example', token: 't', datastore: String(entry) },
          {}
        ).datastores
      ).toEqual(String(entry).split(',').map(Number))
    for (const small of [[7], [3, 1, 2]]) {
      const one = await checkMatrixWorkflow(
        JSON.stringify({ datastore: small.map(String) })
      )
      expect(matrixProblems(one, small)).toEqual([])
    }
  })

  it('catches a matrix the parser refuses, and entries that are not strings', async () => {
    const refused = await checkMatrixWorkflow('{"datastore":"1,2"}')
    expect(refused.errors.join('\n')).toContain("Unexpected value '1,2'")
    const objects = await checkMatrixWorkflow('{"datastore":[{"id":1}]}')
    expect(matrixProblems(objects, [1])).toContain('an entry is not a string')
  })

  it('parses the fromJSON form the README recipe uses', async () => {
    const { parseWorkflow, NoOperationTraceWriter } =
      await import('@actions/workflow-parser')
    const parsed = parseWorkflow(
      { name: 'f.yml', content: fanOutWorkflow(null, false) },
      new NoOperationTraceWriter()
    )
    expect(parsed.context.errors.getErrors()).toEqual([])
  })
})

/**
 * Prefix collisions are found before anything runs (contract 1.2): two
 * datastores linked to one enrichment datastore with one table prefix
 * replace each other's export tables, so preflight warns, naming both
 * datastores, the enrichment datastore and the prefix. The bundle against
 * the simulator, with datastores named and selected by tag.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { runAction } from '../helpers/bundle.js'
import type { QualyticsSimulator, SimDatastore } from '../../simulator/index.js'
import { inputsFor, startSimulator, triggers } from '../helpers/fixtures.js'

const SHARED = { id: 100, name: 'Shared Enrichment' }
const DATASTORES: SimDatastore[] = [
  {
    id: 42,
    name: 'Sales Warehouse',
    enrichment: { ...SHARED, prefix: 'sales' },
    tags: ['nightly']
  },
  {
    id: 43,
    name: 'Sales Copy',
    enrichment: { ...SHARED, prefix: 'Sales' },
    tags: ['nightly']
  },
  {
    id: 44,
    name: 'Operations',
    enrichment: { ...SHARED, prefix: 'ops' },
    tags: ['nightly']
  }
]

let sim: QualyticsSimulator | undefined
afterEach(async () => {
  await sim?.close()
  sim = undefined
})

const collisionOf = (warnings: string[]): string[] =>
  warnings.filter(w => w.includes('export to the same tables'))

describe('prefix collisions', () => {
  it('warns in preflight, naming both datastores, the enrichment datastore and the prefix', async () => {
    const s = (sim = await startSimulator({ datastores: DATASTORES }))
    const run = await runAction({
      inputs: inputsFor(s, { datastore: '42,43,44', 'dry-run': 'true' })
    })
    expect(run.code).toBe(0)
    const [warning, ...more] = collisionOf(run.warnings)
    expect(more).toEqual([])
    expect(warning).toContain(
      'Datastores 42 (Sales Warehouse) and 43 (Sales Copy)'
    )
    expect(warning).toContain('enrichment datastore 100 (Shared Enrichment)')
    expect(warning).toContain('table prefix _sales')
    expect(warning).not.toContain('44')
    expect(triggers(s)).toEqual([])
  }, 60_000)

  it('warns for the datastores a tag selects', async () => {
    const s = (sim = await startSimulator({ datastores: DATASTORES }))
    const run = await runAction({
      inputs: {
        ...inputsFor(s, { 'datastore-tags': 'nightly', 'dry-run': 'true' }),
        datastore: ''
      }
    })
    expect(run.code).toBe(0)
    expect(collisionOf(run.warnings)).toHaveLength(1)
    expect(collisionOf(run.warnings)[0]).toContain(
      '42 (Sales Warehouse) and 43 (Sales Copy)'
    )
  }, 60_000)

  it('says nothing when each datastore has its own prefix', async () => {
    const s = (sim = await startSimulator({ datastores: DATASTORES }))
    const run = await runAction({
      inputs: inputsFor(s, { datastore: '42,44', 'dry-run': 'true' })
    })
    expect(run.outputs.result).toBe('dry-run')
    expect(run.warnings).toEqual([])
  }, 60_000)
})

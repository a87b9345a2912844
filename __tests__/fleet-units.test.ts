/**
 * The pure parts of selection by tag and of verify: the matrix grouping,
 * the strict reading of the datastore list, the choice by tags, the export
 * table names, and the enrichment answers.
 */
import { describe, expect, it } from '@jest/globals'
import {
  datastorePage as parseDatastorePage,
  listedDatastore as parseListedDatastore,
  listing as parseListing,
  sourceRecords as parseSourceRecords,
  warehouseTime as readTimestamp
} from '../src/core/client/schemas.js'
import { ShapeError } from '../src/core/client/schema.js'
import { matrixGroups, selectionOutputs } from '../src/core/report/matrix.js'
import { chooseByTags, nameList } from '../src/core/run/job.js'
import {
  exportTableNames,
  findExportTable,
  normalisePrefix,
  collisionWarnings,
  COLLISIONS_TOLD,
  describeCollision,
  prefixCollisions,
  type PrefixCollision,
  type PrefixHolder
} from '../src/core/domain/export-tables.js'

const ids = (n: number, from = 1): number[] =>
  Array.from({ length: n }, (_, i) => from + i)

describe('matrixGroups', () => {
  it('gives one id per entry up to 256, in plan order', () => {
    const plan = [42, 7, 1000, 3]
    expect(matrixGroups(plan)).toEqual({ datastore: ['42', '7', '1000', '3'] })
    expect(matrixGroups(ids(256)).datastore).toEqual(ids(256).map(String))
  })

  it.each([257, 513, 1000, 5000])(
    'groups %i ids into 256 entries that differ by at most one id and cover each once, in order',
    n => {
      const { datastore } = matrixGroups(ids(n))
      expect(datastore).toHaveLength(256)
      const sizes = datastore.map(e => e.split(',').length)
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1)
      // Larger groups first, so sizes never grow along the list.
      expect([...sizes].sort((a, b) => b - a)).toEqual(sizes)
      expect(datastore.flatMap(e => e.split(',').map(Number))).toEqual(ids(n))
    }
  )

  it('keeps an unsorted plan order inside groups', () => {
    expect(matrixGroups([5, 3, 9, 1, 7], 2)).toEqual({
      datastore: ['5,3,9', '1,7']
    })
  })

  it('is empty for no datastores and refuses a limit below one', () => {
    expect(matrixGroups([])).toEqual({ datastore: [] })
    expect(() => matrixGroups([1], 0)).toThrow(RangeError)
  })

  it('gives the two outputs as JSON', () => {
    expect(selectionOutputs([4, 2])).toEqual({
      datastores: '[4,2]',
      matrix: '{"datastore":["4","2"]}'
    })
  })
})

const item = (
  extra: Record<string, unknown> = {}
): Record<string, unknown> => ({
  id: 5,
  name: 'Sales',
  global_tags: [{ name: 'Prod' }],
  enrich_datastore: { id: 9, name: 'Enrich' },
  enrichment_prefix: '_sales',
  ...extra
})

describe('reading the datastore list', () => {
  it('reads id, name, tags, link and prefix', () => {
    expect(parseListedDatastore(item(), 'x')).toEqual({
      id: 5,
      name: 'Sales',
      tags: ['Prod'],
      enrichment: { id: 9, name: 'Enrich' },
      enrichmentOnly: false,
      enrichmentPrefix: '_sales'
    })
  })

  it('tells a missing link field (cannot tell) from a null one (not linked)', () => {
    const noField = item()
    delete noField.enrich_datastore
    expect(parseListedDatastore(noField, 'x').enrichment).toBeUndefined()
    expect(
      parseListedDatastore(item({ enrich_datastore: null }), 'x').enrichment
    ).toBeNull()
    expect(parseListedDatastore(item({ global_tags: null }), 'x').tags).toEqual(
      []
    )
  })

  it.each([
    ['a string id that is no number', { id: 'five' }],
    ['an id past 2^53', { id: 2 ** 53 + 2 }],
    ['a zero id', { id: 0 }],
    ['a fractional id', { id: 5.5 }],
    ['no name', { name: null }],
    ['tags that are not a list', { global_tags: 'prod' }],
    ['a bare-string tag', { global_tags: ['prod'] }],
    ['a tag without a name', { global_tags: [{ color: 'red' }] }],
    ['a link that is a string', { enrich_datastore: 'yes' }],
    ['a link with a bad id', { enrich_datastore: { id: -1 } }]
  ])('refuses an item with %s', (_, extra) => {
    expect(() => parseListedDatastore(item(extra), 'x')).toThrow(ShapeError)
  })

  it('refuses a page without items, a bad total, or another page than asked', () => {
    expect(() => parseDatastorePage({ total: 1 }, 1)).toThrow(ShapeError)
    expect(() =>
      parseDatastorePage({ items: [], total: '3', pages: 1 }, 1)
    ).toThrow(ShapeError)
    expect(() =>
      parseDatastorePage({ items: [], total: 3, page: 1, pages: 2 }, 2)
    ).toThrow(ShapeError)
    expect(() =>
      parseDatastorePage({ items: [item(), null], total: 2, pages: 1 }, 1)
    ).toThrow(ShapeError)
  })

  it('computes pages from total and size when the envelope leaves them out', () => {
    const page = parseDatastorePage({ items: [], total: 250, size: 100 }, 1)
    expect(page.pages).toBe(3)
  })
})

describe('chooseByTags', () => {
  const listed = [
    { id: 30, tags: ['PROD'], link: true },
    { id: 10, tags: ['prod', 'pii'], link: true },
    { id: 20, tags: ['Prod'], link: false },
    { id: 40, tags: ['staging'], link: true },
    { id: 50, tags: ['prod'], link: undefined },
    { id: 60, tags: [' prod '], link: false, enrichmentOnly: true }
  ].map(d => ({
    id: d.id,
    name: `D${d.id}`,
    tags: d.tags,
    enrichment:
      d.link === undefined ? undefined : d.link ? { id: 1, name: 'E' } : null,
    enrichmentOnly: d.enrichmentOnly ?? false,
    enrichmentPrefix: null
  }))

  it('matches any tag case-insensitively and sorts by id', () => {
    const choice = chooseByTags(listed, ['Prod', 'nothing'])
    expect(choice.linked.map(d => d.id)).toEqual([10, 30])
    expect(choice.unlinked.map(d => d.id)).toEqual([20])
    expect(choice.unknown.map(d => d.id)).toEqual([50])
    expect(choice.enrichmentOnly.map(d => d.id)).toEqual([60])
  })

  it('selects nothing for tags no datastore carries', () => {
    const choice = chooseByTags(listed, ['dev'])
    expect(Object.values(choice).flat()).toEqual([])
  })

  it('names at most 20 datastores and counts the rest', () => {
    const many = ids(23).map(id => ({ id, name: `D${id}` }))
    expect(nameList(many)).toMatch(/^1 \(D1\), .*20 \(D20\) and 3 more$/)
  })
})

describe('export table names', () => {
  it('normalises the prefix as the product does, with the default', () => {
    expect(normalisePrefix(null)).toBe('_qualytics')
    expect(normalisePrefix('Analytics Bronze')).toBe('_analytics_bronze')
    expect(normalisePrefix('_sales')).toBe('_sales')
    expect(normalisePrefix('  ')).toBe('_qualytics')
  })

  it('lists both naming forms, with and without a doubled underscore', () => {
    expect(exportTableNames('_qualytics', 'profiles')).toEqual([
      '_qualytics_field_profiles_export',
      '__qualytics_field_profiles_export',
      '_qualytics_export_field_profiles',
      '__qualytics_export_field_profiles'
    ])
  })

  it('finds a table in either form and any letter case, as listed', () => {
    expect(
      findExportTable(['_QUALYTICS_ANOMALIES_EXPORT'], null, 'anomalies')
    ).toBe('_QUALYTICS_ANOMALIES_EXPORT')
    expect(findExportTable(['_sales_export_checks'], 'sales', 'checks')).toBe(
      '_sales_export_checks'
    )
    expect(findExportTable(['__sales_checks_export'], '_sales', 'checks')).toBe(
      '__sales_checks_export'
    )
    // The newest form wins when both are there.
    expect(
      findExportTable(
        ['_q_export_anomalies', '_q_anomalies_export'],
        '_q',
        'anomalies'
      )
    ).toBe('_q_anomalies_export')
  })

  it('does not take another asset type or prefix for the table', () => {
    const listed = ['_qualytics_checks_export', '_other_anomalies_export']
    expect(findExportTable(listed, null, 'anomalies')).toBeNull()
  })
})

describe('enrichment answers', () => {
  it('reads a listing as a plain array or a page envelope', () => {
    expect(parseListing([{ name: 'a', type: 'table' }, 'b'])).toEqual({
      names: ['a', 'b'],
      pages: 1
    })
    expect(parseListing({ items: [{ name: 'a' }], pages: 3 })).toEqual({
      names: ['a'],
      pages: 3
    })
    expect(() => parseListing({ tables: [] })).toThrow(ShapeError)
    expect(() => parseListing([{ name: 7 }])).toThrow(ShapeError)
  })

  it('reads source_records as a JSON string or an array, keys in either case', () => {
    const rows = [
      { DATASTORE_ID: 42, GENERATED_AT: '2026-12-02 06:00:00+0000', ID: 1 },
      { datastore_id: '43', generated_at: '2026-12-02T07:00:00Z' }
    ]
    expect(
      parseSourceRecords({ source_records: JSON.stringify(rows) })
    ).toEqual([
      {
        datastoreId: 42,
        generatedAt: { kind: 'zoned', ms: Date.parse('2026-12-02T06:00:00Z') },
        columns: ['DATASTORE_ID', 'GENERATED_AT', 'ID']
      },
      {
        datastoreId: 43,
        generatedAt: { kind: 'zoned', ms: Date.parse('2026-12-02T07:00:00Z') },
        columns: ['DATASTORE_ID', 'GENERATED_AT']
      }
    ])
    expect(parseSourceRecords({ source_records: rows })).toHaveLength(2)
    expect(parseSourceRecords({ source_records: '[]' })).toEqual([])
    expect(
      parseSourceRecords({ source_records: '[{"datastore_id":null}]' })[0]
    ).toMatchObject({ datastoreId: null, generatedAt: { kind: 'unreadable' } })
    expect(() => parseSourceRecords({ source_records: '{oops' })).toThrow(
      ShapeError
    )
    expect(() => parseSourceRecords({ source_records: '[7]' })).toThrow(
      ShapeError
    )
    expect(() => parseSourceRecords([rows])).toThrow(ShapeError)
  })

  it('reads warehouse timestamps with a zone, and epoch s, ms or µs by magnitude', () => {
    const at = Date.parse('2026-12-02T06:00:00.250Z')
    const zoned = (ms: number): unknown => ({ kind: 'zoned', ms })
    expect(readTimestamp('2026-12-02T06:00:00.250Z')).toEqual(zoned(at))
    expect(readTimestamp('2026-12-02 06:00:00.250+0000')).toEqual(zoned(at))
    expect(readTimestamp('2026-12-02 06:00:00.250123+00')).toEqual(zoned(at))
    expect(readTimestamp('2026-12-02T07:00:00.250+01:00')).toEqual(zoned(at))
    expect(readTimestamp('2026-12-02 01:00:00.250 -0500')).toEqual(zoned(at))
    expect(readTimestamp('2026-12-02 06:00:00.250 UTC')).toEqual(zoned(at))
    expect(readTimestamp(at)).toEqual(zoned(at))
    expect(readTimestamp(at / 1000)).toEqual(zoned(at))
    expect(readTimestamp(at * 1000)).toEqual(zoned(at))
    expect(readTimestamp(String(at * 1000))).toEqual(zoned(at))
    // Ten days old in microseconds is ten days old, not 56,000 years ahead.
    const tenDays = (at - 10 * 86_400_000) * 1000
    expect(readTimestamp(tenDays)).toEqual(zoned(at - 10 * 86_400_000))
    // A wall time without a zone is no instant at all.
    expect(readTimestamp('2026-12-02 06:00:00.250')).toEqual({
      kind: 'zoneless',
      text: '2026-12-02 06:00:00.250'
    })
    expect(readTimestamp('2026-12-02T06:00')).toMatchObject({
      kind: 'zoneless'
    })
    for (const bad of ['yesterday', '2026-12-02', null, -5, 1e18, NaN, true])
      expect(readTimestamp(bad)).toEqual({ kind: 'unreadable' })
  })
})

describe('prefix collisions', () => {
  const ds = (
    id: number,
    enrichmentId: number | null,
    prefix?: string | null
  ): PrefixHolder => ({
    id,
    name: `DS ${id}`,
    enrichment: enrichmentId === null ? null : { id: enrichmentId, name: 'E' },
    enrichmentPrefix: prefix
  })

  it('finds datastores of one enrichment datastore with one prefix, as normalised', () => {
    const found = prefixCollisions([
      ds(43, 100, 'Sales'),
      ds(42, 100, '_sales'),
      ds(44, 100, 'marketing'),
      ds(45, 101, 'sales'),
      ds(46, null, 'sales')
    ])
    expect(found).toHaveLength(1)
    expect(found[0]).toMatchObject({
      enrichment: { id: 100, name: 'E' },
      prefix: '_sales',
      assumedDefault: false
    })
    expect(found[0]?.datastores.map(d => d.id)).toEqual([42, 43])
    expect(describeCollision(found[0] as PrefixCollision)).toBe(
      'Datastores 42 (DS 42) and 43 (DS 43) export to the same tables: all are linked to enrichment datastore 100 (E) with the table prefix _sales, so each export replaces the tables of the other, and Qualytics does not check this. Give each datastore its own prefix in its Enrichment settings in Qualytics.'
    )
  })

  it('counts a datastore without a prefix under the default, and says so', () => {
    const found = prefixCollisions([
      ds(42, 100, null),
      ds(43, 100, '_qualytics'),
      ds(44, 100)
    ])
    expect(found).toHaveLength(1)
    expect(found[0]).toMatchObject({
      prefix: '_qualytics',
      assumedDefault: true
    })
    const text = describeCollision(found[0] as PrefixCollision)
    expect(text).toContain('Datastores 42 (DS 42), 43 (DS 43) and 44 (DS 44)')
    expect(text).toContain('taken to use the default _qualytics')
    expect(text).toContain('the tables of the others')
  })

  it('finds nothing when every datastore has its own prefix or enrichment datastore', () => {
    expect(
      prefixCollisions([ds(42, 100, 'a'), ds(43, 100, 'b'), ds(44, 101, 'a')])
    ).toEqual([])
    // One datastore listed twice is no collision with itself.
    expect(prefixCollisions([ds(42, 100, 'a'), ds(42, 100, 'a')])).toEqual([])
  })
})

describe('prefix collision warnings', () => {
  it('tells five collisions one by one, names at most 20 datastores each, and counts the rest', () => {
    const fleet: PrefixHolder[] = Array.from({ length: 7 * 25 }, (_, i) => ({
      id: i + 1,
      name: `F${i + 1}`,
      enrichment: { id: 1000 + Math.floor(i / 25), name: null },
      enrichmentPrefix: null
    }))
    const warnings = collisionWarnings(prefixCollisions(fleet))
    expect(warnings).toHaveLength(COLLISIONS_TOLD + 1)
    expect(warnings[0]).toContain(
      '20 (F20) and 5 more export to the same tables'
    )
    expect(warnings[0]).not.toContain('21 (F21)')
    expect(warnings[5]).toBe(
      '2 more groups of datastores share export tables the same way: 25 datastores with the prefix _qualytics in enrichment datastore 1005; 25 datastores with the prefix _qualytics in enrichment datastore 1006. Give each datastore its own prefix in its Enrichment settings in Qualytics.'
    )
  })
})

/**
 * The pure parts of the way in: the schema combinators, the operation
 * schema, one date parser, identity checks, and the look's adoption rule.
 */
import { describe, expect, it } from '@jest/globals'
import { id, readServerTime, time } from '../src/core/client/schema.js'
import { operation, operationPage } from '../src/core/client/schemas.js'
import { identityMismatch, isExportOf } from '../src/core/client/identity.js'
import { lookFrom, pickOurs, type Look } from '../src/core/run/trigger.js'
import type { ExportList } from '../src/core/client/client-types.js'
import { parseStateIds } from '../src/action/post.js'

const planned = { datastoreId: 42, assetType: 'anomalies' }
const item = (
  n: number,
  created: string,
  extra: Record<string, unknown> = {}
): unknown => ({
  id: n,
  type: 'export',
  datastore: { id: 42 },
  asset_type: 'anomalies',
  result: 'running',
  created,
  ...extra
})
const listed = (items: unknown[], size = 50): ExportList => {
  const page = operationPage({ items, total: items.length }, 'list')
  return {
    kind: 'listed',
    items: page.items.items,
    unreadable: page.items.unreadable,
    total: page.total,
    size
  }
}

describe('ids', () => {
  it.each([
    [7, 7],
    ['1234', 1234],
    [2 ** 31 + 5, 2 ** 31 + 5],
    [Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER]
  ])('reads %p', (value, expected) => {
    expect(id(value, 'x')).toBe(expected)
  })

  it.each([0, -1, 1.5, 2 ** 53, '0012', '12a', '', null, {}, 'Infinity'])(
    'refuses %p',
    value => {
      expect(() => id(value, 'x')).toThrow(/not a positive whole number/)
    }
  )
})

describe('server times', () => {
  it('reads a time without an offset as UTC, whatever the local zone', () => {
    expect(readServerTime('2026-12-02T06:00:00')).toEqual({
      ms: Date.UTC(2026, 11, 2, 6, 0, 0),
      zoned: false
    })
    expect(readServerTime('2026-12-02 06:00:00.123456')).toEqual({
      ms: Date.UTC(2026, 11, 2, 6, 0, 0, 123),
      zoned: false
    })
    expect(readServerTime('2026-12-02T06:00:00+0900')).toEqual({
      ms: Date.UTC(2026, 11, 1, 21, 0, 0),
      zoned: true
    })
    expect(readServerTime('2026-12-02T06:00:00Z')).toEqual({
      ms: Date.UTC(2026, 11, 2, 6, 0, 0),
      zoned: true
    })
  })

  it('gives the schema an ISO time in UTC', () => {
    expect(time('2026-12-02 06:00:00', 'start_time')).toBe(
      '2026-12-02T06:00:00.000Z'
    )
    expect(time('2026-12-02T07:30:00+01:30', 'start_time')).toBe(
      '2026-12-02T06:00:00.000Z'
    )
    expect(() => time('2026-12-02', 'start_time')).toThrow(/not a time/)
  })

  it('refuses text that is not an ISO time, and a date alone', () => {
    for (const text of [
      'yesterday',
      'Tue, 1 Dec 2026',
      '12/02/2026',
      '',
      '2026-12-02',
      '2026-13-02T06:00:00Z'
    ])
      expect(readServerTime(text)).toBeNull()
  })
})

describe('the operation schema', () => {
  it('needs only an id; unknown words and wrong types read as null, not as guesses', () => {
    const op = operation(
      { id: '99', result: 'finalizing', end_time: 42, status: 'x' },
      'op'
    )
    expect(op).toMatchObject({
      id: 99,
      result: null,
      resultText: '"finalizing"',
      ended: true,
      endTime: null,
      totalContainers: null,
      datastoreId: null,
      type: null
    })
  })

  it('reads every documented result word, queued included', () => {
    for (const word of ['queued', 'running', 'success', 'failure', 'aborted'])
      expect(operation({ id: 1, result: word }, 'op').result).toBe(word)
  })

  it('reads the datastore from datastore.id or datastore_id, and normalises times', () => {
    expect(
      operation(
        { id: 1, datastore_id: 43, start_time: '2026-01-01T00:00:00' },
        'op'
      )
    ).toMatchObject({ datastoreId: 43, startTime: '2026-01-01T00:00:00.000Z' })
    expect(
      operation({ id: 1, datastore: { id: 42 }, datastore_id: 43 }, 'op')
        .datastoreId
    ).toBe(42)
  })

  it('counts list items it cannot read instead of dropping them silently', () => {
    const list = listed([item(1, '2026-01-01T00:00:00Z'), { id: 1.5 }, 'x'])
    expect(list).toMatchObject({ unreadable: 2 })
  })
})

describe('identity', () => {
  const op = (extra: Record<string, unknown>) =>
    operation({ id: 5, ...extra }, 'op')

  it('takes a list item as evidence only when type, datastore and asset type all match', () => {
    const full = {
      type: 'export',
      datastore: { id: 42 },
      asset_type: 'anomalies'
    }
    expect(isExportOf(op(full), planned)).toBe(true)
    expect(isExportOf(op({ ...full, datastore: undefined }), planned)).toBe(
      false
    )
    expect(isExportOf(op({ ...full, type: undefined }), planned)).toBe(false)
    expect(isExportOf(op({ ...full, asset_type: 'checks' }), planned)).toBe(
      false
    )
  })

  it('a status answer contradicts the plan only with fields it does send', () => {
    expect(identityMismatch(op({}), planned)).toBeNull()
    expect(identityMismatch(op({ datastore_id: 43 }), planned)).toMatch(
      /datastore 43/
    )
    expect(identityMismatch(op({ type: 'scan' }), planned)).toMatch(/type scan/)
  })
})

describe('the look and adoption', () => {
  const before = '2026-12-01T06:00:00Z'
  const after = '2026-12-02T06:00:05Z'
  const whole: Look = { usable: true, ids: new Set(), whole: true, topId: null }

  it('adopts only what is not in the look, whatever the clocks say', () => {
    // The one earlier export claims to be from the future; ours from the past.
    const look = lookFrom(listed([item(10, '2099-01-01T00:00:00')]))
    const later = listed([item(11, before), item(10, '2099-01-01T00:00:00')])
    expect(pickOurs(later, planned, look, new Set())).toEqual({
      found: expect.objectContaining({ id: 11 })
    })
    // Yesterday's export, already in the look, is never ours.
    expect(
      pickOurs(listed([item(10, before)]), planned, look, new Set())
    ).toEqual({ found: null })
  })

  it('on a full page, takes only ids above everything listed before', () => {
    const page = [item(30, after), item(20, before)]
    const look = lookFrom(listed(page, 2))
    expect(look).toMatchObject({ usable: true, whole: false, topId: 30 })
    // 25 was never listed, but the server's order puts it before the look.
    expect(
      pickOurs(
        listed([item(31, after), item(30, after)], 2),
        planned,
        look,
        new Set()
      )
    ).toEqual({ found: expect.objectContaining({ id: 31 }) })
    expect(
      pickOurs(
        listed([item(30, after), item(25, after)], 2),
        planned,
        look,
        new Set()
      )
    ).toEqual({ found: null })
    // A full page that does not reach back to the look may have left ours out.
    expect(
      pickOurs(
        listed(
          [
            item(41, after, { asset_type: 'checks' }),
            item(40, after, { asset_type: 'checks' })
          ],
          2
        ),
        planned,
        look,
        new Set()
      )
    ).toHaveProperty('cannotTell')
  })

  it('skips claimed, schedule-started and foreign items, and takes the lowest id', () => {
    const list = listed([
      item(1, after, { schedule: { id: 3 } }),
      item(2, after),
      item(3, after, { datastore: { id: 43 } }),
      item(4, after, { datastore: undefined })
    ])
    expect(pickOurs(list, planned, whole, new Set([2]))).toEqual({
      found: null
    })
    expect(
      pickOurs(
        listed([item(8, after), item(6, before)]),
        planned,
        whole,
        new Set()
      )
    ).toEqual({ found: expect.objectContaining({ id: 6 }) })
  })

  it('says "cannot tell" when the page cannot be read, or holds unreadable items', () => {
    expect(
      pickOurs({ kind: 'cannot-tell', reason: 'x' }, planned, whole, new Set())
    ).toEqual({ cannotTell: 'x' })
    expect(
      pickOurs(listed([{ id: 'x' }]), planned, whole, new Set())
    ).toHaveProperty('cannotTell')
    expect(
      pickOurs({ kind: 'missing' }, planned, whole, new Set())
    ).toHaveProperty('cannotTell')
  })

  it('does not trust a full page out of the newest-first order', () => {
    const items = [item(1, before), item(2, after)]
    expect(lookFrom(listed(items, 2)).usable).toBe(false)
    expect(lookFrom(listed(items, 50)).usable).toBe(true)
    const look = lookFrom(listed([item(2, after), item(1, before)], 2))
    expect(
      pickOurs(
        listed([item(3, after), item(4, after)], 2),
        planned,
        look,
        new Set()
      )
    ).toHaveProperty('cannotTell')
  })

  it('without a usable look nothing is ours, and finding nothing is "cannot tell"', () => {
    const look: Look = { usable: false, reason: 'no list' }
    expect(
      pickOurs(listed([item(1, before)]), planned, look, new Set())
    ).toEqual({ cannotTell: 'no list' })
    expect(
      pickOurs(listed([item(2, after)]), planned, look, new Set())
    ).toEqual({
      cannotTell: 'no list'
    })
  })
})

describe('post-step state', () => {
  it('reads ids up to 2^53 - 1 and ignores the rest', () => {
    expect(parseStateIds('3000000000, 7,7,x,-1,1.5,99999999999999999')).toEqual(
      { ids: [3000000000, 7], ignored: 4 }
    )
    expect(parseStateIds(undefined)).toEqual({ ids: [], ignored: 0 })
  })
})

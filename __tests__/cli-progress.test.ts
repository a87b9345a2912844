/**
 * The terminal renderers of `run`: a TTY gets its lines redrawn in place,
 * a pipe gets one plain line per change. A fake stream records the bytes.
 */
import { describe, expect, it } from '@jest/globals'
import { createProgress } from '../src/cli/progress.js'
import { createRedactor } from '../src/core/output/redact.js'
import type { OperationRecord } from '../src/core/types.js'
import { newRecord } from '../src/core/domain/records.js'

const record = (over: Partial<OperationRecord> = {}): OperationRecord => ({
  ...newRecord({ datastoreId: 42, assetType: 'checks' }),
  ...over
})

function stream(tty: boolean, columns = 80) {
  const chunks: string[] = []
  return {
    chunks,
    isTTY: tty,
    columns,
    write: (text: string) => chunks.push(text)
  }
}

const names = new Map([[42, 'Sales Warehouse']])

describe('live progress on a terminal', () => {
  it('draws one line per export, then moves the cursor back up to redraw them', () => {
    const out = stream(true)
    let now = 1_000
    const progress = createProgress(out, {
      tty: true,
      redact: createRedactor('secret-token-value'),
      names,
      now: () => now
    })
    const rows = [record(), record({ assetType: 'anomalies' })]
    progress.track(rows)
    expect(out.chunks[0]).toBe(
      '\x1b[2K○ Export · checks of datastore 42 (Sales Warehouse): not started yet\n' +
        '\x1b[2K○ Export · anomalies of datastore 42 (Sales Warehouse): not started yet\n\x1b[J'
    )
    rows[0] = Object.assign(rows[0] as OperationRecord, { id: 7 })
    progress.changed(rows[0])
    now += 65_000
    progress.changed(rows[0])
    // Up two lines to column 1, then both lines again.
    expect(out.chunks[2]).toBe(
      '\x1b[2F\x1b[2K⏳ Export 7 · checks of datastore 42 (Sales Warehouse): running 1 min 5 s\n' +
        '\x1b[2K○ Export · anomalies of datastore 42 (Sales Warehouse): not started yet\n\x1b[J'
    )
    progress.log('Retrying in 1s (token secret-token-value echoed)')
    const logged = out.chunks.slice(3).join('')
    // The log line goes above the block, which is drawn again below it.
    expect(
      logged.startsWith('\x1b[2F\x1b[JRetrying in 1s (token *** echoed)\n')
    ).toBe(true)
    expect(logged.split('\x1b[2K⏳ Export 7')).toHaveLength(2)
    expect(logged).not.toContain('secret-token-value')
    const done = Object.assign(rows[0], {
      result: 'success' as const,
      startTime: '2025-01-01T00:00:00Z',
      endTime: '2025-01-01T00:00:04Z'
    })
    progress.finish([done])
    expect(out.chunks.at(-1)).toBe(
      '\x1b[2F\x1b[2K✅ Export 7 · checks of datastore 42 (Sales Warehouse): success after 4.0 s\n\x1b[J'
    )
  })

  it('cuts lines to the terminal width so they never wrap', () => {
    const out = stream(true, 30)
    const progress = createProgress(out, { tty: true, redact: s => s, names })
    progress.track([record()])
    progress.finish([])
    const line = out.chunks[0]?.split('\n')[0]?.replace('\x1b[2K', '') ?? ''
    expect(line.length).toBeLessThanOrEqual(28)
    expect(line.endsWith('…')).toBe(true)
  })
})

describe('plain progress in a pipe', () => {
  it('prints a line per change and nothing for repeats, with no escape codes', () => {
    const out = stream(false)
    const progress = createProgress(out, { tty: false, redact: s => s, names })
    const r = record({ id: 9 })
    progress.changed(r)
    progress.changed(r)
    r.result = 'warning'
    r.message = 'no checks'
    progress.finish([r])
    progress.warn('slow')
    expect(out.chunks).toEqual([
      '⏳ Export 9 · checks of datastore 42 (Sales Warehouse): running\n',
      '⚠️ Export 9 · checks of datastore 42 (Sales Warehouse): warning — no checks\n',
      'Warning: slow\n'
    ])
  })
})

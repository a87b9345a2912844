/**
 * The benchmark's pure helpers: statistics, verdicts, formatting and the
 * polling model. No timing here; the figures belong to `npm run bench`.
 */
import { describe, expect, it } from '@jest/globals'
import {
  adaptivePolling,
  fixedPolling,
  latencyTargetMs
} from '../bench/poll-model.js'
import {
  coldStartRow,
  computedLatencyRows,
  latencyRows,
  scaleRows
} from '../bench/rows.js'
import {
  formatBytes,
  formatMs,
  formatRatio,
  formatSpan,
  median,
  ratio,
  renderMarkdown,
  renderText,
  verdict,
  type Row
} from '../bench/table.js'
import { checksOfSchedule } from '../src/core/run/polling.js'

describe('median', () => {
  it('takes the middle value of an odd list, whatever the order', () => {
    expect(median([9, 1, 5])).toBe(5)
    expect(median([3])).toBe(3)
  })

  it('averages the middle two of an even list', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5)
  })

  it('leaves its input alone and refuses an empty list', () => {
    const values = [3, 1, 2]
    median(values)
    expect(values).toEqual([3, 1, 2])
    expect(() => median([])).toThrow(RangeError)
  })
})

describe('ratio and verdict', () => {
  it('divides, and gives NaN for a ratio to nothing', () => {
    expect(ratio(3, 2)).toBe(1.5)
    expect(ratio(3, 0)).toBeNaN()
    expect(ratio(3, Number.NaN)).toBeNaN()
  })

  it('passes at and under the limit, misses above it and on NaN', () => {
    expect(verdict(2, 2)).toBe('PASS')
    expect(verdict(1.99, 2)).toBe('PASS')
    expect(verdict(2.01, 2)).toBe('MISS')
    expect(verdict(Number.NaN, 2)).toBe('MISS')
  })
})

describe('formatting', () => {
  it('prints durations in the unit people read', () => {
    expect(formatMs(12.4)).toBe('12 ms')
    expect(formatMs(1500)).toBe('1.50 s')
    expect(formatMs(-250)).toBe('-250 ms')
    expect(formatMs(30 * 60_000)).toBe('30 min 00 s')
    expect(formatMs(125_400)).toBe('2 min 05 s')
    expect(formatMs(Number.NaN)).toBe('n/a')
  })

  it('names export lengths in round units', () => {
    expect(formatSpan(1000)).toBe('1 s')
    expect(formatSpan(30_000)).toBe('30 s')
    expect(formatSpan(120_000)).toBe('2 min')
    expect(formatSpan(60 * 60_000)).toBe('60 min')
    expect(formatSpan(150 * 60_000)).toBe('2 h 30 min')
    expect(formatSpan(180 * 60_000)).toBe('3 h')
  })

  it('prints ratios and sizes', () => {
    expect(formatRatio(1.934)).toBe('1.93x')
    expect(formatRatio(Number.NaN)).toBe('n/a')
    expect(formatBytes(999)).toBe('999 B')
    expect(formatBytes(92_789)).toBe('92.8 kB')
    expect(formatBytes(80_000_000)).toBe('80.00 MB')
  })
})

const rows: Row[] = [
  { section: 'A', measure: 'one', result: '1', target: '≤ 2', verdict: 'PASS' },
  { section: 'B', measure: 'two', result: 'x|y', target: '', verdict: 'INFO' },
  {
    section: 'A',
    measure: 'three',
    result: '3',
    target: '≤ 2',
    verdict: 'MISS'
  }
]

describe('tables', () => {
  it('groups markdown rows by section in first-seen order and escapes pipes', () => {
    const lines = renderMarkdown(rows).split('\n')
    expect(lines.slice(2)).toEqual([
      '| **A** | | | |',
      '| one | 1 | ≤ 2 | PASS |',
      '| three | 3 | ≤ 2 | MISS |',
      '| **B** | | | |',
      '| two | x\\|y | – | INFO |'
    ])
  })

  it('aligns the text table so every verdict starts in one column', () => {
    const text = renderText(rows)
    const withVerdict = text
      .split('\n')
      .filter(l => /(PASS|MISS|INFO|Verdict)$/.test(l))
    expect(withVerdict).toHaveLength(4)
    const columns = withVerdict.map(l => l.search(/(PASS|MISS|INFO|Verdict)$/))
    expect(new Set(columns).size).toBe(1)
  })
})

describe('the polling model', () => {
  it('charges fixed 10-second polling ceil(d/10) checks and the rest of the interval', () => {
    expect(fixedPolling(1000)).toEqual({ checks: 1, latencyMs: 9000 })
    expect(fixedPolling(30_000)).toEqual({ checks: 3, latencyMs: 0 })
    expect(fixedPolling(121_000)).toEqual({ checks: 13, latencyMs: 9000 })
  })

  it('counts the adaptive checks the way the runner schedules them', () => {
    for (const d of [1000, 5000, 30_000, 120_000, 3_600_000]) {
      const model = adaptivePolling(d)
      expect(model.latencyMs).toBeGreaterThanOrEqual(0)
      expect(model.latencyMs).toBeLessThanOrEqual(latencyTargetMs(d))
      // One more check would have come after the end: the count is exact.
      expect(model.checks).toBe(
        checksOfSchedule(
          d,
          age => Math.min(10_000, Math.max(1000, age * 0.05)),
          1000
        )
      )
    }
  })

  it('spends more checks than fixed polling on short exports and about as many on an hour-long one', () => {
    const ratioAt = (d: number): number =>
      adaptivePolling(d).checks / fixedPolling(d).checks
    expect(ratioAt(120_000)).toBeGreaterThan(4)
    expect(ratioAt(30 * 60_000)).toBeGreaterThan(1.2)
    expect(ratioAt(60 * 60_000)).toBeLessThanOrEqual(1.2)
  })
})

describe('rows and targets', () => {
  it('holds cold start to 2x, and misses when a run did not stop on the input', () => {
    const cold = { actionMs: 39, bareMs: 20, ratio: 1.95, stoppedOnInput: true }
    expect(coldStartRow('Node 20', cold).verdict).toBe('PASS')
    expect(coldStartRow('Node 20', { ...cold, ratio: 2.1 }).verdict).toBe(
      'MISS'
    )
    expect(
      coldStartRow('Node 20', { ...cold, stoppedOnInput: false }).verdict
    ).toBe('MISS')
  })

  it('holds only long exports to the request target', () => {
    const [shortLatency, shortRequests] = latencyRows({
      durationMs: 5000,
      latencyMs: 900,
      statusRequests: 5
    })
    expect(shortLatency?.verdict).toBe('PASS')
    expect(shortRequests?.verdict).toBe('INFO')
    const [longLatency, longRequests] = latencyRows({
      durationMs: 120_000,
      latencyMs: 6500,
      statusRequests: 57
    })
    expect(longLatency?.verdict).toBe('MISS') // 5% of 120 s is 6 s
    expect(longRequests?.verdict).toBe('MISS') // 57 against 12
    expect(longRequests?.result).toContain('4.75x the fixed 12')
  })

  it('marks computed rows as computed', () => {
    for (const row of computedLatencyRows(30 * 60_000))
      expect(row.measure).toContain('computed, not measured')
  })

  it('judges scale by wall-time ratio and peak RSS', () => {
    const one = {
      exports: 1,
      wallMs: 3000,
      requests: 5,
      statusRequests: 3,
      rss: { peak: 50e6, anon: 10e6 }
    }
    const many = {
      ...one,
      exports: 150,
      wallMs: 3300,
      rss: { peak: 90e6, anon: 40e6 }
    }
    const [wall, rss, requests] = scaleRows(one, many, 'x', true)
    expect(wall?.verdict).toBe('PASS')
    expect(rss?.verdict).toBe('MISS')
    expect(requests?.verdict).toBe('INFO')
    expect(scaleRows(one, { ...many, rss: undefined }, 'x', false)).toEqual([
      wall,
      expect.objectContaining({ verdict: 'SKIP' })
    ])
  })
})

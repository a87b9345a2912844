/**
 * `npm run demo` shows what a person would see: the log as GitHub shows it
 * (no `::add-mask::` line carrying the token), the summary as text, and a
 * page with the summary as GitHub renders it, whose path it names.
 */
import { describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { DEFAULT_TOKEN } from '../../simulator/index.js'
import {
  createLogView,
  logLine,
  summaryAsText
} from '../../scripts/demo-view.js'
import { bundleDir } from '../helpers/bundle.js'

describe('the demo', () => {
  it('runs the bundle and shows the log, the summary as text and where its page is', () => {
    const out = execFileSync(
      process.execPath,
      ['--import', 'tsx', 'scripts/demo.ts', bundleDir()],
      {
        encoding: 'utf8',
        timeout: 60_000
      }
    )
    expect(out).not.toContain(DEFAULT_TOKEN)
    expect(out).not.toContain('::add-mask::')
    expect(out).not.toMatch(/<t[dr]>/)
    expect(out).toMatch(
      /⚠️ warning \| Marketing Lake 43 \| profiles \| 1006 · /
    )
    expect(out).toContain(
      '    Qualytics: Export completed with warnings: 1 of 3 containers had no field profiles'
    )
    const page = /as GitHub renders it: (\S+\.html)/.exec(out)?.[1]
    expect(page).toBeDefined()
    expect(existsSync(page!)).toBe(true)
    const html = readFileSync(page!, 'utf8')
    expect(html).toContain('.markdown-body')
    expect(html).toContain('activity?operation_id=1006')
    expect(html).not.toContain(DEFAULT_TOKEN)
    expect(out).toContain('Try next:')
    // Each export's result once in the log, and the font screenshots need.
    const log = out.split('--- exit code')[0] ?? ''
    for (const id of [1001, 1002, 1003, 1004, 1005, 1006])
      expect([
        id,
        log.match(new RegExp(`Export ${id} · .*: (success|warning)`, 'g'))
          ?.length
      ]).toEqual([id, 1])
    expect(out).toContain('fonts-noto-color-emoji')
  }, 90_000)
})

describe('the log as GitHub shows it', () => {
  it('hides the mask line and folds groups', () => {
    const view = createLogView()
    const lines = [
      '::add-mask::secret-token',
      'Plan: 1 export',
      '::group::Export 1',
      'Request: POST',
      '::endgroup::',
      '::warning title=Export warning::careful%0Aline two',
      '::error::bad'
    ].map(view)
    expect(lines.filter(l => l !== null)).toEqual([
      'Plan: 1 export',
      '▸ Export 1',
      'Warning (Export warning): careful\n  line two',
      'Error: bad'
    ])
    expect(logLine('::debug::x')).toBeNull()
  })

  it('turns the summary into lines of text', () => {
    const text = summaryAsText(
      '<h2>✅ Done</h2>\n<table>\n<tr><th>A</th><th>B</th></tr>\n<tr><td>1&nbsp;x</td><td>&#60;2&#62;</td></tr>\n<tr><td colspan="2">note<br>more</td></tr>\n</table>\n'
    )
    expect(text).toBe('✅ Done\nA | B\n1 x | <2>\n    note\n    more')
  })
})

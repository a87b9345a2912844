/**
 * The GitHub-like render the screenshots are made with
 * (`scripts/github-render.ts`): a ```mermaid fence becomes a box the page's
 * Mermaid draws into, as GitHub's viewer draws the fence, and nothing else
 * does. Chromium and Mermaid itself stay out of the tests (the page is given
 * a path it would load Mermaid from); `scripts/screenshot-summary.ts` checks
 * that Mermaid really drew every box.
 */
import { beforeAll, describe, expect, it } from '@jest/globals'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { SUMMARY_CASES } from '../../scripts/summary-cases.js'
import { renderSummary } from '../../src/core/report/summary.js'
import { asGitHub } from '../helpers/github-render.js'

const BOX = /<div class="mermaid-box"><pre>([^<]*)<\/pre><\/div>/g

/** The text of each diagram box in rendered HTML, entities decoded. */
function diagrams(html: string): string[] {
  return [...html.matchAll(BOX)].map(m =>
    m[1]!
      .replaceAll('&lt;', '<')
      .replaceAll('&gt;', '>')
      .replaceAll('&quot;', '"')
      .replaceAll('&amp;', '&')
  )
}

/** Markdown texts, rendered once (each render is a child process). */
const TEXTS = {
  fences:
    '```mermaid\nxychart-beta\n  title "a & b"\n  bar [1, 2]\n```\n\n```js\nlet x = 1\n```\n',
  markup:
    '```mermaid\n</code></pre><script>alert(1)</script><img src=x onerror=alert(2)>\n```\n',
  forged:
    '<pre lang="mermaid"><code>xychart-beta</code></pre>\n\n<div class="mermaid-box"><pre>xychart-beta</pre></div>\n',
  summary: renderSummary(SUMMARY_CASES.slower!)
}

describe('a mermaid fence', () => {
  let shown: Record<keyof typeof TEXTS, string>
  beforeAll(() => {
    const names = Object.keys(TEXTS) as (keyof typeof TEXTS)[]
    const out = asGitHub(names.map(n => TEXTS[n]))
    shown = Object.fromEntries(
      names.map((n, i) => [n, out[i]!])
    ) as typeof shown
  })

  it('becomes a diagram box holding the fence text, other fences stay code', () => {
    expect(diagrams(shown.fences)).toEqual([
      'xychart-beta\n  title "a & b"\n  bar [1, 2]\n'
    ])
    expect(shown.fences).toContain('<pre><code>let x = 1\n</code></pre>')
    expect(shown.fences).not.toContain('language-mermaid')
  })

  it('keeps the fence text data: markup in it stays text', () => {
    expect(shown.markup).not.toMatch(/<script|<img/)
    expect(diagrams(shown.markup)).toEqual([
      '</code></pre><script>alert(1)</script><img src=x onerror=alert(2)>\n'
    ])
  })

  it('cannot be forged by raw HTML in the summary', () => {
    expect(diagrams(shown.forged)).toEqual([])
    expect(shown.forged).not.toContain('mermaid-box')
  })

  it('draws each durations chart of the summary, inside its fold', () => {
    const charts = diagrams(shown.summary)
    expect(charts).toHaveLength(2)
    for (const chart of charts) expect(chart).toMatch(/\nxychart-beta\n/)
    const fold = shown.summary.slice(
      shown.summary.indexOf('<details><summary>📈')
    )
    expect(fold.match(BOX)).toHaveLength(2)
    expect(fold.indexOf('</details>')).toBeGreaterThan(
      fold.lastIndexOf('</pre></div>')
    )
  })
})

describe('the page', () => {
  const chart = '```mermaid\nxychart-beta\n  bar [1, 2]\n```\n'
  const fold = '<details><summary>more</summary>\n\nhidden\n\n</details>\n'

  it("loads Mermaid's browser build from the path it is given, in the page's theme", () => {
    // Never read: a space and a `#` show the path is written as a file URL.
    const mermaid = join('.tmp', 'no such #dir', 'mermaid.min.js')
    const [light, plain] = asGitHub([chart, fold], { theme: 'light', mermaid })
    const [dark] = asGitHub([chart], { theme: 'dark', mermaid })
    const scripts = [...light!.matchAll(/<script src="([^"]+)"><\/script>/g)]
    expect(scripts.map(m => m[1])).toEqual([
      pathToFileURL(resolve(mermaid)).href
    ])
    expect(scripts[0]![1]).toMatch(/^file:\/\/\/.*\/no%20such%20%23dir\//)
    expect(diagrams(light!)).toEqual(['xychart-beta\n  bar [1, 2]\n'])
    expect(light).toContain("theme: 'default'")
    expect(dark).toContain("theme: 'dark'")
    expect(light).toContain("mermaid.render('mermaid-' + i, box.textContent)")
    // No diagram, no Mermaid.
    expect(plain).not.toContain('<script')
    expect(plain).toContain('<details><summary>more')
  })

  it('opens folds when asked; without Mermaid a diagram box keeps its fence text', () => {
    const [open, unDrawn] = asGitHub([fold, chart], {
      theme: 'light',
      open: true
    })
    expect(open).toContain('<details open><summary>more')
    expect(diagrams(unDrawn!)).toEqual(['xychart-beta\n  bar [1, 2]\n'])
    expect(unDrawn).not.toContain('<script')
  })
})

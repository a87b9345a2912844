/**
 * Look at the job summary the way a user does: render each fixed case of
 * `summary-cases.ts` as GitHub would (GFM, its sanitiser, github-markdown-css,
 * beside the jobs sidebar), light and dark, at 1024 and 1280 px, and
 * screenshot it with headless Chromium.
 *
 *   npx tsx scripts/screenshot-summary.ts [outDir] [--case failure] [--chromium /usr/bin/chromium]
 *
 * Writes `<case>-<width>-<theme>.html` and `.png` to outDir (default
 * `screenshots/`, which git ignores); a summary with a fold is pictured a
 * second time with its folds open (`…-open.png`, in a taller window, so a
 * chart shows whole). Mermaid diagrams are drawn by Mermaid in the page, as
 * GitHub's viewer draws them, and the script fails if one is not; Mermaid's
 * browser build is fetched into .tmp/ on first need (`scripts/mermaid.mjs`).
 * Chromium comes from Debian: `apt-get install chromium fonts-noto-color-emoji`.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { renderSummary } from '../src/core/report/summary.js'
import { RESULT_ICON } from '../src/core/report/summary-text.js'
import { githubPage, MERMAID_BOX } from './github-render.js'
import { findMermaid } from './mermaid.mjs'
import { SUMMARY_CASES } from './summary-cases.js'

const WIDTHS = [1024, 1280] as const
const THEMES = ['light', 'dark'] as const

/** A laptop's window height: what is in the picture is in view. */
const HEIGHT = 800
/** With folds open: tall enough for a chart under the export table. */
const OPEN_HEIGHT = 1400

/**
 * Screenshot one page with headless Chromium (no network, a throwaway
 * profile). The page's scripts (Mermaid) get virtual time to finish before
 * the picture; the page as it was then is returned.
 */
function screenshot(
  chromium: string,
  html: string,
  png: string,
  width: number,
  height: number
): string {
  const profile = mkdtempSync(join(tmpdir(), 'qea-chromium-'))
  try {
    return execFileSync(
      chromium,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        `--user-data-dir=${profile}`,
        '--virtual-time-budget=20000',
        `--screenshot=${png}`,
        '--dump-dom',
        `--window-size=${width},${height}`,
        `file://${html}`
      ],
      {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
        maxBuffer: 64 * 1024 * 1024,
        timeout: 60_000
      }
    )
  } finally {
    rmSync(profile, { recursive: true, force: true })
  }
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    chromium: { type: 'string', default: '/usr/bin/chromium' },
    case: { type: 'string', multiple: true }
  }
})
const outDir = resolve(positionals[0] ?? 'screenshots')
mkdirSync(outDir, { recursive: true })
const chosen = (values.case ?? Object.keys(SUMMARY_CASES)).map(name => {
  const input = SUMMARY_CASES[name]
  if (!input) throw new Error(`no summary case ${name}`)
  return { name, input, summary: renderSummary(input) }
})
/** Mermaid's browser build, fetched only when a chosen summary has a chart. */
let mermaid: string | undefined
if (chosen.some(c => c.summary.includes('```mermaid'))) {
  const found = await findMermaid()
  if ('missing' in found) throw new Error(found.missing)
  mermaid = found.path
}
for (const { name, input, summary } of chosen) {
  const states = summary.includes('<details>') ? [false, true] : [false]
  for (const open of states)
    for (const width of WIDTHS)
      for (const theme of THEMES) {
        const base = join(
          outDir,
          `${name}-${width}-${theme}${open ? '-open' : ''}`
        )
        const page = githubPage(name, summary, theme, {
          jobIcon: RESULT_ICON[input.result],
          openFolds: open,
          mermaid
        })
        writeFileSync(`${base}.html`, page)
        const height = open ? OPEN_HEIGHT : HEIGHT
        const dom = screenshot(
          values.chromium,
          `${base}.html`,
          `${base}.png`,
          width,
          height
        )
        if (
          page.includes(`class="${MERMAID_BOX}"`) &&
          !dom.includes('data-mermaid="ok"')
        )
          throw new Error(`${base}.html: Mermaid did not draw every diagram`)
        console.log(`${base}.png`)
      }
}

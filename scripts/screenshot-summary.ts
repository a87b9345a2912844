/**
 * Look at the job summary the way a user does: render each fixed case of
 * `summary-cases.ts` as GitHub would (GFM, its sanitiser, github-markdown-css,
 * beside the jobs sidebar), light and dark, at 1024 and 1280 px, and
 * screenshot it with headless Chromium.
 *
 *   npx tsx scripts/screenshot-summary.ts [outDir] [--case failure] [--chromium /usr/bin/chromium]
 *
 * Writes `<case>-<width>-<theme>.html` and `.png` to outDir (default
 * `screenshots/`, which git ignores). Chromium comes from Debian:
 * `apt-get install chromium fonts-noto-color-emoji`.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { renderSummary } from '../src/core/report/summary.js'
import { RESULT_ICON } from '../src/core/report/summary-text.js'
import { githubPage } from './github-render.js'
import { SUMMARY_CASES } from './summary-cases.js'

const WIDTHS = [1024, 1280] as const
const THEMES = ['light', 'dark'] as const

/** Screenshot one page with headless Chromium (no network, a throwaway profile). */
function screenshot(
  chromium: string,
  html: string,
  png: string,
  width: number
): void {
  const profile = mkdtempSync(join(tmpdir(), 'qea-chromium-'))
  try {
    execFileSync(
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
        `--screenshot=${png}`,
        // A laptop's window height: what is in the picture is in view.
        `--window-size=${width},800`,
        `file://${html}`
      ],
      { stdio: 'ignore', timeout: 60_000 }
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
const chosen = values.case ?? Object.keys(SUMMARY_CASES)
for (const name of chosen) {
  const input = SUMMARY_CASES[name]
  if (!input) throw new Error(`no summary case ${name}`)
  const summary = renderSummary(input)
  for (const width of WIDTHS)
    for (const theme of THEMES) {
      const base = join(outDir, `${name}-${width}-${theme}`)
      writeFileSync(
        `${base}.html`,
        githubPage(name, summary, theme, RESULT_ICON[input.result])
      )
      screenshot(values.chromium, `${base}.html`, `${base}.png`, width)
      console.log(`${base}.png`)
    }
}

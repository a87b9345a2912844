/**
 * Look at the job summary the way a user does: render each fixed case of
 * `summary-cases.ts` into a page styled like GitHub's job summary, and
 * screenshot it with headless Chromium.
 *
 *   npx tsx scripts/screenshot-summary.ts [outDir] [--chromium /usr/bin/chromium]
 *
 * Writes `<case>.html` and `<case>.png` to outDir (default `screenshots/`,
 * which git ignores). Chromium comes from Debian: `apt-get install chromium`.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { renderSummary } from '../src/core/report/summary.js'
import { SUMMARY_CASES } from './summary-cases.js'

/** The parts of GitHub's markdown styles a job summary uses (light theme). */
const GITHUB_CSS = `
body { margin: 0; background: #f6f8fa; font-family: -apple-system,
  BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif,
  "Apple Color Emoji", "Noto Color Emoji"; color: #1f2328; }
.job { max-width: 1012px; margin: 24px auto; background: #fff;
  border: 1px solid #d1d9e0; border-radius: 6px; }
.job > header { padding: 12px 16px; border-bottom: 1px solid #d1d9e0;
  font-weight: 600; font-size: 14px; }
.markdown-body { padding: 16px 32px 24px; font-size: 14px; line-height: 1.5; }
.markdown-body h2 { font-size: 1.5em; font-weight: 600; padding-bottom: .3em;
  border-bottom: 1px solid #d1d9e0b3; margin: 8px 0 16px; }
.markdown-body p { margin: 0 0 16px; }
.markdown-body code { font-family: ui-monospace, SFMono-Regular, "SF Mono",
  Menlo, Consolas, "Liberation Mono", monospace; font-size: 85%;
  padding: .2em .4em; background: #818b981f; border-radius: 6px; }
.markdown-body table { border-collapse: collapse; border-spacing: 0;
  display: block; width: max-content; max-width: 100%; overflow: auto;
  margin: 0 0 16px; }
.markdown-body th, .markdown-body td { padding: 6px 13px;
  border: 1px solid #d1d9e0; }
.markdown-body th { font-weight: 600; }
.markdown-body tr { background: #fff; border-top: 1px solid #d1d9e0b3; }
.markdown-body tr:nth-child(2n) { background: #f6f8fa; }
.markdown-body details { margin: 0 0 16px; }
.markdown-body summary { cursor: pointer; }
.markdown-body sub { font-size: 75%; color: #59636e; }
`

/** A standalone page that frames the summary like a workflow run's summary card. */
export function githubPage(title: string, summaryHtml: string): string {
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>${title}</title>
<style>${GITHUB_CSS}</style></head>
<body><div class="job"><header>export summary</header>
<div class="markdown-body">
${summaryHtml}</div></div></body></html>
`
}

/** Screenshot one page with headless Chromium (no network, a throwaway profile). */
function screenshot(chromium: string, html: string, png: string): void {
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
        '--window-size=1200,1600',
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
  options: { chromium: { type: 'string', default: '/usr/bin/chromium' } }
})
const outDir = resolve(positionals[0] ?? 'screenshots')
mkdirSync(outDir, { recursive: true })
for (const [name, input] of Object.entries(SUMMARY_CASES)) {
  const html = join(outDir, `${name}.html`)
  const png = join(outDir, `${name}.png`)
  writeFileSync(html, githubPage(name, renderSummary(input)))
  screenshot(values.chromium, html, png)
  console.log(`${png}`)
}

/**
 * Render a job summary the way GitHub shows it: the Markdown through a GFM
 * renderer (raw HTML passes as GitHub lets it), then GitHub's sanitiser
 * allow-list, then `github-markdown-css` in a page laid out like a workflow
 * run: a header, the jobs sidebar, and the summary card beside it. A
 * ```mermaid fence is drawn by Mermaid in the page, as GitHub's viewer does,
 * when the page is given Mermaid's browser build (`scripts/mermaid.mjs`
 * fetches it; no npm dependency, since only the screenshots need it).
 *
 * Used by `scripts/screenshot-summary.ts` (pictures) and `scripts/demo.ts`
 * (a page to open), and tested in `__tests__/blackbox/github-render.test.ts`
 * and `__tests__/blackbox/summary-layout.test.ts`.
 */
import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import MarkdownIt from 'markdown-it'
import sanitizeHtml from 'sanitize-html'

/**
 * GitHub's sanitisation allow-list for rendered Markdown (the html-pipeline
 * SanitizationFilter): these elements, these attributes, links only to
 * http(s), mailto and relative targets. `style`, `class` and `id` go, so a
 * summary cannot style itself out of trouble.
 */
const ELEMENTS = [
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'h7', 'h8', 'br', 'b', 'i', 'strong',
  'em', 'a', 'pre', 'code', 'img', 'tt', 'div', 'ins', 'del', 'sup', 'sub',
  'p', 'picture', 'ol', 'ul', 'table', 'thead', 'tbody', 'tfoot',
  'blockquote', 'dl', 'dt', 'dd', 'kbd', 'q', 'samp', 'var', 'hr', 'ruby',
  'rt', 'rp', 'li', 'tr', 'td', 'th', 's', 'strike', 'summary', 'details',
  'caption', 'figure', 'figcaption', 'abbr', 'bdo', 'cite', 'dfn', 'mark',
  'small', 'source', 'span', 'time', 'wbr', 'input'
] // prettier-ignore

const ANY_ELEMENT = [
  'abbr', 'accept', 'accept-charset', 'accesskey', 'action', 'align', 'alt',
  'aria-describedby', 'aria-hidden', 'aria-label', 'aria-labelledby', 'axis',
  'border', 'cellpadding', 'cellspacing', 'char', 'charoff', 'charset',
  'checked', 'clear', 'cols', 'colspan', 'color', 'compact', 'coords',
  'datetime', 'dir', 'disabled', 'enctype', 'for', 'frame', 'headers',
  'height', 'hreflang', 'hspace', 'ismap', 'label', 'lang', 'maxlength',
  'media', 'method', 'multiple', 'name', 'nohref', 'noshade', 'nowrap',
  'open', 'progress', 'prompt', 'readonly', 'rel', 'rev', 'role', 'rows',
  'rowspan', 'rules', 'scope', 'selected', 'shape', 'size', 'span', 'start',
  'summary', 'tabindex', 'target', 'title', 'type', 'usemap', 'valign',
  'value', 'vspace', 'width', 'itemprop'
] // prettier-ignore

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: ELEMENTS,
  allowedAttributes: {
    '*': ANY_ELEMENT,
    a: ['href'],
    img: ['src', 'longdesc'],
    div: ['itemscope', 'itemtype'],
    blockquote: ['cite'],
    del: ['cite'],
    ins: ['cite'],
    q: ['cite']
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowProtocolRelative: false,
  // GitHub drops the content of these outright.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript'],
  transformTags: {
    a: sanitizeHtml.simpleTransform('a', { rel: 'nofollow' })
  }
}

const markdown = new MarkdownIt({ html: true, linkify: true })

/**
 * A ```mermaid fence leaves the renderer as a `<pre>` marked with a word
 * that is new for each render, so the sanitiser keeps the mark (`lang` is on
 * its list) and raw HTML in the summary cannot forge it: only a fence
 * becomes a diagram, as on GitHub, whose viewer turns the fence's text (data,
 * never HTML) into one.
 */
const plainFence = markdown.renderer.rules.fence!
markdown.renderer.rules.fence = (tokens, idx, options, env, self) => {
  const token = tokens[idx]!
  const mark = (env as { mermaidMark?: string }).mermaidMark
  if (!mark || token.info.trim() !== 'mermaid')
    return plainFence(tokens, idx, options, env, self)
  return `<pre lang="${mark}"><code>${markdown.utils.escapeHtml(token.content)}</code></pre>\n`
}

/** Class of the box a diagram is drawn into (the page script finds it). */
export const MERMAID_BOX = 'mermaid-box'

/** Markdown (with raw HTML) to the HTML GitHub would put on the page. */
export function renderGitHubMarkdown(text: string): string {
  const mermaidMark = `mermaid-${randomUUID()}`
  const safe = sanitizeHtml(markdown.render(text, { mermaidMark }), SANITIZE)
  // After the sanitiser, as GitHub adds its diagram container after its own.
  return safe.replaceAll(
    new RegExp(`<pre lang="${mermaidMark}"><code>([^<]*)</code></pre>`, 'g'),
    `<div class="${MERMAID_BOX}"><pre>$1</pre></div>`
  )
}

/** `github-markdown-css` for one theme, read from its package. */
export function markdownCss(theme: 'light' | 'dark'): string {
  const require = createRequire(import.meta.url)
  const file = require.resolve(
    `github-markdown-css/github-markdown-${theme}.css`
  )
  return readFileSync(file, 'utf8')
}

/**
 * Draws each diagram box with Mermaid's browser build at `mermaid` (a local
 * file, loaded by its file URL: no network), in GitHub's colours for the
 * theme. Mermaid
 * measures text, which a closed fold does not lay out, so a fold opens while
 * its diagrams are drawn. `data-mermaid` on the body says when all are done
 * (`ok` or `failed`), and a diagram Mermaid cannot read shows its error in
 * place, as GitHub does.
 */
function mermaidPageScript(theme: 'light' | 'dark', mermaid: string): string {
  return `<script src="${pathToFileURL(resolve(mermaid)).href}"></script>
<script>
(async () => {
  mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: '${theme === 'dark' ? 'dark' : 'default'}' })
  let failed = false
  const boxes = document.querySelectorAll('.${MERMAID_BOX}')
  for (const [i, box] of boxes.entries()) {
    const fold = box.closest('details')
    const closed = fold && !fold.open
    if (closed) fold.open = true
    try {
      const { svg } = await mermaid.render('mermaid-' + i, box.textContent)
      box.innerHTML = svg
    } catch (error) {
      failed = true
      const said = document.createElement('p')
      said.textContent = 'Unable to render rich display: ' + error.message
      box.prepend(said)
    }
    if (closed) fold.open = false
  }
  document.body.dataset.mermaid = failed ? 'failed' : 'ok'
})()
</script>`
}

/** Colours of the page around the summary (Primer's defaults). */
const PAGE = {
  light: { bg: '#ffffff', fg: '#1f2328', muted: '#59636e', border: '#d1d9e0', nav: '#f6f8fa', accent: '#0969da' },
  dark: { bg: '#0d1117', fg: '#f0f6fc', muted: '#9198a1', border: '#3d444d', nav: '#151b23', accent: '#4493f8' }
} as const // prettier-ignore

/** How githubPage dresses the summary. */
export interface PageOptions {
  /** The job's icon in the sidebar (its result); ✅ by default. */
  jobIcon?: string
  /** Open every fold, as after a reader clicks them. */
  openFolds?: boolean
  /**
   * Path of Mermaid's browser build (`mermaid.min.js`, from
   * `scripts/mermaid.mjs`) that draws the diagrams. Without it a diagram box
   * shows its fence text, as GitHub does when rich display is unavailable.
   */
  mermaid?: string
}

/**
 * A page shaped like a workflow run's summary: the sidebar keeps its width
 * (Primer's 256 px below 1012 px, 296 px above), and the summary card takes
 * what is left, so its width at a given window is what a user gets.
 */
export function githubPage(
  title: string,
  summaryMarkdown: string,
  theme: 'light' | 'dark',
  { jobIcon = '✅', openFolds = false, mermaid }: PageOptions = {}
): string {
  const c = PAGE[theme]
  let body = renderGitHubMarkdown(summaryMarkdown)
  // `open` is on GitHub's list, so this is a state a reader can reach.
  if (openFolds) body = body.replaceAll('<details>', '<details open>')
  const diagrams = body.includes(`class="${MERMAID_BOX}"`)
  const css = `
:root { color-scheme: ${theme}; }
body { margin: 0; background: ${c.bg}; color: ${c.fg}; font-family: -apple-system,
  BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif,
  "Apple Color Emoji", "Noto Color Emoji"; font-size: 14px; }
.top { height: 64px; background: ${c.nav}; border-bottom: 1px solid ${c.border};
  display: flex; align-items: center; padding: 0 24px; font-weight: 600; }
.layout { display: flex; gap: 24px; padding: 24px; }
.sidebar { flex: 0 0 296px; }
@media (max-width: 1011px) { .sidebar { flex-basis: 256px; } .layout { gap: 16px; padding: 16px; } }
.sidebar a { display: block; padding: 6px 8px; border-radius: 6px; color: ${c.fg};
  text-decoration: none; }
.sidebar a.on { background: ${c.nav}; font-weight: 600; box-shadow: inset 2px 0 ${c.accent}; }
.sidebar h3 { font-size: 12px; color: ${c.muted}; margin: 16px 8px 4px; }
.main { flex: 1 1 auto; min-width: 0; }
.card { border: 1px solid ${c.border}; border-radius: 6px; }
.card > header { padding: 16px; border-bottom: 1px solid ${c.border}; font-weight: 600; }
.card > .markdown-body { padding: 16px 24px 24px; }
.${MERMAID_BOX} { margin-bottom: 16px; text-align: center; overflow: auto; }
`
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>${title}</title>
<style>${markdownCss(theme)}</style><style>${css}</style></head>
<body><div class="top">acme / warehouse-exports · Nightly Qualytics export #128</div>
<div class="layout"><nav class="sidebar"><a class="on" href="#">Summary</a>
<h3>Jobs</h3><a href="#">${jobIcon} export</a><h3>Run details</h3><a href="#">Usage</a><a href="#">Workflow file</a></nav>
<div class="main"><div class="card"><header>export summary</header>
<article class="markdown-body">
${body}</article></div></div></div>${diagrams && mermaid ? mermaidPageScript(theme, mermaid) : ''}</body></html>
`
}

/**
 * Run as a script: a JSON array of Markdown texts on stdin, the rendered
 * HTML of each as a JSON array on stdout; with `--page light|dark` (and
 * `--open`, `--mermaid PATH`) each as a whole page. The tests use it this
 * way, since the sanitiser's parser is ESM that Jest's loader cannot require.
 */
if (process.argv[1]?.endsWith('github-render.ts')) {
  const { values } = parseArgs({
    options: {
      page: { type: 'string' },
      open: { type: 'boolean' },
      mermaid: { type: 'string' }
    }
  })
  const theme = values.page
  if (theme !== undefined && theme !== 'light' && theme !== 'dark')
    throw new Error(`--page must be light or dark, not ${theme}`)
  let input = ''
  process.stdin.setEncoding('utf8')
  process.stdin.on('data', (chunk: string) => (input += chunk))
  process.stdin.on('end', () => {
    const texts = JSON.parse(input) as string[]
    const render = (text: string): string =>
      theme
        ? githubPage('summary', text, theme, {
            openFolds: values.open,
            mermaid: values.mermaid
          })
        : renderGitHubMarkdown(text)
    process.stdout.write(JSON.stringify(texts.map(render)))
  })
}

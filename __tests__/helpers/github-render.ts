/**
 * `scripts/github-render.ts` driven as the tests need it: in a child
 * process, since its sanitiser is ESM that Jest's loader cannot require.
 */
import { execFileSync } from 'node:child_process'

/**
 * Render Markdown texts as GitHub would, or with `page` as whole pages
 * (`mermaid`: the path the page loads Mermaid's browser build from).
 */
export function asGitHub(
  texts: string[],
  page?: { theme: 'light' | 'dark'; open?: boolean; mermaid?: string }
): string[] {
  const args = page
    ? [
        '--page',
        page.theme,
        ...(page.open ? ['--open'] : []),
        ...(page.mermaid ? ['--mermaid', page.mermaid] : [])
      ]
    : []
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', 'scripts/github-render.ts', ...args],
    { input: JSON.stringify(texts), encoding: 'utf8' }
  )
  return JSON.parse(out) as string[]
}

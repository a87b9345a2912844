/**
 * One way out, as a rule anyone can check: outside the two writers, no
 * module of src/ writes to the log, outputs, state, summary or terminal
 * itself. (eslint.config.js holds the same rule as no-restricted-syntax.)
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const WRITERS = ['src/action/writer.ts', 'src/cli/terminal.ts']

const WRITE_CALLS =
  /\bcore\s*\.\s*(info|debug|notice|warning|error|startGroup|endGroup|group|setOutput|saveState|setFailed|setSecret|summary|exportVariable|addPath|setCommandEcho)\b|\bprocess\s*\.\s*(stdout|stderr)\s*\.\s*write\b|\bconsole\s*\.|import\s*\{[^}]*\b(info|warning|error|setOutput|saveState|setFailed|setSecret|summary|startGroup)\b[^}]*\}\s*from\s*'@actions\/core'/

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sources(path)
    return path.endsWith('.ts') ? [path] : []
  })
}

describe('one way out', () => {
  it('only the writers call the write functions', () => {
    const offenders = sources('src')
      .filter(path => !WRITERS.includes(path))
      .flatMap(path =>
        readFileSync(path, 'utf8')
          .split('\n')
          .map((line, i) => ({ path, line: i + 1, text: line }))
          .filter(({ text }) => WRITE_CALLS.test(text))
      )
    expect(offenders).toEqual([])
  })

  it('the writers are the ones that do write', () => {
    for (const path of WRITERS)
      expect(readFileSync(path, 'utf8')).toMatch(WRITE_CALLS)
  })

  it('the core never imports @actions/core', () => {
    const offenders = sources('src/core').filter(path =>
      readFileSync(path, 'utf8').includes("'@actions/core'")
    )
    expect(offenders).toEqual([])
  })
})

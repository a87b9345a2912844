/**
 * No file imports itself through others: a loop of imports (types
 * included) is a layer pointing the wrong way somewhere. The graph is read
 * from the import and export specifiers of every TypeScript file, which is
 * all the project's own imports are; a cycle is named file by file.
 */
import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, normalize, relative } from 'node:path'

const ROOT = join(import.meta.dirname, '..')
// The simulator is a separate program with loops of its own (types and
// rows, routes and the OpenAPI document) still to untie.
const FOLDERS = ['src', 'scripts', 'bench']
const SPECIFIER =
  /(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"](\.{1,2}\/[^'"]+)['"]/g

function tsFiles(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { withFileTypes: true }).flatMap(e =>
    e.isDirectory()
      ? tsFiles(join(folder, e.name))
      : e.name.endsWith('.ts')
        ? [join(folder, e.name)]
        : []
  )
}

/** Each file's relative imports, as repository paths. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>()
  for (const file of FOLDERS.flatMap(tsFiles)) {
    const text = readFileSync(join(ROOT, file), 'utf8')
    const targets = [...text.matchAll(SPECIFIER)].map(m =>
      normalize(join(dirname(file), m[1] ?? '')).replace(/\.js$/, '.ts')
    )
    graph.set(file, targets)
  }
  return graph
}

/** Every cycle found by a depth-first walk, as the files around it. */
function cycles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = []
  const state = new Map<string, 'open' | 'done'>()
  const path: string[] = []
  const visit = (file: string): void => {
    state.set(file, 'open')
    path.push(file)
    for (const next of graph.get(file) ?? []) {
      if (!graph.has(next)) continue
      if (state.get(next) === 'open')
        found.push([...path.slice(path.indexOf(next)), next])
      else if (!state.has(next)) visit(next)
    }
    path.pop()
    state.set(file, 'done')
  }
  for (const file of graph.keys()) if (!state.has(file)) visit(file)
  return found
}

describe('the import graph', () => {
  it('reads the project (a walk that found nothing would prove nothing)', () => {
    const graph = importGraph()
    expect(graph.size).toBeGreaterThan(100)
    expect(graph.get(join('src', 'core', 'run', 'job.ts'))).toContain(
      join('src', 'core', 'run', 'runner.ts')
    )
  })

  it('finds a cycle when there is one', () => {
    const loop = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']]
    ])
    expect(cycles(loop)).toEqual([['a.ts', 'b.ts', 'c.ts', 'a.ts']])
  })

  it('has no cycle', () => {
    const named = cycles(importGraph()).map(c =>
      c.map(f => relative('.', f)).join(' -> ')
    )
    expect(named).toEqual([])
  })
})

/**
 * What the Marketplace and an install from the repository see: action.yml's
 * listing fields within the Marketplace's limits, and a package that holds
 * what the command line needs to run and nothing of the development tree.
 */
import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'

describe('action.yml listing', () => {
  const action = parse(readFileSync('action.yml', 'utf8')) as {
    name: string
    description: string
    author?: string
  }

  it('has a description the Marketplace accepts (under 125 characters)', () => {
    expect(action.description.length).toBeGreaterThan(40)
    expect(action.description.length).toBeLessThan(125)
  })

  it('names an author that is not a placeholder', () => {
    expect(action.author).toMatch(/qualytics-export-action/)
    expect(action.author).not.toMatch(/contributors|TODO|your name/i)
  })
})

describe('the npm package', () => {
  it('holds dist/, the docs and the top-level files only', () => {
    const pack = spawnSync('npm', ['pack', '--dry-run', '--json'], {
      encoding: 'utf8'
    })
    expect(pack.status).toBe(0)
    const packed = JSON.parse(pack.stdout) as Array<{
      files: Array<{ path: string }>
    }>
    const paths = (packed[0]?.files ?? []).map(f => f.path)
    for (const needed of [
      'dist/cli/index.js',
      'dist/index.js',
      'dist/licenses.txt',
      'dist/cli/licenses.txt',
      'action.yml',
      'README.md',
      'LICENSE',
      'package.json'
    ])
      expect(paths).toContain(needed)
    const stray = paths.filter(
      p =>
        !/^(dist|docs)\//.test(p) &&
        !/^(action\.yml|README\.md|LICENSE|CHANGELOG\.md|SECURITY\.md|package\.json)$/.test(
          p
        )
    )
    expect(stray).toEqual([])
  })
})

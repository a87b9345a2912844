/**
 * The bundles carry the notice of every third-party package they contain.
 * What they contain is found a second, independent way here: a fresh ncc
 * build with source maps, whose `sources` name every file webpack put in,
 * compared with the package names in dist/licenses.txt and
 * dist/cli/licenses.txt (written by scripts/licenses.mjs from the
 * compilation's module list). Run `npm run bundle` first.
 */
import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** Run an ES module snippet with node in the repository; its stdout. */
function node(script: string): { code: number | null; out: string } {
  const run = spawnSync(
    process.execPath,
    ['--input-type=module', '-e', script],
    { encoding: 'utf8' }
  )
  return { code: run.status, out: `${run.stdout}${run.stderr}` }
}

/** The node_modules packages a fresh, source-mapped build of entry holds. */
function packagesInBuild(entry: string): string[] {
  const { code, out } = node(`
    import ncc from '@vercel/ncc'
    import { resolve } from 'node:path'
    const { map, assets } = await ncc(resolve(${JSON.stringify(entry)}), {
      quiet: true, sourceMap: true, minify: false,
      externals: { undici: './undici-stub.js' }
    })
    const maps = [map, ...Object.entries(assets)
      .filter(([name]) => name.endsWith('.map'))
      .map(([, asset]) => asset.source.toString())]
    const names = new Set()
    for (const m of maps)
      for (const source of JSON.parse(m).sources) {
        const found = /.*node_modules\\/((?:@[^/]+\\/)?[^/]+)\\//.exec(source)
        if (found) names.add(found[1])
      }
    console.log(JSON.stringify([...names].sort()))
  `)
  expect([code, out]).toEqual([0, expect.stringMatching(/^\[.*\]\n$/)])
  return JSON.parse(out) as string[]
}

/** Package names, with the notice of each, in a licenses.txt. */
function notices(file: string): Map<string, string> {
  const text = readFileSync(file, 'utf8')
  const heads = [
    ...text.matchAll(/^((?:@[\w.-]+\/)?[\w.-]+)@\d\S*\n[^\n]+\n/gm)
  ]
  return new Map(
    heads.map((head, i) => [
      head[1] ?? '',
      text.slice(head.index, heads[i + 1]?.index ?? text.length)
    ])
  )
}

describe.each([
  ['src/index.ts', 'dist/licenses.txt'],
  ['src/cli/index.ts', 'dist/cli/licenses.txt']
])('%s bundle', (entry, licenses) => {
  it(`${licenses} names exactly the packages the bundle holds`, () => {
    const bundled = packagesInBuild(entry)
    expect(bundled.length).toBeGreaterThan(0)
    expect([...notices(licenses).keys()].sort()).toEqual(bundled)
  }, 120_000)

  it(`${licenses} carries each package's own license text`, () => {
    for (const [name, text] of notices(licenses)) {
      const root = join('node_modules', name)
      const pkg = JSON.parse(
        readFileSync(join(root, 'package.json'), 'utf8')
      ) as { version: string; license: string }
      expect(text.startsWith(`${name}@${pkg.version}\n${pkg.license}\n`)).toBe(
        true
      )
      // The copyright line of the package's own LICENSE file is there.
      const copyright = /^.*copyright.*$/im.exec(
        readLicense(root)
      )?.[0] as string
      expect([name, text]).toEqual([name, expect.stringContaining(copyright)])
    }
  })
})

/** The LICENSE file of a package folder. */
function readLicense(root: string): string {
  const file = readdirSync(root).find(f =>
    /^(licen[cs]e|copying)(\.(md|txt))?$/i.test(f)
  )
  return readFileSync(join(root, file ?? 'LICENSE'), 'utf8')
}

describe('the action bundle', () => {
  it('credits the packages ncc’s own list left out', () => {
    const names = [...notices('dist/licenses.txt').keys()]
    for (const name of ['@actions/core', '@actions/http-client', 'tunnel'])
      expect(names).toContain(name)
  })
})

describe('scripts/licenses.mjs', () => {
  it('refuses a bundled package without a LICENSE file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'qea-licenses-'))
    const root = join(dir, 'node_modules', 'bare')
    mkdirSync(root, { recursive: true })
    writeFileSync(
      join(root, 'package.json'),
      '{"name":"bare","version":"1.0.0","license":"MIT"}'
    )
    const stats = {
      compilation: { modules: [{ resource: join(root, 'index.js') }] }
    }
    const { code, out } = node(`
      import { bundledPackageRoots, licensesText } from './scripts/licenses.mjs'
      const roots = bundledPackageRoots(${JSON.stringify(stats)})
      console.log(JSON.stringify(roots))
      licensesText(roots)
    `)
    expect(out).toContain(JSON.stringify([root]))
    expect(out).toContain('bare: no LICENSE file to copy into licenses.txt')
    expect(code).not.toBe(0)
  })

  it('finds the modules inside a concatenated module', () => {
    const stats = {
      compilation: {
        modules: [
          {
            modules: [
              { resource: '/x/node_modules/@scope/a/lib/index.js' },
              { resource: '/x/node_modules/b/node_modules/c/c.js' }
            ]
          },
          { resource: '/x/src/own.ts' }
        ]
      }
    }
    const { out } = node(`
      import { bundledPackageRoots } from './scripts/licenses.mjs'
      console.log(JSON.stringify(bundledPackageRoots(${JSON.stringify(stats)})))
    `)
    expect(JSON.parse(out)).toEqual([
      '/x/node_modules/@scope/a',
      '/x/node_modules/b/node_modules/c'
    ])
  })
})

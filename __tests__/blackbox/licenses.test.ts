/**
 * The bundles carry the notice of every third-party package they contain.
 * What they contain is read a second, independent way here: the source maps
 * of the fresh build the black-box tests run (scripts/bundle.mjs keeps the
 * packages their `sources` name in packages.json) name every file webpack
 * put in, compared with the package names in that build's licenses.txt
 * (written by scripts/licenses.mjs from the compilation's module list).
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
import { dirname, join } from 'node:path'
import { bundleDir } from '../helpers/bundle.js'

/** Run an ES module snippet with node in the repository; its stdout. */
function node(script: string): { code: number | null; out: string } {
  const run = spawnSync(
    process.execPath,
    ['--input-type=module', '-e', script],
    { encoding: 'utf8' }
  )
  return { code: run.status, out: `${run.stdout}${run.stderr}` }
}

/** The node_modules packages the source maps of a bundle folder name. */
function packagesInBuild(folder: string): string[] {
  const packages = JSON.parse(
    readFileSync(join(dirname(bundleDir()), 'packages.json'), 'utf8')
  ) as Record<string, string[]>
  return packages[folder] ?? []
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
  ['the action', '.'],
  ['the command line', 'cli']
])('%s bundle', (_, folder) => {
  const licenses = () => join(bundleDir(), folder, 'licenses.txt')

  it('licenses.txt names exactly the packages the bundle holds', () => {
    const bundled = packagesInBuild(folder)
    expect(bundled.length).toBeGreaterThan(0)
    expect([...notices(licenses()).keys()].sort()).toEqual(bundled)
  })

  it("licenses.txt carries each package's own license text", () => {
    for (const [name, text] of notices(licenses())) {
      // The notice starts `name@version`.
      const version = text.slice(name.length + 1, text.indexOf('\n'))
      const root = packageRoot(name, version)
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

/**
 * The folder of a package at a version: at the top of node_modules, or
 * nested under the package that needs that version (cronstrue under
 * @actions/workflow-parser).
 */
function packageRoot(name: string, version: string): string {
  const nested = readdirSync('node_modules').flatMap(top =>
    (top.startsWith('@')
      ? readdirSync(join('node_modules', top)).map(p => join(top, p))
      : [top]
    ).map(p => join('node_modules', p, 'node_modules', name))
  )
  const found = [join('node_modules', name), ...nested].find(root => {
    try {
      const pkg = JSON.parse(
        readFileSync(join(root, 'package.json'), 'utf8')
      ) as { version: string }
      return pkg.version === version
    } catch {
      return false
    }
  })
  if (!found) throw new Error(`${name}@${version} is not in node_modules`)
  return found
}

/** The LICENSE file of a package folder. */
function readLicense(root: string): string {
  const file = readdirSync(root).find(f =>
    /^(licen[cs]e|copying)(\.(md|txt))?$/i.test(f)
  )
  return readFileSync(join(root, file ?? 'LICENSE'), 'utf8')
}

describe('the action bundle', () => {
  it('credits the packages ncc’s own list left out', () => {
    const names = [...notices(join(bundleDir(), 'licenses.txt')).keys()]
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

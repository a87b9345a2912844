// Bundle the action (and, when present, the command line) with ncc.
// `node scripts/bundle.mjs [outDir]`: outDir defaults to dist. The dist
// check and the black-box tests take their bundle from `cachedBundle`, one
// build per state of the source, so neither builds what the other built.
import ncc from '@vercel/ncc'
import { createHash } from 'node:crypto'
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync
} from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { bundledPackageRoots, licensesText } from './licenses.mjs'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const targets = [
  { entry: 'src/index.ts', out: '.' },
  { entry: 'src/cli/index.ts', out: 'cli' }
]

// @actions/http-client imports undici at its top level for one method,
// getAgentDispatcher (a proxy dispatcher for fetch), which neither this
// code nor @actions/core calls: requests go through node:http, and proxies
// through tunnel. Bundled, undici is most of the bundle and about 40% of
// the action's start-up time (`npm run bench`), so it is left out and this
// module stands in for it.
const UNDICI_STUB = 'undici-stub.js'
const undiciStub = `// Stands in for undici, left out of the bundle (see scripts/bundle.mjs).
export class ProxyAgent {
  constructor() {
    throw new Error('undici is not bundled: HttpClient.getAgentDispatcher is unavailable')
  }
}
`

const MAP_COMMENT = /\n\/\/# sourceMappingURL=\S+\s*$/

/** The node_modules packages a source map names, sorted. */
function packagesInMaps(maps) {
  const names = new Set()
  for (const map of maps)
    for (const source of JSON.parse(map).sources) {
      const found = /.*node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(source)
      if (found) names.add(found[1])
    }
  return [...names].sort()
}

/**
 * Bundle every entry into outDir (emptied first). Resolves with, per
 * output folder ('.' and 'cli'), the packages webpack's source maps name:
 * a reading of the build independent of licenses.mjs's module list, for
 * the licenses test. The maps themselves are not written, and the code is
 * the same as without them.
 */
export async function bundle(outDir) {
  const packages = {}
  rmSync(outDir, { recursive: true, force: true })
  for (const { entry, out: sub } of targets) {
    if (!existsSync(join(ROOT, entry))) continue
    const out = join(outDir, sub)
    const { code, assets, map, stats } = await ncc(join(ROOT, entry), {
      minify: true,
      // Each file transpiled on its own, as ts-jest does: the types are
      // tsc's business (`npm run typecheck`, over tests and scripts too),
      // and checking them again here doubled the build's time. The output
      // is the same byte for byte (isolatedModules guarantees it can be);
      // src/tsconfig.json makes each file an ES module on its own.
      transpileOnly: true,
      license: 'licenses.txt',
      quiet: true,
      sourceMap: true,
      sourceMapRegister: false,
      externals: { undici: `./${UNDICI_STUB}` }
    })
    const maps = [map]
    mkdirSync(out, { recursive: true })
    writeFileSync(join(out, 'index.js'), code.replace(MAP_COMMENT, ''))
    // ncc's licenses.txt misses concatenated ES modules: see licenses.mjs.
    assets['licenses.txt'] = {
      source: licensesText(bundledPackageRoots(stats)),
      permissions: 0o644
    }
    for (const [name, asset] of Object.entries(assets)) {
      if (name.endsWith('.map')) {
        maps.push(asset.source.toString())
        continue
      }
      const source = name.endsWith('.js')
        ? asset.source.toString().replace(MAP_COMMENT, '')
        : asset.source
      mkdirSync(dirname(join(out, name)), { recursive: true })
      writeFileSync(join(out, name), source, { mode: asset.permissions })
    }
    if (code.includes(UNDICI_STUB))
      writeFileSync(join(out, UNDICI_STUB), undiciStub)
    packages[sub] = packagesInMaps(maps)
  }
  return packages
}

/** Every file under dir, relative to ROOT, sorted. */
function filesUnder(dir) {
  return readdirSync(join(ROOT, dir), { recursive: true })
    .map(f => join(dir, String(f)))
    .filter(f => statSync(join(ROOT, f)).isFile())
    .sort()
}

/**
 * A hash of everything a bundle is made from: the source, the package and
 * TypeScript settings, the locked dependencies and the build scripts.
 */
export function sourceHash() {
  const hash = createHash('sha256')
  const inputs = [
    ...filesUnder('src'),
    'package.json',
    'package-lock.json',
    'tsconfig.json',
    'scripts/bundle.mjs',
    'scripts/licenses.mjs'
  ]
  for (const file of inputs) {
    hash.update(`${file}\0`)
    hash.update(readFileSync(join(ROOT, file)))
    hash.update('\0')
  }
  return hash.digest('hex').slice(0, 16)
}

/** Where cached bundles live (gitignored). */
export const CACHE = join(ROOT, '.tmp', 'bundle')
/** How many states of the source keep their bundle. */
const KEEP = 3

/**
 * The bundle of the source as it is now: `<dir>/dist` is what `npm run
 * bundle` would write, `<dir>/packages.json` what bundle() resolved with.
 * Built once per state of the source and kept, with those of the states
 * built just before it.
 */
export async function cachedBundle() {
  const key = sourceHash()
  const dir = join(CACHE, key)
  if (existsSync(join(dir, 'packages.json'))) return dir
  // Built aside and renamed, so a build cut short never looks finished
  // and two builds at once do not write into each other.
  const partial = join(CACHE, `${key}.partial-${process.pid}`)
  rmSync(partial, { recursive: true, force: true })
  const packages = await bundle(join(partial, 'dist'))
  writeFileSync(join(partial, 'packages.json'), JSON.stringify(packages))
  // Keep the last few states: switching branches or undoing an edit
  // comes back to one of them.
  const older = (existsSync(CACHE) ? readdirSync(CACHE) : [])
    .filter(name => name !== key && !name.includes('.partial-'))
    .map(name => ({ name, at: statSync(join(CACHE, name)).mtimeMs }))
    .sort((a, b) => b.at - a.at)
  for (const { name } of older.slice(KEEP - 1))
    rmSync(join(CACHE, name), { recursive: true, force: true })
  try {
    renameSync(partial, dir)
  } catch (error) {
    // Another build of the same source finished first: use it.
    if (!existsSync(join(dir, 'packages.json'))) throw error
    rmSync(partial, { recursive: true, force: true })
  }
  return dir
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const outDir = process.argv[2] ?? 'dist'
  await bundle(resolve(outDir)).catch(error => {
    // ncc's own stack would print a line of its minified source.
    console.error(error instanceof Error ? error.message : String(error))
    process.exit(1)
  })
}

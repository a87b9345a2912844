// Mermaid's browser build, for the GitHub-like pages the screenshots are
// made of (GitHub's viewer draws a ```mermaid fence; the page must too).
// Only scripts/screenshot-summary.ts needs it, so it is no dependency that
// every `npm ci` (CI's too) would install with its ~115 packages: the npm
// tarball is fetched once (about 18 MB), checked against the pinned
// integrity, and only the self-contained `dist/mermaid.min.js` (3.6 MB) and
// the licence are kept, in .tmp/mermaid/<version>/ (gitignored).
// `node scripts/mermaid.mjs` prints its path, or why there is none on stderr.
import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rename, rm } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'

/** The release drawn with; bumping it means updating INTEGRITY too. */
const VERSION = '11.17.2'
/** The registry's `dist.integrity` of that release's tarball. */
const INTEGRITY =
  'sha512-V6K3C8EBdEsPFZXSKMJe6ppQOENxuHARr9GvHX4hh47lAbhMRD9qf4oEK7LoaRQxULMa80/qt5gHO73aCleBBg=='
const DIR = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '.tmp',
  'mermaid',
  VERSION
)
const SCRIPT = join(DIR, 'mermaid.min.js')

/**
 * Find Mermaid's browser build, fetching it when it is missing (and saying
 * so on stderr first): `{ path, version }`, or `{ missing }` saying why
 * there is none.
 */
export async function findMermaid() {
  if (existsSync(SCRIPT)) return { path: SCRIPT, version: VERSION }
  const run = promisify(execFile)
  // Beside the cache, so the finished folder moves into place in one rename
  // and a fetch cut short never leaves a partial one.
  await mkdir(dirname(DIR), { recursive: true })
  const work = await mkdtemp(join(dirname(DIR), 'fetching-'))
  try {
    console.error(
      `Fetching mermaid@${VERSION} from the npm registry (an 18 MB tarball) to keep its browser build (3.6 MB) in ${DIR}`
    )
    const { stdout } = await run(
      'npm',
      ['pack', `mermaid@${VERSION}`, '--json', '--pack-destination', work],
      { timeout: 180_000 }
    )
    const [packed] = JSON.parse(stdout)
    const tarball = join(work, packed.filename)
    const digest = createHash('sha512')
      .update(await readFile(tarball))
      .digest('base64')
    if (`sha512-${digest}` !== INTEGRITY)
      throw new Error(`the tarball's sha512 is not the pinned ${INTEGRITY}`)
    await run('tar', [
      '-xzf',
      tarball,
      '-C',
      work,
      'package/dist/mermaid.min.js',
      'package/LICENSE'
    ])
    const kept = join(work, 'package', 'dist')
    await rename(join(work, 'package', 'LICENSE'), join(kept, 'LICENSE'))
    await rm(DIR, { recursive: true, force: true })
    await rename(kept, DIR)
    return { path: SCRIPT, version: VERSION }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    return { missing: `fetching mermaid@${VERSION} failed: ${reason}` }
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const mermaid = await findMermaid()
  if ('missing' in mermaid) {
    console.error(mermaid.missing)
    process.exit(1)
  }
  console.log(mermaid.path)
}

// Bundle the action (and, when present, the command line) with ncc.
// `node scripts/bundle.mjs [outDir]`: outDir defaults to dist; the dist
// check builds into a scratch folder with the same script.
import { execFileSync } from 'node:child_process'
import { existsSync, rmSync } from 'node:fs'
import { join } from 'node:path'

const outDir = process.argv[2] ?? 'dist'
const ncc = join('node_modules', '.bin', 'ncc')
const targets = [
  { entry: 'src/index.ts', out: outDir },
  { entry: 'src/cli/index.ts', out: join(outDir, 'cli') }
]

rmSync(outDir, { recursive: true, force: true })
for (const { entry, out } of targets) {
  if (!existsSync(entry)) continue
  execFileSync(
    ncc,
    [
      'build',
      entry,
      '-o',
      out,
      '--minify',
      '--license',
      'licenses.txt',
      '--quiet'
    ],
    {
      stdio: 'inherit'
    }
  )
}

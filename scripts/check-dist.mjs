// Fail when the committed dist/ differs from a fresh bundle of src/.
// Builds into .tmp/dist-check with the same script as `npm run bundle`.
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'

const fresh = join('.tmp', 'dist-check')
execFileSync(process.execPath, ['scripts/bundle.mjs', fresh], {
  stdio: 'inherit'
})
const list = dir =>
  readdirSync(dir, { recursive: true })
    .map(String)
    .filter(f => statSync(join(dir, f)).isFile())
    .sort()
const expected = list(fresh)
const actual = list('dist')
const differ = [...new Set([...expected, ...actual])].filter(f => {
  try {
    return !readFileSync(join(fresh, f)).equals(readFileSync(join('dist', f)))
  } catch {
    return true
  }
})
rmSync(fresh, { recursive: true, force: true })
if (differ.length > 0) {
  console.error(
    `dist/ does not match a fresh bundle of src/: ${differ.join(', ')}`
  )
  console.error('Run `npm run bundle` and commit dist/.')
  process.exit(1)
}
console.log(`dist/ matches a fresh bundle (${expected.length} files).`)

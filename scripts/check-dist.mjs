// Fail when the committed dist/ differs from a fresh bundle of src/, built
// by the same code as `npm run bundle` (and shared with the black-box
// tests: see cachedBundle in bundle.mjs).
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { cachedBundle } from './bundle.mjs'

const fresh = join(await cachedBundle(), 'dist')
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
if (differ.length > 0) {
  console.error(
    `dist/ does not match a fresh bundle of src/: ${differ.join(', ')}`
  )
  console.error('Run `npm run bundle` and commit dist/.')
  process.exit(1)
}
console.log(`dist/ matches a fresh bundle (${expected.length} files).`)

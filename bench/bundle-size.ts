/**
 * Size of the bundle: what Node parses at every start (index.js), the
 * chunks loaded only on demand, and everything committed under dist/.
 */
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

/** Sizes in bytes. */
export interface BundleSize {
  entry: number
  /** Chunks next to index.js that load on demand, by file name. */
  chunks: Record<string, number>
  /** Every file under dist/ (the command line's bundle included). */
  total: number
  files: number
}

/** Measure the bundle in `distDir`. */
export function measureBundle(distDir: string): BundleSize {
  const chunks: Record<string, number> = {}
  let total = 0
  let files = 0
  for (const name of readdirSync(distDir, { recursive: true }).map(String)) {
    const stat = statSync(join(distDir, name))
    if (!stat.isFile()) continue
    total += stat.size
    files++
    if (/^\d+\.index\.js$/.test(name)) chunks[name] = stat.size
  }
  return {
    entry: statSync(join(distDir, 'index.js')).size,
    chunks,
    total,
    files
  }
}

/**
 * `merge-results` and `qualytics-export report`: many results files, one
 * verdict. Nothing here calls Qualytics; it reads files only.
 */
import { readdir, stat } from 'node:fs/promises'
import { join, relative, resolve, sep } from 'node:path'
import { overallResult } from '../domain/results.js'
import type { OperationRecord, Result } from '../types.js'
import { readResultsFile, type BadResults } from './results-file.js'

/** What the files come to together. */
export interface Merged {
  result: Result
  /** Each file's rows in its plan order, files in name order. */
  records: OperationRecord[]
  datastoreNames: Map<number, string>
  /** Files merged. */
  files: string[]
  /** Files that could not be merged, or patterns that matched nothing. */
  bad: BadResults[]
  /** The Qualytics host the files name (the first one; null when none). */
  origin: string
}

/** Most files one merge reads: a matrix has at most 256 legs, with room to spare. */
const MAX_MERGED_FILES = 4096

/**
 * Merge the files the patterns name (one glob per line or comma). A
 * pattern that matches nothing, and a file that is missing, unreadable,
 * garbled or of another version, is a BadResults; any of them makes the
 * result at best `failure`.
 */
export async function mergeResults(
  patterns: readonly string[],
  cwd: string
): Promise<Merged> {
  const bad: BadResults[] = []
  const paths = new Set<string>()
  for (const pattern of patterns) {
    const found = await expandGlob(pattern, cwd)
    if (found.length === 0)
      bad.push({
        path: pattern,
        problem: hasWildcard(pattern) ? 'matches no file' : 'is missing'
      })
    for (const path of found) paths.add(path)
  }
  const files = [...paths].sort().slice(0, MAX_MERGED_FILES)
  const records: OperationRecord[] = []
  const names = new Map<number, string>()
  const merged: string[] = []
  let origin = ''
  for (const path of files) {
    const read = await readResultsFile(path)
    const shown = relative(cwd, path) || path
    if ('problem' in read) {
      bad.push({ path: shown, problem: read.problem })
      continue
    }
    merged.push(shown)
    records.push(...read.records)
    for (const [id, name] of read.names) names.set(id, name)
    origin ||= read.host ?? ''
  }
  const result = overallResult(records)
  return {
    // A file that could not be read may hide a failure: never better than that.
    result:
      bad.length > 0
        ? worse(result, 'failure')
        : records.length === 0
          ? 'failure'
          : result,
    records,
    datastoreNames: names,
    files: merged,
    bad,
    origin
  }
}

function worse(a: Result, b: Result): Result {
  return overallResult([{ result: a }, { result: b }])
}

function hasWildcard(pattern: string): boolean {
  return /[*?[]/.test(pattern)
}

/**
 * The files a glob names, absolute and sorted: `*` and `?` within one path
 * segment, `**` for any depth, `[abc]` classes. A pattern without
 * wildcards names one file (returned when it exists).
 */
async function expandGlob(pattern: string, cwd: string): Promise<string[]> {
  const absolute = resolve(cwd, pattern)
  const parts = absolute.split(sep)
  const fixed = parts.findIndex(p => hasWildcard(p))
  if (fixed < 0) {
    try {
      return (await stat(absolute)).isFile() ? [absolute] : []
    } catch {
      return []
    }
  }
  const base = parts.slice(0, fixed).join(sep) || sep
  const matcher = globRegExp(parts.slice(fixed).join('/'))
  const found: string[] = []
  const deep = parts.slice(fixed).includes('**')
  const depth = parts.length - fixed
  await walk(base, '', deep ? Infinity : depth, rel => {
    if (matcher.test(rel)) found.push(join(base, rel))
  })
  return found.sort()
}

async function walk(
  dir: string,
  rel: string,
  depth: number,
  visit: (rel: string) => void
): Promise<void> {
  if (depth <= 0) return
  let entries
  try {
    entries = await readdir(join(dir, rel), { withFileTypes: true })
  } catch {
    return
  }
  for (const entry of entries) {
    const path = rel ? `${rel}/${entry.name}` : entry.name
    if (entry.isDirectory()) await walk(dir, path, depth - 1, visit)
    else if (entry.isFile()) visit(path)
  }
}

/** A glob (with `/` separators) as an anchored regular expression. */
function globRegExp(glob: string): RegExp {
  let source = ''
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] as string
    if (c === '*' && glob[i + 1] === '*') {
      // `**/` matches no directory too.
      source += glob[i + 2] === '/' ? '(?:.*/)?' : '.*'
      i += glob[i + 2] === '/' ? 2 : 1
    } else if (c === '*') source += '[^/]*'
    else if (c === '?') source += '[^/]'
    else if (c === '[') {
      const end = glob.indexOf(']', i + 1)
      if (end < 0) source += '\\['
      else {
        source += `[${glob
          .slice(i + 1, end)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\')}]`
        i = end
      }
    } else source += c.replace(/[.+^${}()|\\]/g, '\\$&')
  }
  return new RegExp(`^${source}$`)
}

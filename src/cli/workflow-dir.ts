import { lstat } from 'node:fs/promises'
import {
  basename,
  dirname,
  isAbsolute,
  join,
  relative,
  resolve
} from 'node:path'
import { stringFlag, UsageError, type Flags } from './args.js'
import { DEFAULT_DIR } from './commands.js'

/** Where a command reads or writes workflows. */
export interface WorkflowDir {
  /** Absolute path of the folder. */
  absolute: string
  /** The same, as shown to the user: relative to the current folder. */
  shown: string
  /** The folder the path is anchored at (the repository root, or the current folder). */
  base: string
  /** The folders from `base` down to the workflow folder, e.g. ['.github', 'workflows']. */
  parts: string[]
}

/**
 * The closest folder at or above `start` that holds `.git` (a folder, or a
 * file in a worktree or submodule); null outside a repository.
 */
export async function findRepoRoot(start: string): Promise<string | null> {
  let dir = resolve(start)
  for (;;) {
    try {
      await lstat(join(dir, '.git'))
      return dir
    } catch {
      // Not here: look one folder up.
    }
    const up = dirname(dir)
    if (up === dir) return null
    dir = up
  }
}

/**
 * The workflow folder a command works on. `--dir` is taken as given
 * (relative to the current folder). Otherwise it is `.github/workflows` at
 * the repository's root, as GitHub reads it there only: from a subfolder the
 * file would land where no workflow runs. Outside a repository, `write`
 * refuses (a schedule there would never run) and reading falls back to the
 * current folder.
 */
export async function workflowDir(
  flags: Flags,
  command: string,
  write: boolean,
  cwd = process.cwd(),
  defaultDir = DEFAULT_DIR
): Promise<WorkflowDir> {
  const given = stringFlag(flags, 'dir')
  if (given !== undefined) {
    const absolute = resolve(cwd, given)
    const inside = relative(cwd, absolute)
    // Below the current folder, every folder of the way is checked for links.
    const below =
      inside !== '' && !inside.startsWith('..') && !isAbsolute(inside)
    return {
      absolute,
      shown: given,
      base: below ? cwd : dirname(absolute),
      parts: below ? inside.split(/[\\/]+/) : [basename(absolute)]
    }
  }
  const root = await findRepoRoot(cwd)
  if (root === null && write)
    throw new UsageError(
      `qualytics-export ${command}: ${resolve(cwd)} is not inside a git repository (no .git here or above), and ${defaultDir === DEFAULT_DIR ? "GitHub reads workflows only from .github/workflows at a repository's root" : `the file belongs in ${defaultDir} at a repository's root`}. Run it from your repository, or give --dir.`
    )
  const base = root ?? cwd
  const absolute = join(base, defaultDir)
  return {
    absolute,
    shown: relative(cwd, absolute) || '.',
    base,
    parts: defaultDir.split('/')
  }
}

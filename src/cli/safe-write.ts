import { randomBytes } from 'node:crypto'
import {
  link,
  lstat,
  mkdir,
  realpath,
  rename,
  unlink,
  writeFile
} from 'node:fs/promises'
import { basename, join } from 'node:path'

/** Why a file was not written; the message says what to do. */
export class UnsafePathError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UnsafePathError'
  }
}

/** The target exists and replacing it was not asked for. */
export class ExistsError extends Error {
  constructor(readonly path: string) {
    super(`${path} already exists`)
    this.name = 'ExistsError'
  }
}

const code = (error: unknown): string | undefined =>
  (error as NodeJS.ErrnoException).code

/**
 * Make sure every folder from `base` down through `parts` is a real folder
 * (created when missing, if `create`) and none is a symbolic link, so a
 * planted link cannot carry a write or a deletion outside the tree.
 * Returns the folder's path.
 */
export async function ensureRealDir(
  base: string,
  parts: readonly string[],
  shown: (path: string) => string,
  create = true
): Promise<string> {
  // The base is the user's own choice (their repository, or --dir's parent).
  if (create) await mkdir(base, { recursive: true })
  let dir = base
  for (const part of parts) {
    dir = join(dir, part)
    let stat = await lstat(dir).catch((error: unknown) => {
      if (code(error) === 'ENOENT') return null
      throw error
    })
    if (stat === null) {
      if (!create) throw new UnsafePathError(`${shown(dir)} does not exist.`)
      await mkdir(dir).catch((error: unknown) => {
        if (code(error) !== 'EEXIST') throw error
      })
      stat = await lstat(dir)
    }
    if (stat.isSymbolicLink())
      throw new UnsafePathError(
        `${shown(dir)} is a symbolic link; not following it. Replace it with a real folder.`
      )
    if (!stat.isDirectory())
      throw new UnsafePathError(`${shown(dir)} exists and is not a folder.`)
  }
  // A link above `base` is the user's own layout; below it, the walk saw none.
  const real = await realpath(dir)
  const expected = join(await realpath(base), ...parts)
  if (real !== expected)
    throw new UnsafePathError(
      `${shown(dir)} resolves to ${real}, outside the expected folder; not writing there.`
    )
  return dir
}

/**
 * Write `text` to `dir/name` without ever following a link: the text goes
 * to a new temporary file in the same folder (created exclusively, so a
 * planted link cannot be opened) and is then moved into place. Without
 * `replace`, an existing entry of any kind (file or link) is kept and
 * ExistsError thrown; with it, a regular file is replaced atomically, and
 * a link or anything else at the target is refused.
 */
export async function writeFileNoFollow(
  dir: string,
  name: string,
  text: string,
  replace: boolean,
  shown: (path: string) => string
): Promise<void> {
  const target = join(dir, name)
  const existing = await lstat(target).catch((error: unknown) => {
    if (code(error) === 'ENOENT') return null
    throw error
  })
  if (existing?.isSymbolicLink())
    throw new UnsafePathError(
      `${shown(target)} is a symbolic link; not writing through it, even with --force. Delete the link first.`
    )
  if (existing && !existing.isFile())
    throw new UnsafePathError(`${shown(target)} exists and is not a file.`)
  if (existing && !replace) throw new ExistsError(shown(target))
  const temp = join(
    dir,
    `.${basename(name)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`
  )
  await writeFile(temp, text, { flag: 'wx', mode: 0o644 })
  try {
    if (replace) {
      // rename replaces the entry itself; it never writes through a link.
      await rename(temp, target)
    } else {
      // link fails with EEXIST on any entry, also one created since the check.
      await link(temp, target).catch(async (error: unknown) => {
        if (code(error) === 'EEXIST') throw new ExistsError(shown(target))
        if (
          !['EPERM', 'ENOTSUP', 'ENOSYS', 'EXDEV'].includes(code(error) ?? '')
        )
          throw error
        // No hard links on this file system: O_EXCL also refuses any entry.
        await writeFile(target, text, { flag: 'wx', mode: 0o644 }).catch(
          (e: unknown) => {
            throw code(e) === 'EEXIST' ? new ExistsError(shown(target)) : e
          }
        )
      })
    }
  } finally {
    await unlink(temp).catch(() => undefined)
  }
}

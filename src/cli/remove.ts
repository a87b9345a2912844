import { access, unlink } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { parseFlags, requiredFlag } from './args.js'
import { workflowDir } from './workflow-dir.js'
import { REMOVE } from './commands.js'
import { FILE_PREFIX, scheduleName } from './workflow-file.js'
import { ensureRealDir, UnsafePathError } from './safe-write.js'
import { scanWorkflows } from './workflow-scan.js'
import { stdout, stderr } from './terminal.js'

const shownPath = (path: string): string => relative(process.cwd(), path)

/**
 * `remove`: delete `qualytics-export-<name>.yml`, but only when it still uses
 * the export action; any other workflow is left alone, whatever its name.
 */
export async function removeCommand(argv: string[]): Promise<number> {
  const flags = parseFlags(REMOVE, argv)
  const where = await workflowDir(flags, 'remove', false)
  const dir = where.shown
  const name = scheduleName(requiredFlag(flags, 'name', 'daily-audit'))
  const fail = (message: string): number => {
    stderr.write(`qualytics-export remove: ${message}\n`)
    return 1
  }
  const all = await scanWorkflows(dir)
  const written = all.filter(w => w.file.startsWith(FILE_PREFIX))
  const ours = written.filter(w => scheduleName(w.file) === name)
  const target = ours.find(w => !w.error)
  if (!target) {
    if (ours[0])
      return fail(
        `${ours[0].path} is not valid YAML (${ours[0].error}); fix or delete it by hand.`
      )
    // The name `list` shows for a workflow written by hand.
    const byHand = all.find(
      w => !w.file.startsWith(FILE_PREFIX) && scheduleName(w.file) === name
    )
    if (byHand)
      return fail(
        `'${name}' is ${byHand.path}, a workflow written by hand (list marks it so); remove deletes only files 'qualytics-export schedule' wrote. Delete it yourself (git rm ${byHand.path}) if you mean to.`
      )
    const other = await firstExisting(
      [`${FILE_PREFIX}${name}.yml`, `${FILE_PREFIX}${name}.yaml`, name].map(f =>
        join(dir, f)
      )
    )
    if (other)
      return fail(
        `${other} does not look like a workflow 'qualytics-export schedule' wrote (no qualytics-export-<name>.yml file that uses the export action); not deleting it.`
      )
    const names = written.map(w => scheduleName(w.file))
    return fail(
      `no schedule named '${name}' in ${dir}.${names.length ? ` Schedules: ${names.join(', ')}.` : ''}`
    )
  }
  try {
    // Never delete through a linked .github or workflows folder.
    await ensureRealDir(where.base, where.parts, shownPath, false)
  } catch (error) {
    if (error instanceof UnsafePathError) return fail(error.message)
    throw error
  }
  await unlink(target.path)
  stdout.write(
    `Removed ${target.path}. Commit the deletion to the default branch to stop the schedule.\n`
  )
  return 0
}

async function firstExisting(paths: string[]): Promise<string | undefined> {
  for (const path of paths) {
    try {
      await access(path)
      return path
    } catch {
      // Not there: try the next.
    }
  }
  return undefined
}

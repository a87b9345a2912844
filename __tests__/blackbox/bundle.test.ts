/**
 * scripts/bundle.mjs: the black-box tests run a bundle of the source as it
 * is now, so a change under src/ is tested without `npm run bundle`.
 */
import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { actionEntry, bundleDir, cliEntry } from '../helpers/bundle.js'

/** sourceHash() of scripts/bundle.mjs, computed in a child process. */
function sourceHash(): string {
  const run = spawnSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      "import { sourceHash } from './scripts/bundle.mjs'; console.log(sourceHash())"
    ],
    { encoding: 'utf8' }
  )
  expect([run.status, run.stderr]).toEqual([0, ''])
  return run.stdout.trim()
}

describe('the bundle the black-box tests run', () => {
  it('is the one built from the source as it is now, not dist/', () => {
    expect(basename(dirname(bundleDir()))).toBe(sourceHash())
    expect(bundleDir()).not.toBe(join(process.cwd(), 'dist'))
    expect(existsSync(actionEntry())).toBe(true)
    expect(existsSync(cliEntry())).toBe(true)
  })
})

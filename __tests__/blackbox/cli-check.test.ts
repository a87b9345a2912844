/**
 * `qualytics-export check` from the bundle: a clean workflow passes, a
 * missing folder fails. Each problem it looks for is caught in-process in
 * ../cli-check.test.ts.
 */
import { describe, expect, it } from '@jest/globals'
import { runCli, tmpDir } from '../helpers/cli.js'
import { flowsDir, workflow } from '../helpers/check-workflows.js'

/** Run `check` over these files (name -> text). */
async function check(files: Record<string, string>, extra: string[] = []) {
  return runCli(['check', '--dir', 'flows', ...extra], { cwd: flowsDir(files) })
}

describe('qualytics-export check', () => {
  it('passes a clean workflow with exit 0', async () => {
    const run = await check({
      'a.yml': workflow(),
      'unrelated.yml': 'on: push\njobs: {}\n'
    })
    expect(run.stdout).toBe('0 errors, 0 warnings in 1 workflow.\n')
    expect(run.code).toBe(0)
  })
})

describe('check points at the place', () => {
  it('fails when the folder is not there, so a typo in --dir fails CI', async () => {
    const run = await runCli(['check', '--dir', 'nope/workflows'], {
      cwd: tmpDir()
    })
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/nope\/workflows is not a folder/)
    expect(run.stdout).toBe('')
  })
})

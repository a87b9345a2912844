/**
 * One version everywhere: package.json (and its lock), the CLI's
 * `--version`, the changelog's top entry, the README's pins and the tag
 * the release workflow accepts agree; the README says which release
 * brought each input and output added after 1.0.0.
 */
import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'yaml'
import { documentFiles, SINCE } from '../../scripts/readme-tables.js'
import { VERSION } from '../../src/core/version.js'
import { readWorkflow } from '../helpers/workflow-steps.js'

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  version: string
}
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as {
  version: string
  packages: Record<string, { version?: string }>
}

/** The interface 1.0.0 shipped (its changelog entry): nothing here needs a "since". */
const IN_1_0 = new Set([
  ...['url', 'token', 'datastore', 'containers', 'container-tags', 'options'],
  ...['include-deleted', 'wait', 'poll-interval', 'timeout', 'dry-run'],
  ...['abort-on-timeout', 'abort-on-cancel', 'fail-on-warning'],
  ...['max-parallel', 'schedule-timezone'],
  ...['result', 'operation-id', 'operation-ids', 'operations', 'next-run']
])

/** Run the release workflow's "Check the release" step in `dir` for `tag`. */
function checkRelease(
  dir: string,
  tag: string
): { code: number | null; out: string } {
  const steps = readWorkflow('.github/workflows/release.yml').jobs[
    'move-major-tag'
  ]?.steps
  const script = steps?.find(s => s.name === 'Check the release')?.run ?? ''
  expect(script).toContain('package.json')
  const run = spawnSync(
    'bash',
    ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script],
    {
      cwd: dir,
      env: { PATH: process.env.PATH ?? '', TAG: tag },
      encoding: 'utf8'
    }
  )
  return { code: run.status, out: `${run.stdout}${run.stderr}` }
}

describe('the version', () => {
  it('is the same in package.json, its lock and `--version`', () => {
    expect(pkg.version).toMatch(/^\d+\.\d+\.\d+$/)
    expect(VERSION).toBe(pkg.version)
    expect(lock.version).toBe(pkg.version)
    expect(lock.packages['']?.version).toBe(pkg.version)
  })

  it('heads the changelog, with a compare link', () => {
    const changelog = readFileSync('CHANGELOG.md', 'utf8')
    const top = /^## \[(\d+\.\d+\.\d+)\]/m.exec(changelog)?.[1]
    expect(top).toBe(pkg.version)
    expect(changelog).toMatch(
      new RegExp(
        `^\\[${pkg.version.replace(/\./g, '\\.')}\\]: https://\\S+v${pkg.version}$`,
        'm'
      )
    )
    expect(changelog).toContain(`compare/v${pkg.version}...HEAD`)
  })

  it('is what the README and docs pin, beside the major tag users float on', () => {
    const major = pkg.version.split('.')[0]
    let pins = 0
    for (const file of documentFiles('.')) {
      const text = readFileSync(file, 'utf8')
      for (const [, ref, comment] of text.matchAll(
        /qualytics-export-action@(<[^>]*>|[^\s`]+)(?: # (v[\d.]+))?/g
      )) {
        if (comment) {
          pins++
          expect([file, comment]).toEqual([file, `v${pkg.version}`])
        } else if (/^v\d/.test(ref ?? '')) {
          expect([file, ref]).toEqual([file, `v${major}`])
        }
      }
    }
    expect(pins).toBeGreaterThan(0)
  })

  it('is the GitLab component release the docs and the component install', () => {
    const gitlab = readFileSync('docs/gitlab.md', 'utf8')
    const refs = [
      ...gitlab.matchAll(/qualytics-export-action\/v(\d+\.\d+\.\d+)\//g),
      ...gitlab.matchAll(/qualytics-export-action\/export@(\d+\.\d+\.\d+)/g)
    ].map(m => m[1])
    expect(refs.length).toBeGreaterThanOrEqual(2)
    expect(new Set(refs)).toEqual(new Set([pkg.version]))
  })

  it('is the only tag the release workflow accepts', () => {
    const dir = mkdtempSync(join(tmpdir(), 'qea-release-'))
    for (const file of ['package.json', 'CHANGELOG.md'])
      copyFileSync(file, join(dir, file))
    mkdirSync(join(dir, 'dist'))
    writeFileSync(join(dir, 'dist', 'index.js'), '')
    expect(checkRelease(dir, `v${pkg.version}`)).toEqual({ code: 0, out: '' })
    const [a, b, c] = pkg.version.split('.').map(Number)
    const next = `v${a}.${b}.${(c ?? 0) + 1}`
    const refused = checkRelease(dir, next)
    expect(refused.code).toBe(1)
    expect(refused.out).toContain(
      `package.json says ${pkg.version} but the tag is ${next}`
    )
    expect(checkRelease(dir, `${pkg.version}`).code).toBe(1)
  })
})

describe('the README says which release brought each newer input and output', () => {
  const action = parse(readFileSync('action.yml', 'utf8')) as {
    inputs: Record<string, unknown>
    outputs: Record<string, unknown>
  }
  const names = [...Object.keys(action.inputs), ...Object.keys(action.outputs)]
  const readme = readFileSync('README.md', 'utf8')

  it.each(names)('%s', name => {
    const row = readme
      .split('\n')
      .find(line => line.startsWith(`| \`${name}\` `))
    expect(row).toBeDefined()
    if (IN_1_0.has(name)) {
      expect(SINCE[name]).toBeUndefined()
      expect(row).not.toContain('_Since')
      return
    }
    expect(SINCE[name]).toMatch(/^\d+\.\d+$/)
    expect(row).toContain(`_Since ${SINCE[name]}._`)
    // No input is announced for a release after this one.
    const [major, minor] = pkg.version.split('.').map(Number)
    const [sMajor, sMinor] = (SINCE[name] ?? '').split('.').map(Number)
    expect((sMajor ?? 0) * 1000 + (sMinor ?? 0)).toBeLessThanOrEqual(
      (major ?? 0) * 1000 + (minor ?? 0)
    )
  })
})

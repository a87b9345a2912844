/**
 * The bundle the black-box tests run: built by jest's globalSetup
 * (helpers/bundle-setup.mjs) from the source as it is now, never the
 * committed dist/, which only `npm run check-dist` looks at. The action's
 * bundle runs on Node 24, as on a runner (`runs.using: node24`); the
 * command line's on the Node running jest (`npm run test:node24` runs its
 * tests on Node 24 too).
 */
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import {
  runAction as runHarness,
  startAction as startHarness,
  type ActionOptions
} from '../../simulator/harness.js'

/**
 * The folder holding the fresh bundle (what `npm run bundle` would write to
 * dist/). A test outside the black-box project, whose globalSetup did not
 * run, still gets it: built (or found in the cache) by a child process.
 */
export function bundleDir(): string {
  process.env.QUALYTICS_EXPORT_TEST_BUNDLE ??= execFileSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      "import { cachedBundle } from './scripts/bundle.mjs'; console.log(await cachedBundle())"
    ],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }
  ).trim()
  return join(process.env.QUALYTICS_EXPORT_TEST_BUNDLE, 'dist')
}

/** The action's entry point in the fresh bundle. */
export function actionEntry(): string {
  return join(bundleDir(), 'index.js')
}

/** The command line's entry point in the fresh bundle. */
export function cliEntry(): string {
  return join(bundleDir(), 'cli', 'index.js')
}

/** The Node binary the action runs on: Node 24 when globalSetup found one. */
export function actionNode(): string {
  return process.env.QUALYTICS_EXPORT_TEST_NODE24 ?? process.execPath
}

/** startAction of the harness, on the fresh bundle and Node 24 unless told otherwise. */
export function startAction(
  options: ActionOptions
): ReturnType<typeof startHarness> {
  return startHarness({ entry: actionEntry(), node: actionNode(), ...options })
}

/** runAction of the harness, on the fresh bundle and Node 24 unless told otherwise. */
export function runAction(
  options: ActionOptions
): ReturnType<typeof runHarness> {
  return startAction(options).done
}

// Jest globalSetup of the black-box tests: bundle the source under test
// once per run (cached per state of the source, see cachedBundle), find the
// Node 24 binary the action's bundle runs on (`runs.using: node24`), and
// hand both to the test workers through the environment they inherit.
import { cachedBundle } from '../../scripts/bundle.mjs'
import { findNode24 } from '../../scripts/node24.mjs'

export default async function bundleSetup() {
  const [bundle, node24] = await Promise.all([cachedBundle(), findNode24()])
  process.env.QUALYTICS_EXPORT_TEST_BUNDLE = bundle
  if ('path' in node24) process.env.QUALYTICS_EXPORT_TEST_NODE24 = node24.path
  else
    console.warn(
      `\nThe action's black-box tests run on ${process.version}, not Node 24: ${node24.missing}`
    )
}

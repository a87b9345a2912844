// Jest globalSetup of the black-box tests: bundle the source under test
// once per run (cached per state of the source, see cachedBundle), and
// hand its folder to the test workers through the environment they inherit.
import { cachedBundle } from '../../scripts/bundle.mjs'

export default async function bundleSetup() {
  process.env.QUALYTICS_EXPORT_TEST_BUNDLE = await cachedBundle()
}

/**
 * Local Qualytics API simulator: the public API shared by tests, the demo
 * and the benchmarks. Start one with `QualyticsSimulator.start(scenario)`.
 */
export type {
  ChaosConfig,
  Landing,
  RequestRecord,
  Scenario,
  SeedOperation,
  SimDatastore
} from './types.js'
export { ManualClock, type Clock } from './clock.js'
export type { Answer } from './http.js'
export { QualyticsSimulator } from './server.js'
export {
  DEFAULT_TOKEN,
  DEMO_WARNING,
  demoScenario,
  READ_ONLY_TOKEN
} from './scenario.js'
export { ABORT_DELAY_MS, DEFAULT_FAILURE_MESSAGE } from './operations.js'
export { mulberry32 } from './random.js'
export {
  drawAround,
  historyAround,
  peakPerSecond,
  SlidingLimiter
} from './history.js'
export { expectedSelection, generateFleet } from './fleet.js'
export { EXPORT_COLUMNS, type RowTimeForm } from './export-rows.js'
export { SIMULATOR_API_VERSION } from './openapi.js'

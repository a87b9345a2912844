/**
 * Local Qualytics API simulator: the public API shared by tests, the demo
 * and the benchmarks. Start one with `QualyticsSimulator.start(scenario)`.
 */
export type {
  AssetType,
  ChaosConfig,
  EndpointKey,
  ExportBehaviour,
  Landing,
  OperationResult,
  RateTable,
  RequestRecord,
  Scenario,
  SeedOperation,
  SimDatastore,
  SimOperation
} from './types.js'
export { ManualClock, systemClock, type Clock } from './clock.js'
export type { Answer } from './http.js'
export { QualyticsSimulator, type SimulatorOptions } from './server.js'
export {
  DEFAULT_TOKEN,
  DEMO_WARNING,
  demoScenario,
  READ_ONLY_TOKEN,
  simToken
} from './scenario.js'
export {
  ABORT_DELAY_MS,
  DEFAULT_QUEUED_MS,
  DEFAULT_ABORT_MESSAGE,
  DEFAULT_FAILURE_MESSAGE
} from './operations.js'
export { DEFAULT_BEHAVIOUR } from './routes.js'
export { mulberry32 } from './random.js'
export {
  drawAround,
  historyAround,
  peakPerSecond,
  SlidingLimiter,
  type HistoryShape
} from './history.js'
export { expectedSelection, FLEET_TAGS, generateFleet } from './fleet.js'
export { STALE_AGE_MS, tableName } from './landing.js'
export {
  EXPORT_COLUMNS,
  rowTime,
  warehouseTime,
  type RowTimeForm
} from './export-rows.js'
export { SIMULATOR_API_VERSION } from './openapi.js'

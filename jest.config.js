/**
 * Jest in ESM mode; ts-jest transpiles only (tsc does the type checking).
 * Two projects: `unit` runs code in-process (against the simulator on a
 * virtual clock where time matters), `blackbox` spawns what a user runs (the
 * bundles, the simulator's and the repository's scripts). `npx jest
 * --selectProjects unit` skips building the bundle.
 */
const shared = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }]
  }
}

export default {
  collectCoverageFrom: ['src/**/*.ts', 'simulator/**/*.ts'],
  testTimeout: 30000,
  // The black-box suites mostly wait on child processes, so a worker per
  // core (jest's default leaves one core idle) keeps both busy.
  maxWorkers: '100%',
  projects: [
    {
      ...shared,
      displayName: 'unit',
      roots: ['<rootDir>/__tests__'],
      testMatch: ['<rootDir>/__tests__/*.test.ts']
    },
    {
      ...shared,
      displayName: 'blackbox',
      roots: ['<rootDir>/__tests__/blackbox'],
      testMatch: ['<rootDir>/__tests__/blackbox/*.test.ts'],
      // The bundle of the source under test, built once per state of the
      // source (scripts/bundle.mjs cachedBundle), and the Node 24 binary.
      globalSetup: '<rootDir>/__tests__/helpers/bundle-setup.mjs'
    }
  ]
}

/** Jest in ESM mode; ts-jest transpiles only (tsc does the type checking). */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }]
  },
  collectCoverageFrom: ['src/**/*.ts', 'simulator/**/*.ts'],
  // The black-box tests run a bundle of the source under test, built here
  // once per state of the source (scripts/bundle.mjs cachedBundle).
  globalSetup: '<rootDir>/__tests__/helpers/bundle-setup.mjs',
  testTimeout: 30000,
  // Most suites spend their time waiting on a spawned action and the
  // simulator, not computing: three workers keep two cores busy.
  maxWorkers: 3
}

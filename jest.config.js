// @ts-check
/**
 * Every test runs against real PostgreSQL: one embedded server for the run (global setup), a
 * fresh database per test file, so files run in parallel without sharing state. Plain JavaScript,
 * so starting jest does not first compile its configuration.
 */
/** @type {import('jest').Config} */
const config = {
  testEnvironment: 'node',
  roots: ['<rootDir>/subgraphs', '<rootDir>/gateway', '<rootDir>/test', '<rootDir>/scripts'],
  testMatch: ['**/*.spec.ts', '**/*.test.ts'],
  transform: {
    // Types are checked once by `tsc` in `npm test`; here each file is only transpiled.
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
  },
  // The package's `imports` aliases, pointed at the sources instead of dist/.
  moduleNameMapper: {
    '^#platform/(.*)$': '<rootDir>/subgraphs/platform/src/$1',
    '^#contracts/(.*)$': '<rootDir>/subgraphs/$1/src/contract',
  },
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  setupFiles: ['reflect-metadata'],
  testTimeout: 60_000,
  maxWorkers: 2,
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.data/'],
};

module.exports = config;

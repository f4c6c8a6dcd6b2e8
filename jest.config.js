// @ts-check
/**
 * Every test runs against real PostgreSQL: one embedded server for the run (global setup), a
 * fresh database per test file, so files run in parallel without sharing state.
 *
 * Jest finds the `.ts` test files; test/runner/runner.mjs runs the JavaScript `tsc` emitted for
 * each (types are checked once, by `npm test`'s checks), in two long-lived worker processes that
 * load each module once for all the files they run. Plain JavaScript, so starting jest compiles
 * nothing.
 */
/** @type {import('jest').Config} */
const config = {
  roots: ['<rootDir>/subgraphs', '<rootDir>/gateway', '<rootDir>/test', '<rootDir>/scripts'],
  testMatch: ['**/*.spec.ts', '**/*.test.ts'],
  runner: '<rootDir>/test/runner/runner.mjs',
  globalSetup: '<rootDir>/dist/test/support/global-setup.js',
  globalTeardown: '<rootDir>/dist/test/support/global-teardown.js',
  setupFiles: ['reflect-metadata'],
  setupFilesAfterEnv: ['<rootDir>/dist/test/runner/setup.js'],
  maxWorkers: 2,
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.data/'],
};

module.exports = config;

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  testMatch: ["**/*.test.ts"],
  // Transpile only: each worker type-checking every test and source file it loads cost
  // minutes on two cores. Types are still checked, once, by `pretest` (tsc -p tsconfig.json
  // covers tests/ too).
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.unit.json" }] },
  setupFiles: ["reflect-metadata"],
  testTimeout: 60000,
  // End-to-end suites start real processes; two workers match the two cores we plan for.
  maxWorkers: 2,
  // One graph per database target for the suites that call sharedGraph() (tests/helpers/sharedGraph.ts).
  globalSetup: "<rootDir>/tests/helpers/sharedGraphSetup.ts",
  globalTeardown: "<rootDir>/tests/helpers/sharedGraphTeardown.ts",
};

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json", isolatedModules: false }] },
  setupFiles: ["reflect-metadata"],
  testTimeout: 60000,
  // End-to-end suites start real processes; two workers match the two cores we plan for.
  maxWorkers: 2,
};

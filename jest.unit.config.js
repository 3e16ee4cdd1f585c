/**
 * The fast part of the suite: in-process unit tests of pure logic under tests/unit (no
 * build, no processes, no ports). `npm run test:unit`; `npm test` runs these too.
 * isolatedModules: transpile only, so a run takes seconds (`npm run build` type-checks).
 */
const base = require("./jest.config.js");

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  roots: ["<rootDir>/tests/unit"],
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.unit.json" }] },
  testTimeout: 10000,
  // Unit tests start no processes: no shared graph.
  globalSetup: undefined,
  globalTeardown: undefined,
};

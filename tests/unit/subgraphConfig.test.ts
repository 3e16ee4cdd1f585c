import path from "node:path";
import { readDatabaseConfig, readSubgraphConfig } from "../../subgraphs/kit/subgraphConfig";
import { readCustomersConfig } from "../../subgraphs/customers/config";
import { readSecurityConfig } from "../../subgraphs/security/config";

describe("subgraph configuration, validated once at start", () => {
  it("gives the documented defaults when nothing is set", () => {
    const config = readSubgraphConfig({}, 4003);
    expect(config).toMatchObject({ port: 4003, production: false, internalKeys: undefined });
    expect(config.database).toEqual({ databaseUrl: undefined, dataDir: path.resolve("data"), schemaPrefix: "", poolSize: 10 });
    expect(readCustomersConfig({})).toMatchObject({ sourcesPollMs: 1000, surveyWindowDays: 30 });
    expect(readCustomersConfig({}).sourcesPath).toBe(path.resolve(__dirname, "..", "..", "schema", "customer360-sources.yaml"));
    expect(readSecurityConfig({})).toEqual({ verificationMinutes: 15 });
  });

  it("reads what is set", () => {
    const config = readSubgraphConfig({ PORT: "0", NODE_ENV: "production", INTERNAL_JWKS_FILE: "/k/jwks.json", DATABASE_URL: "postgres://u@h/db", DATA_DIR: "/tmp/d", DB_SCHEMA_PREFIX: "t1_", PG_POOL_SIZE: "3" }, 4003);
    expect(config).toMatchObject({ port: 0, production: true, internalKeys: { jwksFile: "/k/jwks.json" } });
    expect(config.database).toEqual({ databaseUrl: "postgres://u@h/db", dataDir: "/tmp/d", schemaPrefix: "t1_", poolSize: 3 });
    expect(readSubgraphConfig({ INTERNAL_JWKS_URL: "http://gw/jwks", INTERNAL_JWKS_FILE: "/k" }, 1).internalKeys).toEqual({ jwksUrl: "http://gw/jwks" });
    expect(readCustomersConfig({ CUSTOMER360_SOURCES: "x.yaml", SURVEY_WINDOW_DAYS: "7" })).toMatchObject({ sourcesPath: path.resolve("x.yaml"), surveyWindowDays: 7 });
    expect(readSecurityConfig({ VERIFICATION_MINUTES: "0.5" }).verificationMinutes).toBe(0.5);
  });

  it.each([
    [{ PORT: "abc" }, 'PORT must be a whole number from 0 to 65535, got "abc"'],
    [{ PORT: "70000" }, 'PORT must be a whole number from 0 to 65535, got "70000"'],
    [{ PG_POOL_SIZE: "0" }, 'PG_POOL_SIZE must be a whole number from 1 to 1000, got "0"'],
    [{ DATABASE_URL: "mysql://h/db" }, 'DATABASE_URL must be a postgres:// or postgresql:// URL (unset for SQLite), got "mysql://h/db"'],
    [{ DB_SCHEMA_PREFIX: "a-b" }, 'DB_SCHEMA_PREFIX may hold only letters, digits and _, got "a-b"'],
    [{ INTERNAL_JWKS_URL: "file:///k" }, 'INTERNAL_JWKS_URL must be an http(s) URL, got "file:///k"'],
  ])("refuses %j naming the value", (env, message) => {
    expect(() => readSubgraphConfig(env, 4001)).toThrow(message);
  });

  it("refuses a subgraph's own bad values, naming them", () => {
    expect(() => readCustomersConfig({ SURVEY_WINDOW_DAYS: "-1" })).toThrow('SURVEY_WINDOW_DAYS must be a whole number from 0 to 3650, got "-1"');
    expect(() => readCustomersConfig({ CUSTOMER360_SOURCES_POLL_MS: "fast" })).toThrow('CUSTOMER360_SOURCES_POLL_MS must be a whole number from 10 to 3600000, got "fast"');
    expect(() => readSecurityConfig({ VERIFICATION_MINUTES: "0" })).toThrow('VERIFICATION_MINUTES must be a number above 0, got "0"');
    expect(() => readDatabaseConfig({ PG_POOL_SIZE: "1.5" })).toThrow("PG_POOL_SIZE");
  });
});

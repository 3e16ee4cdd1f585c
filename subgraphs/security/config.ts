import { positiveNumberSetting } from "../kit/subgraphConfig";

/**
 * The security subgraph's own options (README "Configuration"), read and validated once at
 * start by the definition's `configure`. Environment variable in brackets.
 */
export interface SecurityConfig {
  /** [VERIFICATION_MINUTES] default 15 (fractions allowed): how long a passed verification lets a caller see detail. */
  verificationMinutes: number;
}

export function readSecurityConfig(env: NodeJS.ProcessEnv): SecurityConfig {
  return { verificationMinutes: positiveNumberSetting(env, "VERIFICATION_MINUTES", 15) };
}

let current: SecurityConfig | undefined;

export function useSecurityConfig(config: SecurityConfig): void {
  current = config;
}

/** The options the process started with; before start, the defaults. */
export function securityConfig(): SecurityConfig {
  return (current ??= readSecurityConfig({}));
}

/** Bad usage of a script (unknown option, missing value): scripts print it with their usage and exit 2. */
export class UsageError extends Error {}

/**
 * `--flag value` and `--flag=value` options of a script, each from `options`; anything else is
 * a UsageError naming it. One parser for every script (check, partner:register, partner:new).
 */
export function parseOptions<O extends string>(args: string[], options: readonly O[]): Partial<Record<O, string>> {
  const values: Partial<Record<O, string>> = {};
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i].includes("=") ? [args[i].slice(0, args[i].indexOf("=")), args[i].slice(args[i].indexOf("=") + 1)] : [args[i], undefined];
    if (!(options as readonly string[]).includes(flag)) throw new UsageError(`unknown argument "${args[i]}"`);
    const value = inline ?? args[++i];
    if (!value || value.startsWith("--")) throw new UsageError(`${flag} needs a value`);
    values[flag as O] = value;
  }
  return values;
}

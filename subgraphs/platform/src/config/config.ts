import { cleanEnv, makeValidator, type CleanedEnv, type ValidatorSpec } from 'envalid';

/** Thrown when the environment holds a bad value; the message names every bad variable. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/**
 * Validates environment variables against a spec. Unlike envalid's default reporter, which
 * exits the process, this throws, so tests and the start script can report it their own way.
 */
export function loadConfig<S extends Record<string, ValidatorSpec<unknown>>>(
  specs: S,
  env: NodeJS.ProcessEnv = process.env,
): CleanedEnv<S> {
  return cleanEnv(env, specs, {
    reporter: ({ errors }) => {
      const problems = Object.entries(errors).map(([name, error]) => `  ${name}: ${(error as Error).message}`);
      if (problems.length > 0) {
        throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);
      }
    },
  });
}

/** An integer of at least 1, e.g. a pool size or a limit. */
export const positiveInt = makeValidator<number>((input) => {
  const value = Number(input);
  if (!/^\s*\d+\s*$/.test(String(input)) || !Number.isSafeInteger(value) || value < 1) {
    throw new Error(`must be a positive integer, got "${input}"`);
  }
  return value;
});

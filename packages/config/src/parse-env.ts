import type { z } from 'zod';

/** The environment is not usable: the message names each variable at fault and why. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Variables whose value never appears in a message. */
const SECRET = /SECRET|TOKEN|PASSWORD|DATABASE_URL|REDIS_URL/;

/**
 * Parses `env` with a process's schema. Throws a `ConfigError` listing every variable at fault:
 * "collab-server: PORT must be an integer between 0 and 65535, got "x"".
 */
export function parseEnv<Schema extends z.ZodObject>(
  processName: string,
  schema: Schema,
  env: Record<string, string | undefined>,
): z.output<Schema> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const variable = String(issue.path[0] ?? '(environment)');
    const raw = env[variable];
    const shown = raw === undefined || SECRET.test(variable) ? '' : `, got "${raw}"`;
    return `${variable} ${issue.message}${shown}`;
  });
  throw new ConfigError(`${processName}: ${problems.join('; ')}`);
}

/**
 * A process's configuration, parsed once per environment: it is parsed again only when one of the
 * schema's variables changed (tests change `process.env` between calls; a running server never
 * does, so it parses once, at start).
 */
export function configReader<Schema extends z.ZodObject>(
  processName: string,
  schema: Schema,
): (env?: Record<string, string | undefined>) => z.output<Schema> {
  const variables = Object.keys(schema.shape);
  let lastKey: string | undefined;
  let last: z.output<Schema> | undefined;
  return (env = process.env) => {
    const key = JSON.stringify(variables.map((name) => env[name] ?? null));
    if (last === undefined || key !== lastKey) {
      last = parseEnv(processName, schema, env);
      lastKey = key;
    }
    return last;
  };
}

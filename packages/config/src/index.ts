export { appEnv, type AppEnv } from './app-env.js';
export { collabServerEnv, type CollabServerEnv } from './collab-server-env.js';
export { ConfigError, configReader, parseEnv } from './parse-env.js';
export { startEnv, type StartEnv } from './start-env.js';
export { MIN_SECRET_LENGTH } from './variables.js';

import { appEnv } from './app-env.js';
import { collabServerEnv } from './collab-server-env.js';
import { startEnv } from './start-env.js';

/** Every variable some process reads, for the README check. */
export function knownVariables(): string[] {
  const names = new Set([
    ...Object.keys(appEnv.shape),
    ...Object.keys(collabServerEnv.shape),
    ...Object.keys(startEnv.shape),
  ]);
  return [...names].sort();
}

import { appEnv, configReader, type AppEnv } from '@prozesswerkstatt/config';

export type { AppEnv };

/**
 * The app's configuration, from its environment by the app's schema (`@prozesswerkstatt/config`,
 * listed in the README). Checked at start (`init` in `hooks.server.ts`: a bad value stops the
 * process with a `ConfigError` naming the variable); parsed again only when a variable of the
 * schema changed, which only tests do.
 */
export const appConfig: () => AppEnv = configReader('app', appEnv);

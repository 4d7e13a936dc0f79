import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * One run for every Node-side test. Packages resolve to their TypeScript sources through the
 * `source` export condition, so tests never need a build first.
 */
export default defineConfig({
  resolve: {
    conditions: ['prozesswerkstatt-source'],
    // The app's `$lib` alias (SvelteKit's), so server modules tested here may use it too.
    alias: { $lib: fileURLToPath(new URL('./app/src/lib', import.meta.url)) },
  },
  ssr: {
    resolve: {
      conditions: ['prozesswerkstatt-source'],
      externalConditions: ['prozesswerkstatt-source'],
    },
  },
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'collab-server/src/**/*.test.ts',
      'tests/{server,fuzz,helpers}/**/*.test.ts',
      'app/src/**/*.test.ts',
      'app/src/lib/{board,collab,richtext}/**/*.test.ts',
      'scripts/**/*.test.ts',
    ],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});

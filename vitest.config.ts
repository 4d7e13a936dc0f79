import { defineConfig } from 'vitest/config';

/**
 * One run for every Node-side test. Packages resolve to their TypeScript sources through the
 * `source` export condition, so tests never need a build first.
 */
export default defineConfig({
  resolve: { conditions: ['prozesswerkstatt-source'] },
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

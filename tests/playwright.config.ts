import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { APP_ORIGIN, APP_PORT, COLLAB_PORT } from './e2e/helpers/ports.js';

// A fresh data folder (SQLite file and generated collab secret) per run. Set once in the main
// process; the workers inherit it, so helpers can reach the same database (see helpers/database.ts).
process.env['PW_E2E_DATA_DIR'] ??= path.join(tmpdir(), `prozesswerkstatt-e2e-${Date.now()}`);

export default defineConfig({
  testDir: './e2e',
  // Deletes the data folder afterwards (set PW_E2E_KEEP_DATA=1 to keep it for a look).
  globalTeardown: './e2e/helpers/global-teardown.ts',
  // Specs keep to their own accounts and plans, so files may run side by side (PW_WORKERS=2), but
  // on the 2-core CI machine two workers starved the browser and 5 of 85 tests hit their timeout.
  workers: Number(process.env['PW_WORKERS'] ?? 1),
  fullyParallel: false,
  forbidOnly: !!process.env['CI'],
  retries: 0,
  reporter: process.env['CI'] ? 'line' : 'list',
  timeout: 30_000,
  use: {
    baseURL: APP_ORIGIN,
    browserName: 'chromium',
    trace: 'retain-on-failure',
    // Debian's chromium (never `playwright install`); flags keep it off the network.
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  // The BUILT product, started the way the README starts it (app + collab-server through
  // scripts/start.mjs; build it first: `pnpm build`). COLLAB_AUTH_SECRET stays unset, so the
  // script generates it into the data folder, as on a first real start.
  webServer: [
    {
      command: 'node ../scripts/start.mjs',
      url: `${APP_ORIGIN}/healthz`,
      reuseExistingServer: false,
      timeout: 30_000,
      env: {
        HOST: '127.0.0.1',
        PORT: String(APP_PORT),
        COLLAB_PORT: String(COLLAB_PORT),
        ORIGIN: APP_ORIGIN,
        DATA_DIR: process.env['PW_E2E_DATA_DIR'],
        COLLAB_AUTH_SECRET: '',
        LOG_LEVEL: 'warn',
        // Automatic checkpoints after 2 s of editing instead of 10 min, so versions.spec sees them.
        COLLAB_CHECKPOINT_INTERVAL_MS: '2000',
        // Every spec registers its accounts from 127.0.0.1; the per-address limit is not their subject.
        REGISTRATION_LIMIT_PER_HOUR: '100000',
      },
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});

import { defineConfig } from '@playwright/test';

/** Port of the app under test; away from the defaults (3000 app, 1234 collab, 5173 vite dev). */
const APP_PORT = 3100;
const APP_ORIGIN = `http://127.0.0.1:${APP_PORT}`;

export default defineConfig({
  testDir: './e2e',
  workers: 1,
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
  // The BUILT app, started the way the README tells users to (build it first: `pnpm build`).
  webServer: [
    {
      command: 'node ../app/build',
      url: `${APP_ORIGIN}/healthz`,
      reuseExistingServer: false,
      timeout: 30_000,
      env: { HOST: '127.0.0.1', PORT: String(APP_PORT), ORIGIN: APP_ORIGIN },
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});

/**
 * After a restart of both servers (app and collab-server, as `scripts/start.mjs` runs them), the
 * plan is intact. This spec starts its own instance on other ports with its own data folder, so
 * it can stop and start it; the shared web server of the other specs keeps running.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { createPlan } from './helpers/plans.js';
import {
  guardPage,
  phaseTitles,
  stakeholderNames,
  waitConnected,
  waitStored,
} from './board-helpers.js';
import { fillLogin } from './helpers/accounts.js';
import { APP_PORT } from './helpers/ports.js';

// Beside the shared instance's ports (PW_APP_PORT moves both), so two checkouts can run this too.
const PORT = APP_PORT + 10;
const COLLAB_PORT = PORT + 1;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const START = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../scripts/start.mjs');

/** Starts app + collab-server on this spec's ports and waits until the app answers. */
async function startServers(dataDir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [START], {
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(PORT),
      COLLAB_PORT: String(COLLAB_PORT),
      ORIGIN,
      DATA_DIR: dataDir,
      COLLAB_AUTH_SECRET: '',
      LOG_LEVEL: 'warn',
    },
    stdio: 'ignore',
  });
  await expect
    .poll(
      async () => {
        try {
          return (await fetch(`${ORIGIN}/healthz`)).ok;
        } catch {
          return false;
        }
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  return child;
}

/** Stops the servers (SIGTERM: the collab-server stores what it has, then exits). */
async function stopServers(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

async function registerFirst(page: Page): Promise<void> {
  await page.goto('/register');
  await page.getByLabel('E-Mail-Adresse').fill('first@restart.example');
  await page.getByLabel('Name (für andere sichtbar)').fill('Rita Restart');
  await page.getByLabel('Passwort').fill('restart-password-long');
  await page.getByRole('button', { name: 'Konto anlegen' }).click();
  await expect(page.getByText('Angemeldet als Rita Restart.')).toBeVisible();
}

test.use({ baseURL: ORIGIN });

test('the plan is intact after both servers restart', async ({ browser, page }) => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'prozesswerkstatt-restart-'));
  let servers = await startServers(dataDir);
  try {
    await registerFirst(page);
    const planId = await createPlan(page, 'Neustart', 'Bezirksamt Lichtenberg');
    await waitConnected(page);
    await page.getByRole('button', { name: 'Beteiligte hinzufügen' }).click();
    await page.keyboard.type('Kiezbeirat');
    await page.getByRole('button', { name: 'Phase hinzufügen' }).click();
    await page.keyboard.type('Bestandsaufnahme');
    await page.getByRole('textbox', { name: 'Anlass', exact: true }).click();
    await page.keyboard.type('Sanierung des Platzes');
    // Leave the board before stopping, so no reconnect attempt hits a stopped server; but only
    // once the server has the edits (the restart is the subject, not a lost last keystroke).
    await waitStored(page, planId, ['Kiezbeirat', 'Bestandsaufnahme', 'Sanierung des Platzes']);
    await page.goto('/');

    await stopServers(servers);
    servers = await startServers(dataDir);

    // A fresh context has no offline copy: what it shows comes from the restarted server.
    const fresh = await browser.newContext({ baseURL: ORIGIN });
    const reader = await fresh.newPage();
    const check = guardPage(reader, 'after restart');
    await reader.goto('/login');
    await fillLogin(reader, { email: 'first@restart.example', password: 'restart-password-long' });
    await expect(reader.getByText('Angemeldet als Rita Restart.')).toBeVisible();
    await reader.goto(`/plans/${planId}`);
    await waitConnected(reader);
    await expect(stakeholderNames(reader).first()).toHaveValue('Kiezbeirat');
    await expect(phaseTitles(reader).first()).toHaveValue('Bestandsaufnahme');
    await expect(reader.getByRole('textbox', { name: 'Anlass', exact: true })).toHaveText(
      'Sanierung des Platzes',
    );
    await fresh.close();
    check();
  } finally {
    await stopServers(servers);
    rmSync(dataDir, { recursive: true, force: true });
  }
});

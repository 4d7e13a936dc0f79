#!/usr/bin/env node
// Development: the collab-server from its last build (collab-server/dist), Paraglide recompiling
// the message catalog on change, and `vite dev` for the app with hot reload. Same environment as
// scripts/start.mjs, but the app port defaults to 5173. Rebuild the collab-server with
// `pnpm build` (or `tsc -b collab-server`) when you change it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import {
  COLLAB_MAIN,
  ROOT,
  collabEnv,
  resolveSettings,
  runTogether,
  whenReachable,
} from './start.mjs';

const APP_DIR = path.join(ROOT, 'app');
const PARAGLIDE = path.join(APP_DIR, 'node_modules', '@inlang', 'paraglide-js', 'bin', 'run.js');
const VITE = path.join(APP_DIR, 'node_modules', 'vite', 'bin', 'vite.js');
const PARAGLIDE_ARGS = [
  'compile',
  '--project',
  './project.inlang',
  '--outdir',
  './src/lib/paraglide',
  '--strategy',
  'url',
  'cookie',
  'baseLocale',
];

if (!existsSync(COLLAB_MAIN)) {
  console.error(`[dev] ${path.relative(ROOT, COLLAB_MAIN)} is missing: run \`pnpm build\` first`);
  process.exit(1);
}

// Compile the catalog once before Vite starts, so the first page load finds the messages.
const first = spawnSync(process.execPath, [PARAGLIDE, ...PARAGLIDE_ARGS], {
  cwd: APP_DIR,
  stdio: 'inherit',
});
if (first.status !== 0) process.exit(first.status ?? 1);
const verified = spawnSync(
  process.execPath,
  [path.join(APP_DIR, 'scripts', 'verify-catalog.mjs')],
  {
    stdio: 'inherit',
  },
);
if (verified.status !== 0) process.exit(verified.status ?? 1);

const s = resolveSettings({ defaultPort: '5173' });
runTogether([
  { name: 'collab-server', command: process.execPath, args: [COLLAB_MAIN], env: collabEnv(s) },
  {
    name: 'paraglide',
    command: process.execPath,
    args: [PARAGLIDE, ...PARAGLIDE_ARGS, '--watch', '--silent'],
    cwd: APP_DIR,
    env: process.env,
  },
  {
    name: 'app (vite dev)',
    command: process.execPath,
    args: [VITE, 'dev', '--host', s.host, '--port', s.port, '--strictPort'],
    cwd: APP_DIR,
    // After the collab-server has migrated the database (see start.mjs).
    after: `http://${s.browserHost}:${s.collabPort}/healthz`,
    env: {
      ...process.env,
      COLLAB_AUTH_SECRET: s.collabSecret,
      COLLAB_URL: s.collabUrl,
    },
  },
]);
void whenReachable(`http://${s.browserHost}:${s.port}/healthz`, () => {
  console.log(`\nProzesswerkstatt (dev) is running: open http://${s.browserHost}:${s.port}\n`);
});

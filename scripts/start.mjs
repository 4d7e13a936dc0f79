#!/usr/bin/env node
// Runs the built Prozesswerkstatt: the collab-server and the SvelteKit app (adapter-node), side by
// side, until Ctrl-C or until one of them dies. Run by `pnpm start` after `pnpm build`.
//
// Environment (all optional; checked by `startEnv` of @prozesswerkstatt/config, which refuses a bad
// value naming the variable):
//   HOST                 interface both servers listen on (default 127.0.0.1)
//   PORT                 app port (default 3000)
//   ORIGIN               public URL of the app (default http://127.0.0.1:3000; SvelteKit needs it
//                        behind plain http for its CSRF check)
//   COLLAB_PORT          collab-server port (default 1234)
//   DATA_DIR             data folder (default ./data); holds the SQLite file and the secret below
//   DATABASE_URL         passed through to the collab-server (PostgreSQL instead of SQLite)
//   COLLAB_INTERNAL_URL  where the app reaches the collab-server's internal HTTP API (default
//                        http://<host>:<COLLAB_PORT>)
//   COLLAB_AUTH_SECRET   key the app signs collab tokens with and the collab-server verifies them
//                        with; if unset, read from (or generated once into) DATA_DIR/collab-auth-secret
//   COLLAB_ALLOWED_ORIGINS  origins whose pages may open WebSockets (default: ORIGIN)
//   COLLAB_METRICS_TOKEN bearer token for the collab-server's /metrics (default: loopback only)
//   BODY_SIZE_LIMIT      largest request body the app accepts (default 8M: a plan import may be
//                        5 MB; adapter-node's own default of 512K would refuse it unexplained)
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseEnv, startEnv } from '@prozesswerkstatt/config';

/** Repository root (this file lives in `<root>/scripts`). */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Built collab-server entry point (written by `tsc -b collab-server`). */
export const COLLAB_MAIN = path.join(ROOT, 'collab-server', 'dist', 'main.js');

/** Name of the file in DATA_DIR that keeps the generated collab secret across restarts. */
export const SECRET_FILE_NAME = 'collab-auth-secret';

/** Time a child gets after SIGTERM/SIGINT before it is killed, in milliseconds. */
const KILL_AFTER_MS = 5000;

/**
 * Returns COLLAB_AUTH_SECRET from the environment or, if absent, the secret stored in
 * `<dataDir>/collab-auth-secret`, generating it once (32 random bytes, base64url, mode 0600).
 * @param {string} dataDir absolute data folder
 * @param {string | undefined} fromEnv the variable, checked by `startEnv`
 * @returns {string}
 */
export function resolveCollabSecret(dataDir, fromEnv) {
  if (fromEnv !== undefined) return fromEnv;

  const file = path.join(dataDir, SECRET_FILE_NAME);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (!existsSync(file)) {
    try {
      // 'wx' fails if another process created the file meanwhile; then we read theirs.
      writeFileSync(file, `${randomBytes(32).toString('base64url')}\n`, {
        flag: 'wx',
        mode: 0o600,
      });
      console.log(`[start] generated a collab secret in ${file}`);
    } catch (error) {
      if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EEXIST') throw error;
    }
  }
  if ((statSync(file).mode & 0o077) !== 0) {
    console.warn(`[start] warning: ${file} is readable by other users; run chmod 600 on it`);
  }
  const secret = readFileSync(file, 'utf8').trim();
  if (secret === '') {
    throw new Error(`resolveCollabSecret: ${file} is empty; delete it to generate a new secret`);
  }
  return secret;
}

/**
 * Runs the given child processes until one exits or this process gets SIGINT/SIGTERM, then stops
 * the others (SIGTERM, SIGKILL after 5 s) and exits: 0 after a requested stop, 1 when a child
 * died on its own. A spec with `after` starts once that URL answers (1 when it never does).
 * @param {{ name: string, command: string, args: string[], cwd?: string, env: NodeJS.ProcessEnv, after?: string }[]} specs
 * @returns {import('node:child_process').ChildProcess[]} the children started so far
 */
export function runTogether(specs) {
  let stopping = false;
  let exitCode = 0;
  let pending = specs.filter((spec) => spec.after !== undefined).length;
  /** @type {import('node:child_process').ChildProcess[]} */
  const children = [];

  /** @param {(typeof specs)[number]} spec */
  function start(spec) {
    const child = spawn(spec.command, spec.args, {
      cwd: spec.cwd ?? ROOT,
      env: spec.env,
      stdio: 'inherit',
    });
    child.on('error', (error) => {
      console.error(`[start] could not start ${spec.name}: ${error.message}`);
      stop(1, 'SIGTERM');
    });
    child.on('exit', (code, signal) => {
      if (!stopping) {
        console.error(`[start] ${spec.name} exited (${signal ?? `code ${code}`}); stopping`);
        stop(1, 'SIGTERM');
      }
      exitWhenAllStopped();
    });
    children.push(child);
  }

  function exitWhenAllStopped() {
    const running = children.some((c) => c.exitCode === null && c.signalCode === null);
    if (!running && (stopping || pending === 0)) process.exit(exitCode);
  }

  /**
   * @param {number} code
   * @param {NodeJS.Signals} signal
   */
  function stop(code, signal) {
    if (stopping) return;
    stopping = true;
    exitCode = code;
    for (const child of children) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    }
    setTimeout(() => {
      for (const child of children) {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      }
    }, KILL_AFTER_MS).unref();
    exitWhenAllStopped();
  }

  for (const spec of specs) {
    if (spec.after === undefined) {
      start(spec);
      continue;
    }
    const after = spec.after;
    void whenReachable(
      after,
      () => {
        pending -= 1;
        if (!stopping) start(spec);
      },
      60_000,
      () => {
        pending -= 1;
        console.error(`[start] ${after} did not answer; ${spec.name} not started`);
        stop(1, 'SIGTERM');
      },
    );
  }

  for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
    process.on(signal, () => stop(0, signal));
  }
  return children;
}

/**
 * Polls `url` until it answers 2xx, then calls `onReady`; after `timeoutMs` calls `onTimeout`
 * (by default nothing: the child's own output then says what went wrong).
 * @param {string} url
 * @param {() => void} onReady
 * @param {number} [timeoutMs]
 * @param {() => void} [onTimeout]
 */
export async function whenReachable(url, onReady, timeoutMs = 30_000, onTimeout = () => {}) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) {
        onReady();
        return;
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  onTimeout();
}

/**
 * The settings both scripts share, from the environment checked once by `startEnv`; a bad value
 * ends the script with a message naming the variable.
 * @param {{ defaultPort: string }} options
 */
export function resolveSettings({ defaultPort }) {
  let config;
  try {
    config = parseEnv('start', startEnv, process.env);
  } catch (error) {
    console.error(`[start] ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
  const host = config.HOST;
  const port = String(config.PORT ?? defaultPort);
  const collabPort = String(config.COLLAB_PORT);
  const dataDir = path.resolve(config.DATA_DIR);
  const browserHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  const origin = config.ORIGIN ?? `http://${browserHost}:${port}`;
  const collabSecret = resolveCollabSecret(dataDir, config.COLLAB_AUTH_SECRET);
  const collabUrl = config.COLLAB_URL ?? `ws://${browserHost}:${collabPort}`;
  return { config, host, port, collabPort, dataDir, origin, browserHost, collabSecret, collabUrl };
}

/** Environment of the collab-server child. @param {ReturnType<typeof resolveSettings>} s */
export function collabEnv(s) {
  return {
    ...process.env,
    HOST: s.host,
    PORT: s.collabPort,
    DATA_DIR: s.dataDir,
    COLLAB_AUTH_SECRET: s.collabSecret,
    // Only pages of the app may open WebSockets (the collab-server refuses other Origins).
    COLLAB_ALLOWED_ORIGINS: s.config.COLLAB_ALLOWED_ORIGINS ?? s.origin,
  };
}

function main() {
  const appBuild = path.join(ROOT, 'app', 'build', 'handler.js');
  for (const file of [COLLAB_MAIN, appBuild]) {
    if (!existsSync(file)) {
      console.error(`[start] ${path.relative(ROOT, file)} is missing: run \`pnpm build\` first`);
      process.exit(1);
    }
  }

  const s = resolveSettings({ defaultPort: '3000' });
  runTogether([
    { name: 'collab-server', command: process.execPath, args: [COLLAB_MAIN], env: collabEnv(s) },
    {
      name: 'app',
      command: process.execPath,
      // adapter-node's handler in our server, which adds `nosniff` to static assets too.
      args: [path.join(ROOT, 'app', 'server', 'index.js')],
      // After the collab-server has migrated the database and listens: two processes migrating
      // a new SQLite file at once collide (Kysely's lock holds within one process only).
      after: `http://${s.browserHost}:${s.collabPort}/healthz`,
      env: {
        ...process.env,
        HOST: s.host,
        PORT: s.port,
        ORIGIN: s.origin,
        // The same data folder as the collab-server (absolute: the app must find the same SQLite
        // file and secret whatever its working directory).
        DATA_DIR: s.dataDir,
        COLLAB_AUTH_SECRET: s.collabSecret,
        BODY_SIZE_LIMIT: s.config.BODY_SIZE_LIMIT ?? '8M',
        // Where browsers reach the collab-server; handed to the board with each collab token.
        COLLAB_URL: s.collabUrl,
        // Where the app itself calls the collab-server's internal API (versions, restore, status).
        COLLAB_INTERNAL_URL:
          s.config.COLLAB_INTERNAL_URL ?? `http://${s.browserHost}:${s.collabPort}`,
      },
    },
  ]);
  void whenReachable(`http://${s.browserHost}:${s.port}/healthz`, () => {
    console.log(`\nProzesswerkstatt is running: open ${s.origin}\n`);
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();

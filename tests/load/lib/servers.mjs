// The servers under test, each started as its own child process on a free 127.0.0.1 port.
// A launcher returns a RunningServer; scenarios only use that interface, so adding a server kind
// (e.g. two collab-servers behind Redis) means adding one launcher here.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { SignJWT } from 'jose';
import { spawnNode, stopChild } from './children.mjs';
import { readCpuMs, readMemory } from './proc.mjs';

const HOST = '127.0.0.1';

/**
 * @typedef {object} RunningServer
 * @property {string} kind `ours` or `reference`
 * @property {string} label human-readable name for tables
 * @property {number} pid
 * @property {(docName: string, user: string) => Promise<string>} connectUrl WebSocket URL for one
 *   client of `docName` (with a signed token where the server wants one)
 * @property {() => { rssMb: number, peakRssMb: number } | null} memory
 * @property {() => number | null} cpuMs
 * @property {() => Promise<string | null>} metrics Prometheus text, or null if not offered
 * @property {() => boolean} alive
 * @property {() => string} outputTail
 * @property {() => Promise<{ code: number | null, signal: string | null }>} stop
 * @property {number} port
 * @property {string} [dataDir] where a persisting server keeps its data
 * @property {string} [secret] token secret (ours), so further instances can share it
 */

/**
 * What every launcher accepts. `dataDir` and `secret` let several instances share one database
 * and one token secret; `seed` fills the data directory before the server starts; `keepDataDir`
 * leaves the directory for the caller to remove.
 *
 * @typedef {object} LaunchOptions
 * @property {string} repoRoot
 * @property {string[]} nodeFlags
 * @property {Record<string, string>} [env]
 * @property {string} [dataDir]
 * @property {string} [secret]
 * @property {(dataDir: string) => Promise<void>} [seed]
 * @property {boolean} [keepDataDir]
 * @property {string} [script] the server's entry (ours; default `collab-server/dist/main.js`)
 */

/** A free TCP port on 127.0.0.1 (released again; a tiny race we accept for a bench). */
export async function freePort() {
  const probe = createServer();
  await new Promise((resolve, reject) => {
    probe.once('error', reject);
    probe.listen(0, HOST, () => resolve(undefined));
  });
  const address = probe.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise((resolve) => probe.close(() => resolve(undefined)));
  return port;
}

/**
 * Polls `url` until it answers 200, the child exits, or `timeoutMs` passes (a minute: on a shared
 * machine at a load average of 20 a start took longer than 15 s).
 *
 * @param {string} url
 * @param {{ child: import('node:child_process').ChildProcess, outputTail: () => string }} handle
 */
async function waitForHttp(url, handle, timeoutMs = 60_000) {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (handle.child.exitCode !== null || handle.child.signalCode !== null) {
      throw new Error(`server exited during start-up:\n${handle.outputTail()}`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
      await response.arrayBuffer();
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(50);
  }
  throw new Error(`server did not answer ${url} within ${timeoutMs} ms:\n${handle.outputTail()}`);
}

/**
 * Common part of both launchers.
 *
 * @param {object} spec
 * @param {string} spec.kind
 * @param {string} spec.label
 * @param {string[]} spec.args node arguments (script and flags)
 * @param {Record<string, string>} spec.env
 * @param {string} spec.cwd
 * @param {string} spec.readyPath
 * @param {(docName: string, user: string, port: number) => Promise<string>} spec.connectUrl
 * @param {boolean} spec.hasMetrics
 * @param {() => Promise<void>} [spec.cleanup]
 * @param {string} [spec.dataDir]
 * @param {string} [spec.secret]
 * @returns {Promise<RunningServer>}
 */
async function launch(spec) {
  const port = await freePort();
  const handle = spawnNode(spec.args, { ...spec.env, HOST, PORT: String(port) }, spec.cwd);
  const pid = handle.child.pid;
  if (pid === undefined) throw new Error(`could not start ${spec.label}`);
  try {
    await waitForHttp(`http://${HOST}:${port}${spec.readyPath}`, handle);
  } catch (error) {
    await stopChild(handle, 1000);
    await spec.cleanup?.();
    throw error;
  }
  return {
    kind: spec.kind,
    label: spec.label,
    pid,
    port,
    dataDir: spec.dataDir,
    secret: spec.secret,
    connectUrl: (docName, user) => spec.connectUrl(docName, user, port),
    memory: () => readMemory(pid),
    cpuMs: () => readCpuMs(pid),
    async metrics() {
      if (!spec.hasMetrics) return null;
      const response = await fetch(`http://${HOST}:${port}/metrics`, {
        signal: AbortSignal.timeout(5000),
      });
      return response.text();
    },
    alive: () => handle.child.exitCode === null && handle.child.signalCode === null,
    outputTail: handle.outputTail,
    async stop() {
      const result = await stopChild(handle);
      await spec.cleanup?.();
      return result;
    },
  };
}

/**
 * Our collab-server (`collab-server/dist/main.js`) with SQLite in a fresh temporary directory
 * (or the given one, for several instances on one database).
 *
 * @param {LaunchOptions} options
 */
export async function startOurServer({
  repoRoot,
  nodeFlags,
  env = {},
  dataDir,
  secret,
  seed,
  keepDataDir,
  script = 'collab-server/dist/main.js',
}) {
  const ownDir = dataDir === undefined;
  const dir = dataDir ?? (await mkdtemp(join(tmpdir(), 'pw-bench-')));
  const tokenSecret = secret ?? randomBytes(32).toString('hex');
  const key = new TextEncoder().encode(tokenSecret);
  await seed?.(dir);
  return launch({
    kind: 'ours',
    label: 'collab-server (SQLite)',
    args: [...nodeFlags, script],
    env: { LOG_LEVEL: 'warn', ...env, DATA_DIR: dir, COLLAB_AUTH_SECRET: tokenSecret },
    cwd: repoRoot,
    readyPath: '/readyz',
    hasMetrics: true,
    dataDir: dir,
    secret: tokenSecret,
    async connectUrl(docName, user, port) {
      const token = await new SignJWT({ name: user, doc: docName, role: 'editor' })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(user)
        .setExpirationTime('2h')
        .sign(key);
      return `ws://${HOST}:${port}/${docName}?token=${token}`;
    },
    cleanup: () =>
      ownDir && !keepDataDir ? rm(dir, { recursive: true, force: true }) : Promise.resolve(),
  });
}

/**
 * Appends `updates` to `docName` one by one through our storage package (one log entry per
 * update), as the server stores them while they are typed. With `compactEvery`, compacts as the
 * running server does: a compaction starts in the background after that many appends (merging on
 * the merge thread), and the appends go on meanwhile, so edits land while it merges.
 *
 * @param {string} dataDir
 * @param {string} docName
 * @param {Uint8Array[]} updates
 * @param {number} [compactEvery] appends that start a compaction (`COLLAB_COMPACT_AFTER_UPDATES`);
 *   default never
 * @param {boolean} [compactAtEnd] compact once more after the last append, as the server does when
 *   it unloads the document or shuts down gracefully; default not (as a crash leaves the log)
 * @returns {Promise<{ entries: number, appendedWhileMerging: number }>} the log's final length,
 *   and how many appends were stored while a compaction was merging
 */
export async function seedOurs(
  dataDir,
  docName,
  updates,
  compactEvery = Infinity,
  compactAtEnd = false,
) {
  const { openStorage } = await import('@prozesswerkstatt/storage');
  const storage = await openStorage({ dataDir, mergeInWorker: true });
  try {
    /** @type {Promise<unknown> | null} */
    let compacting = null;
    let sinceCompaction = 0;
    let appendedWhileMerging = 0;
    for (const update of updates) {
      await storage.appendUpdates(docName, [update]);
      sinceCompaction += 1;
      if (compacting) appendedWhileMerging += 1;
      else if (sinceCompaction >= compactEvery) {
        sinceCompaction = 0;
        compacting = storage.compact(docName).finally(() => (compacting = null));
      }
    }
    await compacting;
    if (compactAtEnd) await storage.compact(docName);
    return { entries: await storage.countUpdates(docName), appendedWhileMerging };
  } finally {
    await storage.close();
  }
}

/**
 * Writes the whole state of `docName` as one blob into the Hocuspocus server's database.
 *
 * @param {string} dataDir
 * @param {string} docName
 * @param {Uint8Array} state
 */
export function seedHocuspocus(dataDir, docName, state) {
  const require = createRequire(new URL('../../../packages/storage/package.json', import.meta.url));
  const BetterSqlite3 = require('better-sqlite3');
  const db = new BetterSqlite3(join(dataDir, 'hocuspocus.sqlite'));
  try {
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE IF NOT EXISTS documents (name TEXT PRIMARY KEY, data BLOB NOT NULL)');
    db.prepare('INSERT OR REPLACE INTO documents (name, data) VALUES (?, ?)').run(
      docName,
      Buffer.from(state),
    );
  } finally {
    db.close();
  }
}

/**
 * Hocuspocus 3.4.4 with the database extension (whole-document blob in SQLite), the
 * full-document-rewrite server of the cold-load comparison. Clients need Hocuspocus framing
 * (`LightClient` option `hocuspocus`); `connectUrl` carries the document name in the fragment
 * only for the caller's convenience.
 *
 * @param {LaunchOptions} options
 */
export async function startHocuspocusServer({ repoRoot, nodeFlags, seed }) {
  const dir = await mkdtemp(join(tmpdir(), 'pw-bench-hp-'));
  await seed?.(dir);
  return launch({
    kind: 'hocuspocus',
    label: 'Hocuspocus 3.4.4 + extension-database (SQLite blob)',
    args: [...nodeFlags, 'tests/load/hocuspocus-server.mjs'],
    env: { DATA_DIR: dir },
    cwd: repoRoot,
    readyPath: '/',
    hasMetrics: false,
    dataDir: dir,
    async connectUrl(_docName, _user, port) {
      return `ws://${HOST}:${port}/`;
    },
    cleanup: () => rm(dir, { recursive: true, force: true }),
  });
}

/**
 * The in-memory reference y-websocket server (`tests/load/reference-server.mjs`).
 *
 * @param {LaunchOptions} options
 */
export async function startReferenceServer({ repoRoot, nodeFlags }) {
  return launch({
    kind: 'reference',
    label: 'reference (@y/websocket-server, memory)',
    args: [...nodeFlags, 'tests/load/reference-server.mjs'],
    env: {},
    cwd: repoRoot,
    readyPath: '/',
    hasMetrics: false,
    async connectUrl(docName, _user, port) {
      return `ws://${HOST}:${port}/${docName}`;
    },
  });
}

/**
 * A diagnostic, not a product configuration: our collab-server with the in-memory storage
 * (`tests/load/ours-memory-server.mjs`), so a run shows what persistence costs and what our
 * server costs without it. Only with `--servers …,ours-memory`.
 *
 * @param {LaunchOptions} options
 */
export async function startOursMemoryServer({ repoRoot, nodeFlags, env = {} }) {
  const server = await startOurServer({
    repoRoot,
    nodeFlags,
    env,
    script: 'tests/load/ours-memory-server.mjs',
  });
  return { ...server, kind: 'ours-memory', label: 'collab-server (no persistence)' };
}

/** Launchers by kind, in the order they run within a round. */
export const serverKinds = {
  reference: startReferenceServer,
  ours: startOurServer,
  hocuspocus: startHocuspocusServer,
  'ours-memory': startOursMemoryServer,
};

// The servers under test, each started as its own child process on a free 127.0.0.1 port.
// A launcher returns a RunningServer; scenarios only use that interface, so adding a server kind
// (e.g. two collab-servers behind Redis) means adding one launcher here.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
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
 */

/** A free TCP port on 127.0.0.1 (released again; a tiny race we accept for a bench). */
async function freePort() {
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
 * Polls `url` until it answers 200, the child exits, or `timeoutMs` passes.
 *
 * @param {string} url
 * @param {{ child: import('node:child_process').ChildProcess, outputTail: () => string }} handle
 */
async function waitForHttp(url, handle, timeoutMs = 15_000) {
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
 * Our collab-server (`collab-server/dist/main.js`) with SQLite in a fresh temporary directory.
 *
 * @param {{ repoRoot: string, nodeFlags: string[], env?: Record<string, string> }} options
 */
export async function startOurServer({ repoRoot, nodeFlags, env = {} }) {
  const dataDir = await mkdtemp(join(tmpdir(), 'pw-bench-'));
  const secret = randomBytes(32).toString('hex');
  const key = new TextEncoder().encode(secret);
  return launch({
    kind: 'ours',
    label: 'collab-server (SQLite)',
    args: [...nodeFlags, 'collab-server/dist/main.js'],
    env: { ...env, DATA_DIR: dataDir, COLLAB_AUTH_SECRET: secret, LOG_LEVEL: 'warn' },
    cwd: repoRoot,
    readyPath: '/readyz',
    hasMetrics: true,
    async connectUrl(docName, user, port) {
      const token = await new SignJWT({ name: user, doc: docName, role: 'editor' })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(user)
        .setExpirationTime('2h')
        .sign(key);
      return `ws://${HOST}:${port}/${docName}?token=${token}`;
    },
    cleanup: () => rm(dataDir, { recursive: true, force: true }),
  });
}

/**
 * The in-memory reference y-websocket server (`tests/load/reference-server.mjs`).
 *
 * @param {{ repoRoot: string, nodeFlags: string[] }} options
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

/** Launchers by kind, in the order they run within a round. */
export const serverKinds = {
  reference: startReferenceServer,
  ours: startOurServer,
};

// Child processes of the bench: every one is killed when the bench exits, however it exits.
import { fork, spawn } from 'node:child_process';

/** @type {Set<import('node:child_process').ChildProcess>} */
const children = new Set();

/** Kills every child still running (SIGKILL; used on exit and failure). */
export function killAllChildren() {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}

process.on('exit', killAllChildren);

/**
 * Spawns `node <args>` with `env` added to the environment; keeps the last lines of its output.
 *
 * @param {string[]} args
 * @param {Record<string, string>} env
 * @param {string} cwd
 */
export function spawnNode(args, env, cwd) {
  const child = spawn(process.execPath, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  /** @type {string[]} */
  const tail = [];
  const keep = (/** @type {Buffer} */ chunk) => {
    tail.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    if (tail.length > 40) tail.splice(0, tail.length - 40);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  /** @type {Promise<{ code: number | null, signal: NodeJS.Signals | null }>} */
  const exited = new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      children.delete(child);
      resolve({ code, signal });
    });
  });
  return { child, exited, outputTail: () => tail.join('\n') };
}

/**
 * Asks a child to stop (SIGTERM, so a --cpu-prof profile gets written), then kills it after
 * `graceMs`.
 *
 * @param {{ child: import('node:child_process').ChildProcess, exited: Promise<unknown> }} handle
 */
export async function stopChild(handle, graceMs = 5000) {
  const { child, exited } = handle;
  if (child.exitCode !== null || child.signalCode !== null) return exited;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  const result = await exited;
  clearTimeout(timer);
  return result;
}

/**
 * Forks `node <modulePath>` with an IPC channel (advanced serialization, so typed arrays pass
 * as they are), killed with the bench like every other child.
 *
 * @param {string} modulePath
 * @param {string[]} execArgv
 */
export function forkNode(modulePath, execArgv = []) {
  const child = fork(modulePath, [], {
    execArgv,
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  children.add(child);
  /** @type {Promise<{ code: number | null, signal: NodeJS.Signals | null }>} */
  const exited = new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      children.delete(child);
      resolve({ code, signal });
    });
  });
  return { child, exited };
}

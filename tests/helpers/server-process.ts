import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { testSecret } from './tokens.js';
import { waitUntil } from './wait.js';

/** The built server entry; `pnpm test` builds it before running the suites. */
const serverMain = fileURLToPath(new URL('../../collab-server/dist/main.js', import.meta.url));

/** A collab-server running as its own process, as `pnpm --dir collab-server start` runs it. */
export interface ServerProcess {
  child: ChildProcess;
  url: string;
  port: number;
  /** Output of the process so far, for failure messages. */
  output(): string;
  /** Sends a signal and waits for the exit. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Asks the OS for a free port on 127.0.0.1 (so a restart can reuse it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Starts `collab-server/dist/main.js` and waits until `/readyz` answers. */
export async function spawnServer(options: {
  dataDir: string;
  port: number;
  env?: Record<string, string>;
}): Promise<ServerProcess> {
  const child = spawn(process.execPath, [serverMain], {
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(options.port),
      DATA_DIR: options.dataDir,
      COLLAB_AUTH_SECRET: testSecret,
      LOG_LEVEL: 'warn',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  const http = `http://127.0.0.1:${options.port}`;
  await waitUntil(
    async () => {
      if (child.exitCode !== null) throw new Error(`server exited: ${output}`);
      return (await fetch(`${http}/readyz`)).ok;
    },
    { what: 'collab-server process ready', timeoutMs: 15_000, intervalMs: 50 },
  );
  return {
    child,
    port: options.port,
    url: `ws://127.0.0.1:${options.port}`,
    output: () => output,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

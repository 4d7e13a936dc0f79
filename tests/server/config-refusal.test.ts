import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { testSecret } from '../helpers/tokens.js';

/** The built server entry; `pnpm test` builds it before running the suites. */
const serverMain = fileURLToPath(new URL('../../collab-server/dist/main.js', import.meta.url));

it('refuses to start the collab-server on a bad variable, naming it, and touches no data', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'pw-config-'));
  try {
    const child = spawn(process.execPath, [serverMain], {
      env: {
        ...process.env,
        PORT: '0',
        DATA_DIR: join(dataDir, 'data'),
        COLLAB_AUTH_SECRET: testSecret,
        COLLAB_PING_INTERVAL_MS: 'often',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const [code] = (await once(child, 'exit')) as [number];
    expect(code).toBe(1);
    expect(output.trim()).toBe(
      'collab-server: COLLAB_PING_INTERVAL_MS must be a positive integer, got "often"',
    );
    // It stopped before opening the storage.
    await expect(stat(join(dataDir, 'data'))).rejects.toThrow();
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as encoding from 'lib0/encoding';
import { afterAll, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connectClient, type TestClient } from '../helpers/client.js';
import { seededRandom, testSeed } from '../helpers/random.js';
import { RawClient } from '../helpers/raw-socket.js';
import { freePort, spawnServer, type ServerProcess } from '../helpers/server-process.js';
import { signToken } from '../helpers/tokens.js';
import { delay, waitUntil } from '../helpers/wait.js';

const seed = testSeed();
const random = seededRandom(seed);
const docName = 'plans/fuzz';
const maxMessageBytes = 64 * 1024;
const framesToSend = 3_000;

let server: ServerProcess | undefined;
const clients: TestClient[] = [];
let dataDir = '';

afterAll(async () => {
  for (const client of clients) client.destroy();
  await server?.stop('SIGKILL');
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

const int = (n: number) => Math.floor(random() * n);
const bytes = (n: number) => Uint8Array.from({ length: n }, () => int(256));

/** A valid update frame of a side document, as raw material for mutations. */
function validFrame(): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap('fuzz').set(`k${int(1000)}`, 'x'.repeat(int(50)));
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, 2);
  encoding.writeVarUint8Array(encoder, Y.encodeStateAsUpdate(doc));
  return encoding.toUint8Array(encoder);
}

/** One hostile frame: random, truncated, bit-flipped, oversized, unknown type or text. */
function hostileFrame(): Uint8Array | string {
  switch (int(7)) {
    case 0:
      return bytes(1 + int(64));
    case 1: {
      const frame = validFrame();
      return frame.subarray(0, 1 + int(frame.length - 1));
    }
    case 2: {
      const frame = validFrame().slice();
      for (let i = 0; i < 1 + int(4); i++) frame[int(frame.length)] = int(256);
      return frame;
    }
    case 3:
      return bytes(maxMessageBytes + 1 + int(1024));
    case 4:
      return Uint8Array.of(4 + int(200), ...bytes(int(16)));
    case 5:
      return 'hello from a text frame';
    default:
      return Uint8Array.of(1, ...bytes(int(32)));
  }
}

it(`survives thousands of hostile frames while a good client keeps syncing (seed ${seed})`, async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'pw-fuzz-'));
  const port = await freePort();
  server = await spawnServer({
    dataDir,
    port,
    env: { COLLAB_MAX_MESSAGE_BYTES: String(maxMessageBytes) },
  });
  const writer = await connectClient(server.url, docName, { sub: 'writer' });
  const reader = await connectClient(server.url, docName, { sub: 'reader', role: 'viewer' });
  clients.push(writer, reader);
  const token = await signToken({ doc: docName, role: 'editor', sub: 'fuzzer' });
  const url = `${server.url}/${docName}?token=${token}`;

  let sent = 0;
  const stillOpen = 0;
  const closeCodes = new Map<number, number>();
  const attacker = async () => {
    while (sent < framesToSend) {
      const raw = await RawClient.open(url);
      for (let burst = 1 + int(5); burst > 0 && sent < framesToSend; burst--, sent++) {
        raw.send(hostileFrame());
      }
      // A bit-flipped frame may still be a valid update; such a connection stays open. The
      // server handles a connection's frames in order: a close, or the answer to a sync step 1
      // sent after the burst, says which (instead of waiting a while for a close).
      await raw.roundTrip();
      const code = raw.closeEvent?.code ?? stillOpen;
      closeCodes.set(code, (closeCodes.get(code) ?? 0) + 1);
      raw.close();
    }
  };
  const typing = (async () => {
    const text = writer.doc.getText('notes');
    for (let i = 0; sent < framesToSend && i < 5_000; i++) {
      text.insert(text.length, `${i % 10}`);
      await delay(5);
    }
  })();
  await Promise.all([attacker(), attacker(), attacker(), attacker(), typing]);

  const expected = writer.doc.getText('notes').toString();
  expect(expected.length).toBeGreaterThan(10);
  await waitUntil(() => reader.doc.getText('notes').toString() === expected, {
    what: 'reader caught up',
  });
  const health = await fetch(`http://127.0.0.1:${port}/healthz`);
  expect(health.ok).toBe(true);
  // Every hostile connection was closed by the server with a documented code.
  const closedByServer = [...closeCodes].filter(([code]) => code !== stillOpen);
  for (const [code] of closedByServer) expect([1003, 1007, 1008, 4413]).toContain(code);
  const connections = [...closeCodes.values()].reduce((a, b) => a + b, 0);
  const closedCount = closedByServer.reduce((sum, [, count]) => sum + count, 0);
  expect(closedCount / connections).toBeGreaterThan(0.8);
  const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  expect(metrics).toMatch(/collab_errors_total\{kind="malformed_message"\} [1-9]/);

  // The stored document is intact: after a restart a fresh client sees the same text.
  for (const client of clients) client.provider.disconnect();
  await server.stop('SIGTERM');
  server = await spawnServer({ dataDir, port });
  const fresh = await connectClient(server.url, docName, { sub: 'fresh', role: 'viewer' });
  clients.push(fresh);
  expect(fresh.doc.getText('notes').toString()).toBe(expected);
}, 120_000);

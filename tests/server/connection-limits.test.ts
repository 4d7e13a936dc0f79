import { afterAll, beforeAll, expect, it } from 'vitest';
import { connectClient, type TestClient } from '../helpers/client.js';
import { mapUpdate, RawClient } from '../helpers/raw-socket.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { signToken } from '../helpers/tokens.js';
import { waitUntil } from '../helpers/wait.js';

const docName = 'plans/limits';
let server: TestServer;
let bystander: TestClient;

beforeAll(async () => {
  server = await startTestServer({
    limits: { maxMessageBytes: 32 * 1024, messagesPerSecond: 20, messageBurst: 40 },
  });
  bystander = await connectClient(server.url, docName, { sub: 'bystander' });
});
afterAll(async () => {
  bystander.destroy();
  await server.dispose();
});

async function raw(): Promise<RawClient> {
  const token = await signToken({ doc: docName, role: 'editor', sub: 'raw' });
  return RawClient.open(`${server.url}/${docName}?token=${token}`);
}

it('closes an oversized message with a permanent code and a reason', async () => {
  const client = await raw();
  client.send(new Uint8Array(40 * 1024));
  expect(await client.closed()).toEqual({
    code: 4413,
    reason: 'message larger than the limit of 32768 bytes',
  });
});

it('makes a stock client stop instead of re-sending an oversized state forever', async () => {
  const client = await connectClient(server.url, docName, { sub: 'big' });
  const closed: { code: number; reason: string }[] = [];
  client.provider.on('closed', (event) => closed.push(event));
  client.doc.getMap('m').set('huge', 'x'.repeat(64 * 1024));
  await waitUntil(() => closed.length === 1, { what: 'terminal close' });
  expect(closed[0]?.code).toBe(4413);
  expect(client.provider.shouldConnect).toBe(false);
  client.destroy();
});

it('closes a flooding connection with 1008 and keeps others syncing', async () => {
  const client = await raw();
  for (let i = 0; i < 200; i++) client.sendUpdate(mapUpdate('flood', `k${i}`, i));
  expect(await client.closed()).toEqual({ code: 1008, reason: 'message rate limit exceeded' });
  const other = await connectClient(server.url, docName, { sub: 'other' });
  other.doc.getMap('m').set('after', true);
  await waitUntil(() => bystander.doc.getMap('m').get('after') === true);
  other.destroy();
});

it('closes text frames with 1003 and malformed frames with 1007', async () => {
  const text = await raw();
  text.send('{"type":"sync"}');
  expect((await text.closed()).code).toBe(1003);
  const malformed = await raw();
  malformed.send(new Uint8Array([0, 2, 200]));
  expect(await malformed.closed()).toMatchObject({ code: 1007 });
});

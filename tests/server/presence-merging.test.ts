import { afterAll, beforeAll, expect, it } from 'vitest';
import { connectClient, type TestClient } from '../helpers/client.js';
import { RawClient } from '../helpers/raw-socket.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { signToken } from '../helpers/tokens.js';
import { waitUntil } from '../helpers/wait.js';

let server: TestServer;
beforeAll(async () => (server = await startTestServer({ limits: { presenceIntervalMs: 50 } })));
afterAll(() => server.dispose());

it('merges presence changes into one frame per interval, ending in everyone’s latest state', async () => {
  const docName = 'plans/presence';
  const token = await signToken({ doc: docName, role: 'viewer', sub: 'observer' });
  const observer = await RawClient.open(`${server.url}/${docName}?token=${token}`);
  const clients: TestClient[] = [];
  for (let i = 0; i < 10; i++)
    clients.push(await connectClient(server.url, docName, { sub: `p${i}` }));
  // Joining sends no presence frame (the clients have set nothing yet); any frame that still came
  // in from the joins would only count against the bound below.
  const framesBefore = observer.received.filter((frame) => frame[0] === 1).length;

  const started = performance.now();
  for (let move = 0; move < 10; move++) {
    for (const client of clients) client.provider.awareness.setLocalStateField('cursor', move);
  }
  const watcher = clients[0]!.provider.awareness;
  await waitUntil(() =>
    clients.every((c) => (watcher.getStates().get(c.doc.clientID)?.cursor as number) === 9),
  );
  const elapsed = performance.now() - started;
  const frames = observer.received.filter((frame) => frame[0] === 1).length - framesBefore;
  // 100 changes reached the observer in a handful of merged frames, not 100.
  expect(frames).toBeGreaterThan(0);
  expect(frames).toBeLessThanOrEqual(Math.ceil(elapsed / 50) + 2);
  expect(frames).toBeLessThan(20);
  observer.close();
  for (const client of clients) client.destroy();
});

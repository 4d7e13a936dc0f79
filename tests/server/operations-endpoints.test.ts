import { afterAll, beforeAll, expect, it } from 'vitest';
import { connectClient } from '../helpers/client.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { waitUntil } from '../helpers/wait.js';

let server: TestServer;
let http = '';
beforeAll(async () => {
  server = await startTestServer();
  http = server.url.replace('ws:', 'http:');
});
afterAll(() => server.dispose());

it('answers /healthz and /readyz', async () => {
  expect(await (await fetch(`${http}/healthz`)).json()).toEqual({ status: 'ok' });
  expect(await (await fetch(`${http}/readyz`)).json()).toEqual({ status: 'ready' });
  expect((await fetch(`${http}/nothing`)).status).toBe(404);
});

it('exposes connections, documents, traffic, refusals and persistence latency for Prometheus', async () => {
  const writer = await connectClient(server.url, 'plans/metrics', { sub: 'w' });
  const viewer = await connectClient(server.url, 'plans/metrics', { sub: 'v', role: 'viewer' });
  writer.doc.getMap('m').set('a', 1);
  viewer.doc.getMap('m').set('b', 2);
  await waitUntil(() => viewer.doc.getMap('m').get('a') === 1);
  const response = await fetch(`${http}/metrics`);
  expect(response.headers.get('content-type')).toMatch(/text\/plain/);
  const text = await response.text();
  const value = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1]);
  expect(value('collab_connections')).toBe(2);
  expect(value('collab_documents_loaded')).toBe(1);
  expect(value('collab_messages_in_total')).toBeGreaterThan(3);
  expect(value('collab_messages_out_total')).toBeGreaterThan(3);
  expect(value('collab_bytes_in_total')).toBeGreaterThan(10);
  expect(value('collab_bytes_out_total')).toBeGreaterThan(10);
  expect(value('collab_persist_duration_seconds_count')).toBeGreaterThanOrEqual(1);
  await waitUntil(async () => {
    const again = await (await fetch(`${http}/metrics`)).text();
    return /collab_refused_writes_total\{role="viewer"\} 1/.test(again);
  });
  expect(text).toMatch(/process_resident_memory_bytes/);
  writer.destroy();
  viewer.destroy();
});

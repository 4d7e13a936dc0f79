import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { connectClient, type TestClient } from '../helpers/client.js';
import { mapUpdate, RawClient } from '../helpers/raw-socket.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { signToken } from '../helpers/tokens.js';
import { presenceBarrier, recordPermissionDenials, writeBarrier } from '../helpers/barrier.js';
import { waitUntil } from '../helpers/wait.js';

let server: TestServer;
let editor: TestClient;
const docName = 'plans/roles';

beforeAll(async () => {
  server = await startTestServer();
  editor = await connectClient(server.url, docName, { role: 'editor', sub: 'editor' });
  editor.doc.getMap('plan').set('title', 'Bürgerbeteiligung Parkanlage');
  await waitUntil(async () => (await storedTitle()) === 'Bürgerbeteiligung Parkanlage');
});
afterAll(async () => {
  editor.destroy();
  await server.dispose();
});

async function storedTitle(): Promise<unknown> {
  const state = await server.storage.loadDocument(docName);
  if (!state) return undefined;
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc.getMap('plan').get('title');
}

describe.each(['viewer', 'commenter'])('a %s', (role) => {
  it('receives the document and presence but cannot write', async () => {
    const reader = await connectClient(server.url, docName, { role, sub: role });
    expect(reader.doc.getMap('plan').get('title')).toBe('Bürgerbeteiligung Parkanlage');

    // Presence is relayed both ways, for the reader's own client id.
    reader.provider.awareness.setLocalStateField('user', { name: role });
    editor.provider.awareness.setLocalStateField('user', { name: 'editor' });
    await waitUntil(() => editor.provider.awareness.getStates().has(reader.doc.clientID));
    await waitUntil(() => reader.provider.awareness.getStates().has(editor.doc.clientID));

    // A stock client of a reader that edits locally: its update is refused, not relayed.
    const denials = recordPermissionDenials(reader.provider);
    reader.doc.getMap('plan').set('title', `${role} was here`);
    await waitUntil(() => denials.length === 1, { what: 'the refusal' });
    await writeBarrier(server.url, docName, { observers: [editor.doc], storage: server.storage });
    expect(editor.doc.getMap('plan').get('title')).toBe('Bürgerbeteiligung Parkanlage');
    expect(await storedTitle()).toBe('Bürgerbeteiligung Parkanlage');
    reader.destroy();
  });

  it('gets permission denied for forged sync step 2 and update frames', async () => {
    const token = await signToken({ doc: docName, role, sub: `${role}-raw` });
    const raw = await RawClient.open(`${server.url}/${docName}?token=${token}`);
    raw.sendUpdate(mapUpdate('plan', 'title', 'forged'));
    const step2 = mapUpdate('plan', 'status', 'approved');
    raw.send(new Uint8Array([0, 1, ...encodeLength(step2.length), ...step2]));
    await waitUntil(() => raw.permissionDenials().length === 2);
    expect(raw.permissionDenials()[0]).toMatch(new RegExp(`role "${role}" may not change`));
    // The connection stays open: reading remains allowed.
    expect(raw.closeEvent).toBeNull();
    await writeBarrier(server.url, docName, { observers: [editor.doc], storage: server.storage });
    expect(editor.doc.getMap('plan').get('title')).toBe('Bürgerbeteiligung Parkanlage');
    expect(editor.doc.getMap('plan').get('status')).toBeUndefined();
    expect(await storedTitle()).toBe('Bürgerbeteiligung Parkanlage');
    raw.close();
  });
});

it('cannot speak for another client id in presence', async () => {
  const token = await signToken({ doc: docName, role: 'viewer', sub: 'spoofer' });
  const spoofer = await connectClient(server.url, docName, { role: 'viewer', sub: 'spoofer' });
  spoofer.provider.awareness.setLocalStateField('user', { name: 'me' });
  await waitUntil(() => editor.provider.awareness.getStates().has(spoofer.doc.clientID));
  // Now try to clear the editor's presence from a second, raw connection, with a clock far ahead.
  const raw = await RawClient.open(`${server.url}/${docName}?token=${token}`);
  const removedSeen: number[] = [];
  spoofer.provider.awareness.on('change', ({ removed }: { removed: number[] }) =>
    removedSeen.push(...removed),
  );
  const update = awarenessRemoval(editor.doc.clientID, 1_000);
  raw.send(new Uint8Array([1, ...encodeLength(update.length), ...update]));
  await raw.roundTrip(); // the server has handled the forged removal
  await presenceBarrier(server.url, docName, [spoofer.provider.awareness]);
  // Refused: the other peers never saw the editor leave.
  expect(removedSeen).not.toContain(editor.doc.clientID);
  expect(spoofer.provider.awareness.getStates().get(editor.doc.clientID)).toBeDefined();
  raw.close();
  spoofer.destroy();
});

function encodeLength(n: number): number[] {
  const bytes: number[] = [];
  while (n > 127) {
    bytes.push((n & 127) | 128);
    n = Math.floor(n / 128);
  }
  bytes.push(n);
  return bytes;
}

function awarenessRemoval(clientId: number, clock: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint(encoder, clientId);
  encoding.writeVarUint(encoder, clock);
  encoding.writeVarString(encoder, 'null');
  return encoding.toUint8Array(encoder);
}

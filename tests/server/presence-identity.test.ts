import { afterAll, beforeAll, expect, it } from 'vitest';
import { connectClient } from '../helpers/client.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { waitUntil } from '../helpers/wait.js';

let server: TestServer;
beforeAll(async () => (server = await startTestServer({ limits: { presenceIntervalMs: 20 } })));
afterAll(() => server.dispose());

interface PresenceState {
  name?: unknown;
  user?: { id?: unknown; name?: unknown; role?: unknown; colorIndex?: unknown };
}

it('shows a viewer who claims to be the facilitator as who the token says they are', async () => {
  const docName = 'plans/presence-identity';
  const facilitator = await connectClient(server.url, docName, {
    role: 'facilitator',
    sub: 'fac-1',
    name: 'Frieda Facilitator',
  });
  const viewer = await connectClient(server.url, docName, {
    role: 'viewer',
    sub: 'viewer-1',
    name: 'Viktor Viewer',
  });

  viewer.provider.awareness.setLocalState({
    name: 'Frieda Facilitator',
    user: { id: 'fac-1', name: 'Frieda Facilitator', role: 'facilitator', colorIndex: 3 },
    focus: null,
  });

  const seen = (): PresenceState | undefined =>
    facilitator.provider.awareness.getStates().get(viewer.doc.clientID) as PresenceState;
  await waitUntil(() => seen() !== undefined, { what: 'the viewer’s presence' });
  expect(seen()).toEqual({
    name: 'Viktor Viewer',
    user: { id: 'viewer-1', name: 'Viktor Viewer', role: 'viewer', colorIndex: 3 },
    focus: null,
  });
  viewer.destroy();
  facilitator.destroy();
});

it('stamps a state that carries no user at all, and a late joiner sees the stamped state', async () => {
  const docName = 'plans/presence-identity-late';
  const editor = await connectClient(server.url, docName, { sub: 'ed-1', name: 'Edda' });
  editor.provider.awareness.setLocalState({ cursor: 4 });
  const late = await connectClient(server.url, docName, { role: 'viewer', sub: 'v-2' });
  await waitUntil(() => late.provider.awareness.getStates().has(editor.doc.clientID));
  expect(late.provider.awareness.getStates().get(editor.doc.clientID)).toEqual({
    cursor: 4,
    name: 'Edda',
    user: { id: 'ed-1', name: 'Edda', role: 'editor' },
  });
  late.destroy();
  editor.destroy();
});

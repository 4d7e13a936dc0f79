/**
 * Who may do what with comments, end to end through the BUILT app (`app/build`, as deployed) and
 * the real collab-server on one SQLite database: for viewer, commenter, editor, facilitator and a
 * non-member — reading comments, writing them, editing/deleting others' comments, resolving
 * others' threads, and writing the plan itself (with the collab token the app issues for the
 * member's role). Needs `pnpm build` first (the README's `pnpm test` does it).
 */
import { ROLES, type Role } from '@prozesswerkstatt/contract';
import { randomBytes } from 'node:crypto';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedPlan, startApp, type AppProcess } from '../helpers/app-process.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { recordPermissionDenials, writeBarrier } from '../helpers/barrier.js';
import { waitUntil } from '../helpers/wait.js';

type Who = Role | 'outsider';
const PEOPLE: readonly Who[] = [...ROLES, 'outsider'];

let collab: TestServer;
let app: AppProcess;
let origin: string;
const planId = `plan${randomBytes(6).toString('hex')}`;
const docName = `plans/${planId}`;
const cookies = new Map<Who, string>();

beforeAll(async () => {
  collab = await startTestServer();
  const people = await seedPlan(collab.storage, planId, {
    viewer: 'viewer',
    commenter: 'commenter',
    editor: 'editor',
    facilitator: 'facilitator',
    outsider: null,
  });
  for (const [who, person] of people) cookies.set(who as Who, person.cookie);
  app = await startApp({ dataDir: collab.dataDir, collabUrl: collab.url });
  origin = app.origin;
}, 40_000);

afterAll(async () => {
  await app?.stop();
  await collab?.dispose();
});

function get(who: Who, path: string): Promise<Response> {
  return fetch(`${origin}${path}`, {
    headers: { cookie: cookies.get(who) ?? '' },
    redirect: 'manual',
  });
}

function post(who: Who, fields: Record<string, string>, from = origin): Promise<Response> {
  return fetch(`${origin}/plans/${planId}/comments`, {
    method: 'POST',
    headers: { cookie: cookies.get(who) ?? '', origin: from },
    body: new URLSearchParams(fields),
    redirect: 'manual',
  });
}

const PHASE = JSON.stringify({ kind: 'element', part: 'phase', id: 'p1' });

/** A thread opened by the editor, for the "someone else's" columns. */
async function editorsThread(): Promise<{ threadId: string; commentId: string }> {
  const response = await post('editor', { intent: 'create', anchor: PHASE, body: 'Vom Editor' });
  expect(response.status).toBe(201);
  return (await response.json()) as { threadId: string; commentId: string };
}

/** Whether `who` can change the plan document through the collab-server with the app's token. */
async function canWritePlan(who: Who): Promise<boolean | 'no token'> {
  const response = await get(who, `/plans/${planId}/collab-token`);
  if (response.status !== 200) return 'no token';
  const { token, role } = (await response.json()) as { token: string; role: string };
  expect(role).toBe(who);
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(collab.url, docName, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: { token },
    disableBc: true,
  });
  try {
    await waitUntil(() => provider.synced, { what: `${who} sync` });
    const denials = recordPermissionDenials(provider);
    doc.getMap('probe').set(who, true);
    const stored = async () => {
      const state = await collab.storage.loadDocument(docName);
      const check = new Y.Doc();
      if (state) Y.applyUpdate(check, state);
      return check.getMap('probe').get(who) === true;
    };
    // The server answers either way: it stores the write, or it refuses it with a message.
    await waitUntil(async () => denials.length > 0 || (await stored()), { what: `${who}'s write` });
    // A refused write that was also queued would be stored before this marker.
    await writeBarrier(collab.url, docName, { storage: collab.storage });
    return await stored();
  } finally {
    provider.destroy();
    doc.destroy();
  }
}

/** What each person may do; the expected HTTP status (or outcome) per action. */
const MATRIX: Record<
  Who,
  {
    read: number;
    write: number;
    editOthers: number;
    deleteOthers: number;
    resolveOthers: number;
    plan: boolean | 'no token';
  }
> = {
  viewer: {
    read: 200,
    write: 403,
    editOthers: 403,
    deleteOthers: 403,
    resolveOthers: 403,
    plan: false,
  },
  commenter: {
    read: 200,
    write: 201,
    editOthers: 403,
    deleteOthers: 403,
    resolveOthers: 403,
    plan: false,
  },
  editor: {
    read: 200,
    write: 201,
    editOthers: 403,
    deleteOthers: 403,
    resolveOthers: 403,
    plan: true,
  },
  facilitator: {
    read: 200,
    write: 201,
    editOthers: 403,
    deleteOthers: 403,
    resolveOthers: 200,
    plan: true,
  },
  outsider: {
    read: 404,
    write: 404,
    editOthers: 404,
    deleteOthers: 404,
    resolveOthers: 404,
    plan: 'no token',
  },
};

describe.each(PEOPLE.filter((who) => who !== 'editor'))('a %s', (who) => {
  const expected = MATRIX[who];

  it(`reads comments: ${expected.read}; writes one: ${expected.write}`, async () => {
    await editorsThread();
    const read = await get(who, `/plans/${planId}/comments`);
    expect(read.status).toBe(expected.read);
    if (read.ok) {
      const { threads } = (await read.json()) as { threads: { comments: { body: string }[] }[] };
      expect(threads.some((t) => t.comments.some((c) => c.body === 'Vom Editor'))).toBe(true);
    }
    const events = await get(who, `/plans/${planId}/comments/events`);
    expect(events.status).toBe(expected.read);
    await events.body?.cancel();
    const write = await post(who, { intent: 'create', anchor: PHASE, body: `Von ${who}` });
    expect(write.status).toBe(expected.write);
  });

  it(`edits or deletes someone else's comment: ${expected.editOthers}/${expected.deleteOthers}; resolves someone else's thread: ${expected.resolveOthers}`, async () => {
    const { threadId, commentId } = await editorsThread();
    const edit = await post(who, { intent: 'edit', commentId, body: 'überschrieben' });
    expect(edit.status).toBe(expected.editOthers);
    const remove = await post(who, { intent: 'delete', commentId });
    expect(remove.status).toBe(expected.deleteOthers);
    const resolve = await post(who, { intent: 'resolve', threadId });
    expect(resolve.status).toBe(expected.resolveOthers);
    const { threads } = (await (await get('editor', `/plans/${planId}/comments`)).json()) as {
      threads: { id: string; status: string; comments: { body: string; deleted: boolean }[] }[];
    };
    const thread = threads.find((t) => t.id === threadId);
    expect(thread?.comments[0]).toMatchObject({ body: 'Vom Editor', deleted: false });
    expect(thread?.status).toBe(expected.resolveOthers === 200 ? 'resolved' : 'open');
  });

  it(`writes the plan: ${String(expected.plan)}`, async () => {
    expect(await canWritePlan(who)).toBe(expected.plan);
  });
});

describe('an editor (the author of the threads above)', () => {
  it('edits, deletes and resolves their own, and writes the plan', async () => {
    const { threadId, commentId } = await editorsThread();
    expect((await post('editor', { intent: 'edit', commentId, body: 'Neu' })).status).toBe(200);
    expect((await post('editor', { intent: 'resolve', threadId })).status).toBe(200);
    expect((await post('editor', { intent: 'reopen', threadId })).status).toBe(200);
    expect((await post('editor', { intent: 'delete', commentId })).status).toBe(200);
    expect(await canWritePlan('editor')).toBe(MATRIX.editor.plan);
  });
});

describe('requests the server refuses whatever the role', () => {
  it('a cross-site form post (CSRF) and a non-form body', async () => {
    const forged = await post(
      'facilitator',
      { intent: 'create', anchor: PHASE, body: 'x' },
      'https://evil.example',
    );
    expect(forged.status).toBe(403);
    const asJson = await fetch(`${origin}/plans/${planId}/comments`, {
      method: 'POST',
      headers: {
        cookie: cookies.get('facilitator') ?? '',
        'content-type': 'application/json',
        origin,
      },
      body: JSON.stringify({ intent: 'create', anchor: PHASE, body: 'x' }),
    });
    expect(asJson.status).toBe(415);
  });

  it('a signed-out request', async () => {
    const response = await fetch(`${origin}/plans/${planId}/comments`, { redirect: 'manual' });
    expect([303, 401]).toContain(response.status);
  });
});

describe('stopping the app', () => {
  it('ends open event streams so a SIGTERM stops it at once', async () => {
    const events = await get('viewer', `/plans/${planId}/comments/events`);
    expect(events.status).toBe(200);
    const reader = events.body?.getReader();
    expect(new TextDecoder().decode((await reader?.read())?.value)).toContain('retry: 3000');
    const started = performance.now();
    const exited = app.stop();
    // The stream ends (instead of keeping the server's graceful shutdown waiting 30 s).
    for (;;) {
      const chunk = await reader?.read();
      if (!chunk || chunk.done) break;
    }
    await exited;
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

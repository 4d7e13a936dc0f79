/**
 * Restoring a version rewrites a changed rich-text field wholesale, which detaches the text
 * comments in it; the app anchors them again where their quote is back (restoreVersion against a
 * real collab-server, SQLite).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createTextAnchor,
  getOverviewText,
  getRichTextField,
  initPlan,
  overviewFieldRef,
  resolveTextAnchor,
  richTextCharacters,
  writePlainParagraphs,
  type TextAnchor,
} from '@prozesswerkstatt/plan-model';
import {
  commentEvents,
  restoreVersion,
  saveVersion,
  type CommentEvent,
} from '@prozesswerkstatt/app/server-testing';
import {
  createLogger,
  startCollabServer,
  type RunningCollabServer,
} from '@prozesswerkstatt/collab-server';
import { SqliteDocumentStorage } from '@prozesswerkstatt/storage';
import { afterAll, beforeAll, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connectClient, type TestClient } from '../helpers/client.js';
import { testSecret } from '../helpers/tokens.js';
import { waitUntil } from '../helpers/wait.js';

const planId = `p${Date.now().toString(36)}`;
const docName = `plans/${planId}`;
const ref = overviewFieldRef('goals');
const sentence = 'Die Anwohnenden reden mit.';

let dataDir: string;
let storage: SqliteDocumentStorage;
let server: RunningCollabServer;
let client: TestClient;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'pw-reanchor-'));
  storage = await SqliteDocumentStorage.open({ dataDir, logger: () => {} });
  server = await startCollabServer({
    storage,
    authSecret: testSecret,
    logger: createLogger('silent'),
    host: '127.0.0.1',
    port: 0,
  });
  process.env.COLLAB_AUTH_SECRET = testSecret;
  process.env.COLLAB_INTERNAL_URL = server.url.replace(/^ws/, 'http');
  client = await connectClient(server.url, docName, { sub: 'editor' });
  initPlan(client.doc, { title: 'Beteiligung' });
  writePlainParagraphs(getOverviewText(client.doc, 'goals'), [`Ziel: ${sentence}`]);
});
afterAll(async () => {
  client.destroy();
  await server.close();
  await storage.close();
  await rm(dataDir, { recursive: true, force: true });
});

const fieldText = (doc: Y.Doc): string => richTextCharacters(getRichTextField(doc, ref)!);

function anchorOn(doc: Y.Doc, quote: string): TextAnchor {
  const anchor = createTextAnchor(doc, ref, fieldText(doc).indexOf(quote), quote.length);
  if (!anchor) throw new Error(`no anchor on ${quote}`);
  return anchor;
}

async function addThread(id: string, anchor: TextAnchor, status: 'open' | 'resolved' = 'open') {
  await storage.db
    .insertInto('comment_threads')
    .values({ id, doc_name: docName, anchor: JSON.stringify(anchor), status, created_by: 'editor' })
    .execute();
}

async function storedAnchor(id: string): Promise<TextAnchor> {
  const row = await storage.db
    .selectFrom('comment_threads')
    .select('anchor')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return JSON.parse(row.anchor) as TextAnchor;
}

/** The text an anchor covers in `doc`, or null when it is detached. */
function quoted(doc: Y.Doc, anchor: TextAnchor): string | null {
  const range = resolveTextAnchor(doc, anchor);
  return range && fieldText(doc).slice(range.index, range.index + range.length);
}

it('anchors a text thread again on its quote after a restore rewrote the field', async () => {
  await waitUntil(async () => (await storage.loadDocument(docName)) !== null);
  await addThread('t-sentence', anchorOn(client.doc, sentence));
  await addThread('t-resolved', anchorOn(client.doc, 'Ziel'), 'resolved');
  const version = await saveVersion(storage.db, planId, {
    kind: 'named',
    label: 'Erster Stand',
    note: '',
    authorId: 'editor',
  });

  // After the version, the field changes around the sentence; the thread still finds it.
  const paragraph = getOverviewText(client.doc, 'goals').toDelta()[0].insert as Y.XmlText;
  paragraph.insert(paragraph.length, ' Und die Presse.');
  await addThread('t-gone', anchorOn(client.doc, 'Und die Presse.'));
  const before = await storedAnchor('t-sentence');
  expect(quoted(client.doc, before)).toBe(sentence);

  const events: CommentEvent[] = [];
  const unsubscribe = commentEvents().subscribe(planId, (event) => events.push(event));
  await waitUntil(async () => (await storage.loadDocument(docName)) !== null);
  const result = await restoreVersion(storage.db, planId, version.id, 'editor');
  unsubscribe();
  expect(result.ok).toBe(true);
  await waitUntil(() => fieldText(client.doc) === `Ziel: ${sentence}`, {
    what: 'the client shows the restored text',
  });

  // The rewrite detached the old anchor; the stored one is new and covers the same quote.
  expect(quoted(client.doc, before)).toBeNull();
  const after = await storedAnchor('t-sentence');
  expect(after).not.toEqual(before);
  expect(after.quote).toBe(sentence);
  expect(quoted(client.doc, after)).toBe(sentence);
  expect(events).toEqual([
    { planId, threadId: 't-sentence', reason: 'reanchored', actorId: 'editor' },
  ]);

  // A quote that is not in the restored text stays detached; resolved threads are left alone.
  expect(quoted(client.doc, await storedAnchor('t-gone'))).toBeNull();
  expect(quoted(client.doc, await storedAnchor('t-resolved'))).toBeNull();
});

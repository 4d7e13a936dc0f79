/**
 * A comment's text anchor follows its text through concurrent edits made by other people through
 * the real collab-server (stock y-websocket clients), and is detached once its text is deleted —
 * in every browser and in the stored document.
 */
import {
  createTextAnchor,
  getOverviewText,
  initPlan,
  overviewFieldRef,
  resolveTextAnchor,
  richTextCharacters,
  writePlainParagraphs,
  type TextAnchor,
} from '@prozesswerkstatt/plan-model';
import * as Y from 'yjs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { connectClient, type TestClient } from '../helpers/client.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { waitUntil } from '../helpers/wait.js';

const SENTENCE = 'Alle Kinder werden gehört.';
const docName = 'plans/anchor-sync';
let server: TestServer;
let clients: TestClient[] = [];

beforeAll(async () => {
  server = await startTestServer();
  clients = await Promise.all(
    ['a', 'b', 'c'].map((sub) => connectClient(server.url, docName, { role: 'editor', sub })),
  );
});
afterAll(async () => {
  for (const client of clients) client.destroy();
  await server.dispose();
});

function goals(doc: Y.Doc): string {
  return richTextCharacters(getOverviewText(doc, 'goals'));
}

function anchored(doc: Y.Doc, anchor: TextAnchor): string | null {
  const range = resolveTextAnchor(doc, anchor);
  return range && goals(doc).slice(range.index, range.index + range.length);
}

/** The second paragraph of the goals (an embedded Y.XmlText, as Lexical writes it). */
function secondParagraph(doc: Y.Doc): Y.XmlText {
  const op = (getOverviewText(doc, 'goals').toDelta() as Array<{ insert: unknown }>)[1];
  if (!(op?.insert instanceof Y.XmlText)) throw new Error('no second paragraph');
  return op.insert;
}

async function storedDoc(): Promise<Y.Doc> {
  const doc = new Y.Doc();
  const state = await server.storage.loadDocument(docName);
  if (state) Y.applyUpdate(doc, state);
  return doc;
}

async function converged(text: (doc: Y.Doc) => boolean): Promise<void> {
  await waitUntil(async () => clients.every((c) => text(c.doc)) && text(await storedDoc()), {
    what: 'all replicas and storage to converge',
  });
}

it('follows concurrent inserts and deletes around it, and detaches when its text goes', async () => {
  const [a, b, c] = clients.map((client) => client.doc) as [Y.Doc, Y.Doc, Y.Doc];
  initPlan(a, { title: 'Spielplatz' });
  writePlainParagraphs(getOverviewText(a, 'goals'), [
    'Wir bauen einen Spielplatz.',
    `Der Bezirk beteiligt. ${SENTENCE} Danach entscheidet die BVV.`,
  ]);
  await converged((doc) => goals(doc).includes(SENTENCE));

  // A comments on the sentence; the anchor is stored as JSON (as the app does).
  const created = createTextAnchor(
    a,
    overviewFieldRef('goals'),
    goals(a).indexOf(SENTENCE),
    SENTENCE.length,
  );
  const anchor = JSON.parse(JSON.stringify(created)) as TextAnchor;
  const sentenceAt = 'Der Bezirk beteiligt. '.length;

  // Within one tick, before any of it reaches the others: B types right before the sentence, C
  // right after it and deletes words in front of it, A edits the first paragraph.
  secondParagraph(b).insert(1 + sentenceAt, 'Vorher. ');
  secondParagraph(c).insert(1 + sentenceAt + SENTENCE.length, ' Nachher.');
  secondParagraph(c).delete(1, 'Der Bezirk '.length);
  (getOverviewText(a, 'goals').toDelta()[0].insert as Y.XmlText).insert(1, 'Neu: ');
  await converged(
    (doc) => goals(doc).includes(`Vorher. ${SENTENCE} Nachher.`) && goals(doc).startsWith('Neu: '),
  );

  for (const doc of [a, b, c, await storedDoc()]) expect(anchored(doc, anchor)).toBe(SENTENCE);

  // B deletes the sentence while C types elsewhere: the thread's anchor is detached everywhere.
  const paragraph = secondParagraph(b);
  const at = paragraph.toString().indexOf(SENTENCE);
  expect(at).toBeGreaterThan(0);
  const text = goals(b);
  const offsetInParagraph = text.indexOf(SENTENCE) - text.indexOf('beteiligt.');
  paragraph.delete(1 + offsetInParagraph, SENTENCE.length);
  secondParagraph(c).insert(1, 'Zuerst: ');
  await converged((doc) => !goals(doc).includes(SENTENCE) && goals(doc).includes('Zuerst: '));
  for (const doc of [a, b, c, await storedDoc()]) expect(resolveTextAnchor(doc, anchor)).toBeNull();
});

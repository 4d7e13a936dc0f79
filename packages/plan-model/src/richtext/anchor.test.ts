import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { initPlan } from '../records/meta.js';
import { addPhase, removePhase } from '../records/phase.js';
import { getOverviewText } from '../overview.js';
import {
  createTextAnchor,
  isRichTextFieldRef,
  overviewFieldRef,
  recordFieldRef,
  resolveTextAnchor,
  richTextCharacters,
  type TextAnchor,
} from './anchor.js';
import { writePlainParagraphs } from './plain.js';

const GOALS = overviewFieldRef('goals');
const SENTENCE = 'Alle Kinder werden gehört.';

function planWithGoals(): Y.Doc {
  const doc = new Y.Doc();
  initPlan(doc, { title: 'Spielplatz' });
  writePlainParagraphs(getOverviewText(doc, 'goals'), [
    'Wir bauen einen Spielplatz.',
    `Der Bezirk beteiligt. ${SENTENCE} Danach entscheidet die BVV.`,
  ]);
  return doc;
}

function replicaOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

/** Exchanges all updates between the replicas, as a sync round would. */
function syncAll(...docs: Y.Doc[]): void {
  for (const from of docs) {
    for (const to of docs) if (from !== to) Y.applyUpdate(to, Y.encodeStateAsUpdate(from));
  }
}

/** The n-th paragraph of the goals and where its text starts (after the text node's props). */
function paragraph(doc: Y.Doc, n: number): Y.XmlText {
  const op = (getOverviewText(doc, 'goals').toDelta() as Array<{ insert: unknown }>)[n];
  if (!(op?.insert instanceof Y.XmlText)) throw new Error('no paragraph');
  return op.insert;
}

/** Inserts/deletes in paragraph n at a character index of its text (1 = the props embed). */
function insertAt(doc: Y.Doc, n: number, charIndex: number, text: string): void {
  paragraph(doc, n).insert(1 + charIndex, text);
}
function deleteAt(doc: Y.Doc, n: number, charIndex: number, length: number): void {
  paragraph(doc, n).delete(1 + charIndex, length);
}

function anchorOnSentence(doc: Y.Doc): TextAnchor {
  const text = richTextCharacters(getOverviewText(doc, 'goals'));
  const anchor = createTextAnchor(doc, GOALS, text.indexOf(SENTENCE), SENTENCE.length);
  if (!anchor) throw new Error('no anchor');
  return anchor;
}

function anchoredText(doc: Y.Doc, anchor: TextAnchor): string | null {
  const range = resolveTextAnchor(doc, anchor);
  if (!range) return null;
  return richTextCharacters(getOverviewText(doc, 'goals')).slice(
    range.index,
    range.index + range.length,
  );
}

describe('text anchors', () => {
  it('anchors on a sentence inside a nested paragraph and resolves to it', () => {
    const doc = planWithGoals();
    const anchor = anchorOnSentence(doc);
    expect(anchor).toMatchObject({ kind: 'text', field: 'overview:goals', quote: SENTENCE });
    expect(anchoredText(doc, anchor)).toBe(SENTENCE);
    // It survives a round trip through storage (JSON) and another replica.
    const stored = JSON.parse(JSON.stringify(anchor)) as TextAnchor;
    expect(anchoredText(replicaOf(doc), stored)).toBe(SENTENCE);
  });

  it('refuses empty, out-of-range and unknown-field anchors', () => {
    const doc = planWithGoals();
    expect(createTextAnchor(doc, GOALS, 0, 0)).toBeNull();
    expect(createTextAnchor(doc, GOALS, 10_000, 3)).toBeNull();
    expect(createTextAnchor(doc, GOALS, 0, 10_000)).toBeNull();
    expect(createTextAnchor(doc, 'overview:nope', 0, 1)).toBeNull();
    expect(createTextAnchor(doc, 'phase:missing:goal', 0, 1)).toBeNull();
  });

  it('follows its text through concurrent inserts and deletes around it on other replicas', () => {
    const a = planWithGoals();
    const b = replicaOf(a);
    const c = replicaOf(a);
    const anchor = anchorOnSentence(a);
    const sentenceAt = `Der Bezirk beteiligt. `.length;
    // B inserts right before the sentence and in the paragraph before; C deletes before it and
    // inserts right after it; A types into the first paragraph. Nobody has seen the others.
    insertAt(b, 1, sentenceAt, 'Vorher. ');
    insertAt(b, 0, 0, 'Neu: ');
    insertAt(c, 1, sentenceAt + SENTENCE.length, ' Nachher.');
    deleteAt(c, 1, 0, 'Der Bezirk '.length);
    insertAt(a, 0, 4, 'xyz');
    syncAll(a, b, c);

    for (const replica of [a, b, c]) {
      expect(richTextCharacters(getOverviewText(replica, 'goals'))).toContain(
        `beteiligt. Vorher. ${SENTENCE} Nachher.`,
      );
      expect(anchoredText(replica, anchor)).toBe(SENTENCE);
    }
  });

  it('grows with text typed inside the range', () => {
    const doc = planWithGoals();
    const anchor = anchorOnSentence(doc);
    const sentenceAt = `Der Bezirk beteiligt. `.length;
    insertAt(doc, 1, sentenceAt + 'Alle'.length, ' unsere');
    expect(anchoredText(doc, anchor)).toBe('Alle unsere Kinder werden gehört.');
  });

  it('is detached when another replica deletes its text, and when its paragraph goes', () => {
    const a = planWithGoals();
    const anchor = anchorOnSentence(a);
    const b = replicaOf(a);
    deleteAt(b, 1, `Der Bezirk beteiligt. `.length, SENTENCE.length);
    insertAt(a, 1, 0, 'Zuerst: ');
    syncAll(a, b);
    expect(resolveTextAnchor(a, anchor)).toBeNull();
    expect(resolveTextAnchor(b, anchor)).toBeNull();

    const c = planWithGoals();
    const other = anchorOnSentence(c);
    getOverviewText(c, 'goals').delete(1, 1); // the whole second paragraph
    expect(resolveTextAnchor(c, other)).toBeNull();
  });

  it('spans paragraphs and anchors in record fields, detached when the record is removed', () => {
    const doc = planWithGoals();
    const text = richTextCharacters(getOverviewText(doc, 'goals'));
    const across = createTextAnchor(
      doc,
      GOALS,
      text.indexOf('Spielplatz.'),
      'Spielplatz.Der'.length,
    );
    expect(across?.quote).toBe('Spielplatz.Der');
    expect(across && anchoredText(doc, across)).toBe('Spielplatz.Der');

    const phaseId = addPhase(doc, { title: 'Auftakt' });
    const ref = recordFieldRef('phase', phaseId);
    expect(isRichTextFieldRef(ref)).toBe(true);
    expect(isRichTextFieldRef('overview:goals')).toBe(true);
    expect(isRichTextFieldRef('phase:x:notes')).toBe(false);
    const goal = doc.getMap('phases').get(phaseId) as Y.Map<unknown>;
    writePlainParagraphs(goal.get('goal') as Y.XmlText, ['Ideen sammeln']);
    const anchor = createTextAnchor(doc, ref, 0, 5);
    expect(anchor?.quote).toBe('Ideen');
    expect(anchor && resolveTextAnchor(doc, anchor)).toEqual({ index: 0, length: 5 });
    removePhase(doc, phaseId);
    expect(anchor && resolveTextAnchor(doc, anchor)).toBeNull();
  });
});

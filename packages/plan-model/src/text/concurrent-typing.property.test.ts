/**
 * Two or three people type a word each into the same plain text field at the same time, each
 * keystroke applied through the input API with the caret the input reports, while their updates
 * reach each other in random order. Afterwards every replica reads the same text and every word
 * stands in it whole: characters merge instead of interleaving into nonsense.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { initPlan } from '../records/meta.js';
import { addPhase } from '../records/phase.js';
import { transformIndex } from './diff.js';
import { getTextField, recordTextFieldRef, type PlainTextField } from './text-field.js';

/** One person at an input: their replica, the field handle, their caret and what is left to type. */
interface Typist {
  doc: Y.Doc;
  field: PlainTextField;
  caret: number;
  word: string;
  typed: number;
}

/** Letters of person i's word: disjoint alphabets, so a word found in the result is theirs. */
const ALPHABETS = ['abcdefgh', 'nopqrstu', 'ABCDEFGH'];

const scenarioArb = fc.integer({ min: 2, max: 3 }).chain((people) =>
  fc.record({
    base: fc.string({ maxLength: 12, unit: fc.constantFrom('-', '.', ' ', '0', '1') }),
    words: fc.tuple(
      ...ALPHABETS.slice(0, people).map((letters) =>
        fc.string({ minLength: 1, maxLength: 8, unit: fc.constantFrom(...letters) }),
      ),
    ),
    carets: fc.array(fc.nat(12), { minLength: people, maxLength: people }),
    steps: fc.array(fc.record({ who: fc.nat(people - 1), deliver: fc.boolean(), pick: fc.nat() }), {
      minLength: 10,
      maxLength: 80,
    }),
  }),
);

describe('concurrent typing into one plain text field', () => {
  it('converges and keeps each person’s word whole', () => {
    fc.assert(
      fc.property(scenarioArb, ({ base, words, carets, steps }) => {
        const origin = new Y.Doc();
        initPlan(origin, { title: 'Plan' });
        const phase = addPhase(origin, { title: base });
        const ref = recordTextFieldRef('phase', phase, 'title');
        const inboxes: Uint8Array[][] = words.map(() => []);
        const typists: Typist[] = words.map((word, i) => {
          const doc = new Y.Doc();
          Y.applyUpdate(doc, Y.encodeStateAsUpdate(origin));
          const field = getTextField(doc, ref)!;
          return { doc, field, caret: carets[i]! % (base.length + 1), word, typed: 0 };
        });
        typists.forEach((typist, i) => {
          typist.doc.on('update', (update: Uint8Array, from: unknown) => {
            if (from !== 'remote') inboxes.forEach((inbox, j) => j !== i && inbox.push(update));
          });
          // What the board's input does with a remote change: move the caret along.
          typist.field.observe((change) => {
            if (change.origin !== 'remote') return;
            typist.caret = change.delta
              ? transformIndex(typist.caret, change.delta)
              : Math.min(typist.caret, change.value.length);
          });
        });
        const type = (typist: Typist): void => {
          const value = typist.field.value();
          const char = typist.word[typist.typed]!;
          const next = value.slice(0, typist.caret) + char + value.slice(typist.caret);
          typist.field.applyInput(next, 'local', typist.caret + 1);
          typist.caret += 1;
          typist.typed += 1;
        };
        const deliver = (i: number, pick: number): void => {
          const inbox = inboxes[i]!;
          const [update] = inbox.splice(pick % inbox.length, 1);
          if (update) Y.applyUpdate(typists[i]!.doc, update, 'remote');
        };
        for (const { who, deliver: isDelivery, pick } of steps) {
          const typist = typists[who]!;
          if (isDelivery && inboxes[who]!.length > 0) deliver(who, pick);
          else if (typist.typed < typist.word.length) type(typist);
        }
        for (const typist of typists) while (typist.typed < typist.word.length) type(typist);
        inboxes.forEach((inbox, i) => {
          while (inbox.length > 0) deliver(i, 0);
        });

        const texts = typists.map((t) => t.field.value());
        for (const text of texts) expect(text).toBe(texts[0]);
        for (const word of words) expect(texts[0]).toContain(word);
        expect(texts[0]!.length).toBe(base.length + words.join('').length);
      }),
      { numRuns: 150 },
    );
  });
});

/**
 * The input binding without a browser: a fake element stands for the `<input>`, two replicas
 * stand for two people. Typing lands at the caret, a remote word moves the caret along, a
 * too-long paste is refused whole and reported, a composition is applied once at its end.
 */
import {
  addPhase,
  getTextField,
  initPlan,
  recordTextFieldRef,
  type PlainTextField,
} from '@prozesswerkstatt/plan-model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bindTextInput, type TextInputElement } from './text-input-binding';

class FakeInput implements TextInputElement {
  value = '';
  selectionStart: number | null = 0;
  selectionEnd: number | null = 0;
  readonly ownerDocument = { activeElement: this as unknown };
  private readonly listeners = new Map<string, () => void>();
  setSelectionRange(start: number, end: number): void {
    this.selectionStart = start;
    this.selectionEnd = end;
  }
  addEventListener(type: string, listener: () => void): void {
    this.listeners.set(type, listener);
  }
  removeEventListener(type: string): void {
    this.listeners.delete(type);
  }
  /** What the browser does for a key press or a paste at the caret, then the input event. */
  type(text: string): void {
    const start = this.selectionStart ?? 0;
    const end = this.selectionEnd ?? start;
    this.value = this.value.slice(0, start) + text + this.value.slice(end);
    this.setSelectionRange(start + text.length, start + text.length);
    this.fire('input');
  }
  fire(type: string): void {
    this.listeners.get(type)?.();
  }
}

function twoPeople(title: string) {
  const a = new Y.Doc();
  initPlan(a, { title: 'Plan' });
  const phase = addPhase(a, { title });
  const b = new Y.Doc();
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  const ref = recordTextFieldRef('phase', phase, 'title');
  const bind = (doc: Y.Doc) => {
    const input = new FakeInput();
    const field = getTextField(doc, ref)!;
    const log = { refused: [] as number[], values: [] as string[] };
    bindTextInput(
      input,
      field,
      { kind: 'board' },
      {
        onValue: (v) => log.values.push(v),
        onRefused: (n) => log.refused.push(n),
        onAccepted: () => {},
      },
    );
    return { input, field, log };
  };
  const sync = () => {
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)), 'remote');
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), 'remote');
  };
  return { a: bind(a), b: bind(b), sync };
}

function typeSlowly(input: FakeInput, word: string, between: () => void): void {
  for (const char of word) {
    input.type(char);
    between();
  }
}

describe('bindTextInput', () => {
  it('keeps both words whole when two people type into the same field at once', () => {
    const { a, b, sync } = twoPeople('Werkstatt');
    a.input.setSelectionRange(9, 9);
    b.input.setSelectionRange(0, 0);
    const wordA = ' am Samstag';
    const wordB = 'Offene ';
    for (let i = 0; i < Math.max(wordA.length, wordB.length); i++) {
      if (wordA[i]) a.input.type(wordA[i]!);
      if (wordB[i]) b.input.type(wordB[i]!);
      if (i % 3 === 0) sync();
    }
    sync();
    expect(a.input.value).toBe('Offene Werkstatt am Samstag');
    expect(b.input.value).toBe(a.input.value);
    expect(a.field.value()).toBe(a.input.value);
  });

  it('moves the local caret and selection along with remote text', () => {
    const { a, b, sync } = twoPeople('Auftakt');
    a.input.setSelectionRange(3, 5); // "ta"
    b.input.setSelectionRange(0, 0);
    typeSlowly(b.input, 'Der ', sync);
    expect(a.input.value).toBe('Der Auftakt');
    expect(a.input.value.slice(a.input.selectionStart!, a.input.selectionEnd!)).toBe('ta');
  });

  it('refuses a paste over the limit whole, says so, and keeps the text', () => {
    const { a } = twoPeople('Auftakt');
    a.input.setSelectionRange(7, 7);
    a.input.type('x'.repeat(5000));
    expect(a.input.value).toBe('Auftakt');
    expect(a.field.value()).toBe('Auftakt');
    expect(a.log.refused).toEqual([5007]);
    expect(a.input.selectionEnd).toBe(7);
    a.input.type('!');
    expect(a.field.value()).toBe('Auftakt!');
  });

  it('drops control characters and bidi overrides from what is typed or pasted', () => {
    const { a, b, sync } = twoPeople('Auftakt');
    a.input.setSelectionRange(7, 7);
    a.input.type(' \u202Efdp.exe\u0007');
    sync();
    expect(a.input.value).toBe('Auftakt fdp.exe');
    expect(a.input.selectionEnd).toBe(15);
    expect(b.field.value()).toBe('Auftakt fdp.exe');
  });

  it('applies a composition once at its end, after remote text that came meanwhile', () => {
    const { a, b, sync } = twoPeople('Park');
    a.input.setSelectionRange(4, 4);
    a.input.fire('compositionstart');
    a.input.type('fest');
    b.input.setSelectionRange(0, 0);
    b.input.type('Der ');
    sync();
    expect(a.input.value).toBe('Parkfest'); // untouched during the composition
    expect(a.field.value()).toBe('Der Park');
    a.input.fire('compositionend');
    expect(a.field.value()).toBe('Der Parkfest');
    expect(a.input.value).toBe('Der Parkfest');
    expect(a.input.selectionEnd).toBe(12);
  });

  it('shows a field replaced as a whole', () => {
    const { a } = twoPeople('Alt');
    const field: PlainTextField = a.field;
    field.applyInput('Neu', 'restore');
    expect(a.input.value).toBe('Neu');
  });
});

/**
 * The binding wiring on headless editors (no DOM): existing content appears on mount, typing
 * reaches the Y.XmlText and another replica, remote changes appear, read-only editors never
 * write, and undo only reverts the field's own changes.
 */
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import { ListItemNode, ListNode } from '@lexical/list';
import { LinkNode } from '@lexical/link';
import type { Provider } from '@lexical/yjs';
import {
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $getSelection,
  $isRangeSelection,
  createEditor,
  type LexicalEditor,
} from 'lexical';
import {
  addStakeholder,
  getStakeholder,
  initPlan,
  richTextToPlainText,
  writePlainParagraphs,
} from '@prozesswerkstatt/plan-model';
import { describe, expect, it } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { bindEditorToYjs } from './collab-binding';

/** A provider whose awareness is real (the local caret lives there), without a network. */
function providerOf(doc: Y.Doc): Provider {
  const awareness = new Awareness(doc);
  awareness.setLocalState({
    anchorPos: null,
    focusPos: null,
    focusing: true,
    name: `user ${doc.clientID}`,
    color: '#000',
    awarenessData: {},
  });
  const noop = () => {};
  return { awareness, connect: noop, disconnect: noop, on: noop, off: noop } as unknown as Provider;
}

function editorOn(
  doc: Y.Doc,
  getXmlText: (doc: Y.Doc) => Y.XmlText,
  readOnly: boolean | (() => boolean) = false,
  provider: Provider | null = null,
) {
  const editor = createEditor({
    namespace: 'test',
    nodes: [HeadingNode, QuoteNode, ListNode, ListItemNode, LinkNode],
    onError: (error) => {
      throw error;
    },
  });
  const bound = bindEditorToYjs({ editor, id: 'f', doc, getXmlText, provider, readOnly });
  return { editor, ...bound };
}

const text = (editor: LexicalEditor) =>
  editor.getEditorState().read(() => $getRoot().getTextContent());
const type = (editor: LexicalEditor, value: string) =>
  editor.update(
    () => {
      const p = $createParagraphNode();
      p.append($createTextNode(value));
      $getRoot().append(p);
    },
    { discrete: true },
  );
/** Puts the caret at the end of the field, as a click behind the last word does. */
const caretToEnd = (editor: LexicalEditor) =>
  editor.update(() => $getRoot().selectEnd(), { discrete: true });
/** Types `value` at the caret, one key at a time. */
const typeAtCaret = (editor: LexicalEditor, value: string) =>
  editor.update(
    () => {
      const selection = $getSelection();
      if ($isRangeSelection(selection)) selection.insertText(value);
    },
    { discrete: true },
  );
/** Both replicas send what the other lacks at the same moment (neither has seen the other's). */
const exchange = (a: Y.Doc, b: Y.Doc) => {
  const toB = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
  const toA = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
  Y.applyUpdate(b, toB, 'remote');
  Y.applyUpdate(a, toA, 'remote');
};
const sync = (from: Y.Doc, to: Y.Doc) =>
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)), 'remote');
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function twoReplicas() {
  const a = new Y.Doc();
  initPlan(a, { title: 'T' });
  const id = addStakeholder(a, { name: 'S' });
  writePlainParagraphs(getStakeholder(a, id)!.notes, ['existing']);
  const b = new Y.Doc();
  sync(a, b);
  return { a, b, notes: (doc: Y.Doc) => getStakeholder(doc, id)!.notes };
}

describe('bindEditorToYjs', () => {
  it('shows content that was in the doc before the editor mounted', () => {
    const { b, notes } = twoReplicas();
    const { editor } = editorOn(b, notes);
    expect(text(editor)).toBe('existing');
  });

  it('sends typing to the other replica and shows remote changes', async () => {
    const { a, b, notes } = twoReplicas();
    const left = editorOn(a, notes);
    const right = editorOn(b, notes);
    type(left.editor, 'from A');
    expect(richTextToPlainText(notes(a))).toBe('existing\nfrom A');
    sync(a, b);
    await settle();
    expect(text(right.editor)).toBe('existing\n\nfrom A');
    type(right.editor, 'from B');
    sync(b, a);
    await settle();
    expect(richTextToPlainText(notes(a))).toBe('existing\nfrom A\nfrom B');
  });

  it('never writes from a read-only editor', () => {
    const { b, notes } = twoReplicas();
    const { editor } = editorOn(b, notes, true);
    const before = Y.encodeStateVector(b);
    type(editor, 'forged');
    expect(Y.encodeStateVector(b)).toEqual(before);
  });

  it('follows a role changed during the session (read-only asked on every change)', () => {
    const { b, notes } = twoReplicas();
    let readOnly = true;
    const { editor } = editorOn(b, notes, () => readOnly);
    const before = Y.encodeStateVector(b);
    type(editor, 'not yet');
    expect(Y.encodeStateVector(b)).toEqual(before);
    readOnly = false; // promoted to editor
    type(editor, 'now an editor');
    expect(richTextToPlainText(notes(b))).toContain('now an editor');
    readOnly = true; // and demoted again
    const after = Y.encodeStateVector(b);
    type(editor, 'a viewer again');
    expect(Y.encodeStateVector(b)).toEqual(after);
  });

  it('undoes its own typing but not a remote change', async () => {
    const { a, b, notes } = twoReplicas();
    const left = editorOn(a, notes);
    type(left.editor, 'mine');
    left.undoManager.stopCapturing();
    writePlainParagraphs(notes(b), ['existing', 'theirs']);
    sync(b, a);
    await settle();
    left.undoManager.undo();
    await settle();
    expect(richTextToPlainText(notes(a))).not.toContain('mine');
    expect(richTextToPlainText(notes(a))).toContain('theirs');
  });

  it('stops syncing after destroy', async () => {
    const { a, b, notes } = twoReplicas();
    const right = editorOn(b, notes);
    right.destroy();
    writePlainParagraphs(notes(a), ['changed']);
    sync(a, b);
    await settle();
    expect(text(right.editor)).toBe('existing');
  });

  it('keeps each word whole when two people type at the same spot at the same time', async () => {
    const { a, b, notes } = twoReplicas();
    const left = editorOn(a, notes, false, providerOf(a));
    const right = editorOn(b, notes, false, providerOf(b));
    caretToEnd(left.editor);
    caretToEnd(right.editor);
    const [wordA, wordB] = [' Sonnenblume', ' Regenschirm'];
    for (let i = 0; i < wordA.length; i++) {
      typeAtCaret(left.editor, wordA[i]!);
      typeAtCaret(right.editor, wordB[i]!);
      exchange(a, b);
      await settle();
    }
    expect(text(left.editor)).toBe(text(right.editor));
    expect(text(left.editor)).toContain(wordA);
    expect(text(left.editor)).toContain(wordB);
    expect(richTextToPlainText(notes(a))).toBe(text(left.editor));
  });

  it('keeps each word whole when both start typing in an empty paragraph', async () => {
    const { a, b, notes } = twoReplicas();
    const left = editorOn(a, notes, false, providerOf(a));
    const right = editorOn(b, notes, false, providerOf(b));
    left.editor.update(() => $getRoot().append($createParagraphNode()), { discrete: true });
    sync(a, b);
    await settle();
    caretToEnd(left.editor);
    caretToEnd(right.editor);
    const [wordA, wordB] = ['Sonnenblume', 'Regenschirm'];
    for (let i = 0; i < wordA.length; i++) {
      typeAtCaret(left.editor, wordA[i]!);
      typeAtCaret(right.editor, wordB[i]!);
      exchange(a, b);
      await settle();
    }
    expect(text(left.editor)).toBe(text(right.editor));
    expect(text(left.editor)).toMatch(
      /^existing\n\n(SonnenblumeRegenschirm|RegenschirmSonnenblume)$/,
    );
  });

  it("merges two people's offline edits of the same field, each word whole", async () => {
    const { a, b, notes } = twoReplicas();
    const left = editorOn(a, notes, false, providerOf(a));
    const right = editorOn(b, notes, false, providerOf(b));
    // Apart: each adds a word at the end of the same paragraph, and A a new paragraph too.
    caretToEnd(left.editor);
    caretToEnd(right.editor);
    typeAtCaret(left.editor, ' Sonnenblume');
    typeAtCaret(right.editor, ' Regenschirm');
    type(left.editor, 'Gartenzaun');
    // Back online: the replicas exchange what they missed.
    exchange(a, b);
    await settle();
    expect(text(left.editor)).toBe(text(right.editor));
    for (const word of ['existing', ' Sonnenblume', ' Regenschirm', 'Gartenzaun']) {
      expect(text(right.editor)).toContain(word);
    }
    expect(richTextToPlainText(notes(a))).toBe(richTextToPlainText(notes(b)));
  });
});

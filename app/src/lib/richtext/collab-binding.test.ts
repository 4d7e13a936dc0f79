/**
 * The binding wiring on headless editors (no DOM): existing content appears on mount, typing
 * reaches the Y.XmlText and another replica, remote changes appear, read-only editors never
 * write, and undo only reverts the field's own changes.
 */
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import { ListItemNode, ListNode } from '@lexical/list';
import { LinkNode } from '@lexical/link';
import {
  $createParagraphNode,
  $createTextNode,
  $getRoot,
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
import * as Y from 'yjs';
import { bindEditorToYjs } from './collab-binding';

function editorOn(
  doc: Y.Doc,
  getXmlText: (doc: Y.Doc) => Y.XmlText,
  readOnly: boolean | (() => boolean) = false,
) {
  const editor = createEditor({
    namespace: 'test',
    nodes: [HeadingNode, QuoteNode, ListNode, ListItemNode, LinkNode],
    onError: (error) => {
      throw error;
    },
  });
  const bound = bindEditorToYjs({ editor, id: 'f', doc, getXmlText, provider: null, readOnly });
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
});

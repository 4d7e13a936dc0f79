/**
 * The length limit on a headless editor bound to a real Y.Doc: input within the limit passes,
 * input beyond it (a key or a whole paste) is refused without reaching the document, shortening
 * always passes, and what someone else wrote is never dropped.
 */
import {
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $getSelection,
  $isRangeSelection,
  createEditor,
  type LexicalEditor,
} from 'lexical';
import { richTextToPlainText, writePlainParagraphs } from '@prozesswerkstatt/plan-model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bindEditorToYjs } from './collab-binding';
import { registerLengthLimit, type LengthState } from './length-limit';

const LIMIT = 10;
const field = (doc: Y.Doc) => doc.get('field', Y.XmlText) as Y.XmlText;

function limitedEditor(initial: string) {
  const doc = new Y.Doc();
  writePlainParagraphs(field(doc), [initial]);
  const editor = createEditor({
    namespace: 'test',
    onError: (error) => {
      throw error;
    },
  });
  bindEditorToYjs({ editor, id: 'f', doc, getXmlText: field, provider: null, readOnly: false });
  const states: LengthState[] = [];
  registerLengthLimit(editor, LIMIT, (state) => states.push(state));
  editor.update(() => $getRoot().selectEnd(), { discrete: true });
  return { doc, editor, last: () => states.at(-1)! };
}

const insert = (editor: LexicalEditor, value: string) =>
  editor.update(
    () => {
      const selection = $getSelection();
      if ($isRangeSelection(selection)) selection.insertText(value);
    },
    { discrete: true },
  );
/** Deletes the last character, as Backspace at the end does (without a DOM to ask). */
const deleteLast = (editor: LexicalEditor) =>
  editor.update(
    () => {
      const node = $getRoot().getAllTextNodes().at(-1)!;
      node.spliceText(node.getTextContentSize() - 1, 1, '', true);
    },
    { discrete: true },
  );
const text = (editor: LexicalEditor) =>
  editor.getEditorState().read(() => $getRoot().getTextContent());

describe('registerLengthLimit', () => {
  it('passes input up to the limit and reports the length', () => {
    const { doc, editor, last } = limitedEditor('Radweg');
    insert(editor, 'plan');
    expect(text(editor)).toBe('Radwegplan');
    expect(richTextToPlainText(field(doc))).toBe('Radwegplan');
    expect(last()).toEqual({ length: 10, refused: false });
  });

  it('refuses a key beyond the limit: nothing reaches the document, the refusal is reported', () => {
    const { doc, editor, last } = limitedEditor('Radwegplan');
    const before = Y.encodeStateVector(doc);
    insert(editor, 'x');
    expect(text(editor)).toBe('Radwegplan');
    expect(Y.encodeStateVector(doc)).toEqual(before);
    expect(last()).toEqual({ length: 10, refused: true });
    // Typing on keeps being refused; the caret is where it was, so deleting works.
    insert(editor, 'y');
    expect(text(editor)).toBe('Radwegplan');
    deleteLast(editor);
    expect(text(editor)).toBe('Radwegpla');
    expect(richTextToPlainText(field(doc))).toBe('Radwegpla');
    expect(last()).toEqual({ length: 9, refused: false });
  });

  it('refuses a whole paste that would exceed the limit, also across paragraphs', () => {
    const { doc, editor, last } = limitedEditor('Rad');
    const before = Y.encodeStateVector(doc);
    editor.update(
      () => {
        const paragraph = $createParagraphNode().append($createTextNode('eine lange Zeile'));
        $getRoot().append(paragraph);
      },
      { discrete: true },
    );
    expect(text(editor)).toBe('Rad');
    expect(Y.encodeStateVector(doc)).toEqual(before);
    expect(last().refused).toBe(true);
  });

  it('keeps what someone else wrote even beyond the limit, and lets the field shrink', async () => {
    const { doc, editor, last } = limitedEditor('Rad');
    const remote = new Y.Doc();
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc));
    writePlainParagraphs(field(remote), ['Ein Text von jemand anderem']);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote, Y.encodeStateVector(doc)), 'remote');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(text(editor)).toBe('Ein Text von jemand anderem');
    expect(last()).toEqual({ length: 27, refused: false });
    editor.update(() => $getRoot().selectEnd(), { discrete: true });
    insert(editor, '!');
    expect(text(editor)).toBe('Ein Text von jemand anderem');
    deleteLast(editor);
    expect(richTextToPlainText(field(doc))).toBe('Ein Text von jemand andere');
  });
});

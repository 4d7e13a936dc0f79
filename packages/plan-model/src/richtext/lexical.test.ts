/**
 * Proves the rich-text layer against a real `@lexical/yjs` 0.52.0 binding on a headless editor,
 * wired as `@lexical/react`'s useYjsCollaboration does it: Yjs → Lexical through
 * `syncYjsChangesToLexical` on `observeDeep`, Lexical → Yjs through `syncLexicalUpdateToYjs` in
 * an update listener. Content reaches a binding the way a provider delivers it: the binding is
 * created over an empty field, then the update is applied.
 */
import { createHeadlessEditor } from '@lexical/headless';
import {
  createYjsBinding,
  syncLexicalUpdateToYjs,
  syncYjsChangesToLexical,
  type Provider,
} from '@lexical/yjs';
import {
  $createLineBreakNode,
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $isElementNode,
  SKIP_COLLAB_TAG,
  type LexicalEditor,
} from 'lexical';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { planFromJSON } from '../json/import.js';
import { planToJSON, toCanonicalJSON } from '../json/export.js';
import { initPlan } from '../records/meta.js';
import { addStakeholder, getStakeholder } from '../records/stakeholder.js';
import { getOverviewText } from '../overview.js';
import { richTextToJSON } from './json.js';
import { createTextAnchor, resolveTextAnchor, richTextCharacters } from './anchor.js';
import { richTextToPlainText, writePlainParagraphs } from './plain.js';

/** A provider stub: the binding only touches awareness for cursors, which we do not test. */
const provider: Provider = {
  awareness: {
    getLocalState: () => null,
    getStates: () => new Map(),
    on: () => {},
    off: () => {},
    setLocalState: () => {},
    setLocalStateField: () => {},
  },
  connect: () => {},
  disconnect: () => {},
  on: () => {},
  off: () => {},
};

function bindEditor(doc: Y.Doc, getXmlText: (doc: Y.Doc) => Y.XmlText): LexicalEditor {
  const editor = createHeadlessEditor({
    onError: (error) => {
      throw error;
    },
  });
  const binding = createYjsBinding({
    editor,
    id: 'main',
    doc,
    docMap: new Map([['main', doc]]),
    getXmlText,
  });
  binding.root.getSharedType().observeDeep((events, transaction) => {
    if (transaction.origin !== binding) {
      syncYjsChangesToLexical(binding, provider, events as Y.YEvent<Y.Text>[], false);
    }
  });
  editor.registerUpdateListener((update) => {
    if (update.tags.has(SKIP_COLLAB_TAG)) return;
    syncLexicalUpdateToYjs(
      binding,
      provider,
      update.prevEditorState,
      update.editorState,
      update.dirtyElements,
      update.dirtyLeaves,
      update.normalizedNodes,
      update.tags,
    );
  });
  return editor;
}

function paragraphs(editor: LexicalEditor): string[] {
  return editor.getEditorState().read(() =>
    $getRoot()
      .getChildren()
      .map((node) => ($isElementNode(node) ? `${node.getType()}:${node.getTextContent()}` : '?')),
  );
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const sync = (from: Y.Doc, to: Y.Doc) =>
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
const goals = (doc: Y.Doc) => getOverviewText(doc, 'goals');

describe('rich text with a headless Lexical editor', () => {
  it('shows paragraphs seeded with writePlainParagraphs', async () => {
    const server = new Y.Doc();
    writePlainParagraphs(goals(server), ['Hello', '', 'World']);
    const client = new Y.Doc();
    const editor = bindEditor(client, goals);
    sync(server, client);
    await settle();
    expect(paragraphs(editor)).toEqual(['paragraph:Hello', 'paragraph:', 'paragraph:World']);
  });

  it('writes exactly the structure the editor itself writes', async () => {
    const seeded = new Y.Doc();
    writePlainParagraphs(goals(seeded), ['Hello', '', 'World']);
    const typed = new Y.Doc();
    const editor = bindEditor(typed, goals);
    editor.update(
      () => {
        const texts = ['Hello', '', 'World'];
        $getRoot().append(
          ...texts.map((text) => {
            const p = $createParagraphNode();
            if (text) p.append($createTextNode(text));
            return p;
          }),
        );
      },
      { discrete: true },
    );
    expect(richTextToJSON(goals(seeded))).toEqual(richTextToJSON(goals(typed)));
  });

  it('sends text typed in the editor to the Y.XmlText and to another replica', async () => {
    const docA = new Y.Doc();
    initPlan(docA, { title: 'T' });
    const id = addStakeholder(docA, { name: 'S' });
    writePlainParagraphs(getStakeholder(docA, id)!.notes, ['first']);
    const docB = new Y.Doc();
    const notes = (doc: Y.Doc) => getStakeholder(doc, id)!.notes;
    // The record must exist before an editor can be bound to its field.
    sync(docA, docB);
    const editorB = bindEditor(docB, notes);
    const editorA = bindEditor(docA, notes);
    writePlainParagraphs(notes(docA), ['first', 'second']);
    sync(docA, docB);
    await settle();
    expect(paragraphs(editorB)).toEqual(['paragraph:first', 'paragraph:second']);

    editorB.update(
      () => {
        const p = $createParagraphNode();
        p.append($createTextNode('typed in B'));
        $getRoot().append(p);
      },
      { discrete: true },
    );
    expect(richTextToPlainText(notes(docB))).toBe('first\nsecond\ntyped in B');
    sync(docB, docA);
    await settle();
    expect(richTextToPlainText(notes(docA))).toBe('first\nsecond\ntyped in B');
    expect(paragraphs(editorA)).toEqual([
      'paragraph:first',
      'paragraph:second',
      'paragraph:typed in B',
    ]);
    const docC = new Y.Doc();
    Y.applyUpdate(docC, Y.encodeStateAsUpdate(docB));
    expect(toCanonicalJSON(docC)).toBe(toCanonicalJSON(docA));
  });

  it('round-trips formatted editor content through planToJSON/planFromJSON', async () => {
    const original = new Y.Doc();
    initPlan(original, { title: 'T' });
    const editor = bindEditor(original, goals);
    editor.update(
      () => {
        const p = $createParagraphNode();
        const bold = $createTextNode('bold').toggleFormat('bold');
        p.append(
          $createTextNode('plain '),
          bold,
          $createLineBreakNode(),
          $createTextNode('next line'),
        );
        $getRoot().append(p);
      },
      { discrete: true },
    );
    const imported = new Y.Doc();
    planFromJSON(imported, planToJSON(original));
    expect(toCanonicalJSON(imported)).toBe(toCanonicalJSON(original));
    const viewer = new Y.Doc();
    const viewerEditor = bindEditor(viewer, goals);
    sync(imported, viewer);
    await settle();
    const strip = (e: LexicalEditor) => JSON.stringify(e.getEditorState().toJSON());
    expect(strip(viewerEditor)).toBe(strip(editor));
    expect(richTextToPlainText(goals(imported))).toBe('plain bold\nnext line');
  });
});

describe('text anchors on what a Lexical editor wrote', () => {
  /** The editor's characters without block separators: what its DOM text nodes hold. */
  const editorCharacters = (editor: LexicalEditor) =>
    editor.getEditorState().read(() =>
      $getRoot()
        .getAllTextNodes()
        .map((node) => node.getTextContent())
        .join(''),
    );

  it('counts the characters the editor shows and follows edits made in the editor', async () => {
    const doc = new Y.Doc();
    const editor = bindEditor(doc, goals);
    editor.update(
      () => {
        const first = $createParagraphNode().append($createTextNode('Wir bauen.'));
        const second = $createParagraphNode().append(
          $createTextNode('Alle '),
          $createTextNode('Kinder').toggleFormat('bold'),
          $createTextNode(' werden gehört.'),
        );
        $getRoot().append(first, second);
      },
      { discrete: true },
    );
    await settle();
    expect(richTextCharacters(goals(doc))).toBe(editorCharacters(editor));

    const characters = richTextCharacters(goals(doc));
    const wanted = 'Kinder werden';
    const anchor = createTextAnchor(
      doc,
      'overview:goals',
      characters.indexOf(wanted),
      wanted.length,
    );
    expect(anchor?.quote).toBe(wanted);

    // Someone types at the start of the paragraph and bolds a word before the range in Lexical.
    editor.update(
      () => {
        const paragraph = $getRoot().getChildAtIndex(1);
        if (!$isElementNode(paragraph)) throw new Error('no paragraph');
        paragraph.getFirstDescendant()?.insertBefore($createTextNode('Fast '));
      },
      { discrete: true },
    );
    await settle();
    const range = anchor && resolveTextAnchor(doc, anchor);
    const now = richTextCharacters(goals(doc));
    expect(now).toBe('Wir bauen.Fast Alle Kinder werden gehört.');
    expect(range && now.slice(range.index, range.index + range.length)).toBe(wanted);
  });
});

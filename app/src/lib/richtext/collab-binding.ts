/**
 * Binds one Lexical editor to one `Y.XmlText` of the plan, wired step by step like
 * `@lexical/react`'s `useYjsCollaboration` (V1 binding): Yjs → Lexical on `observeDeep`, skipping
 * the binding's own transactions; Lexical → Yjs in an update listener, skipping
 * collaboration-tagged updates; undo through a Yjs UndoManager that only tracks this binding;
 * remote cursors from the shared awareness; teardown in reverse order.
 *
 * Many editors share one `Y.Doc` and one provider: cursors are resolved per binding by
 * `@lexical/yjs` (a position in another field resolves to nothing here). The local caret is kept
 * attached to the character before it ({@link stickyCaretProvider}), so that two people typing
 * at the same spot never interleave their letters.
 */
import {
  createUndoManager,
  createYjsBinding,
  setLocalStateFocus,
  syncCursorPositions,
  syncLexicalUpdateToYjs,
  syncYjsChangesToLexical,
  type Binding,
  type Provider,
} from '@lexical/yjs';
import {
  BLUR_COMMAND,
  CAN_REDO_COMMAND,
  CAN_UNDO_COMMAND,
  COLLABORATION_TAG,
  COMMAND_PRIORITY_EDITOR,
  FOCUS_COMMAND,
  REDO_COMMAND,
  SKIP_COLLAB_TAG,
  UNDO_COMMAND,
  type LexicalEditor,
} from 'lexical';
import type * as Y from 'yjs';
import { stickyCaretProvider } from './sticky-caret';

/** What {@link bindEditorToYjs} needs. */
export interface CollabBindingOptions {
  editor: LexicalEditor;
  /** Unique per field on the page (the `docMap` key; also names the binding in errors). */
  id: string;
  doc: Y.Doc;
  /** Resolves the field; must be idempotent and return the same `Y.XmlText` every time. */
  getXmlText: (doc: Y.Doc) => Y.XmlText;
  /** The shared provider (its awareness carries cursors); null in tests without one. */
  provider: Provider | null;
  /**
   * Read-only: local editor changes are never written to Yjs. (A reader's write would be refused
   * by the server; Lexical itself may normalise an emptied root, which must stay local.) A
   * function is asked on every change, so a role changed during the session takes effect in an
   * editor that is already mounted.
   */
  readOnly: boolean | (() => boolean);
  /** Element the remote carets and name tags are drawn into (positioned relative). */
  cursorsContainer?: HTMLElement | null;
}

/** A live binding. */
export interface CollabBinding {
  binding: Binding;
  undoManager: Y.UndoManager;
  /** Stops syncing and releases listeners (reverse order of set-up). */
  destroy: () => void;
}

/** A provider stand-in when there is none (tests): cursors are a no-op then. */
const NO_PROVIDER: Provider = {
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

/** Connects `editor` to its `Y.XmlText`; see the module comment. */
export function bindEditorToYjs(options: CollabBindingOptions): CollabBinding {
  const { editor, id, doc, getXmlText } = options;
  const readOnly = options.readOnly;
  const isReadOnly = typeof readOnly === 'function' ? readOnly : () => readOnly;
  // Every awareness write of this binding keeps the local caret behind one's own last letter.
  const provider = stickyCaretProvider(options.provider ?? NO_PROVIDER, doc);
  const binding = createYjsBinding({ editor, id, doc, docMap: new Map([[id, doc]]), getXmlText });
  binding.cursorsContainer = options.cursorsContainer ?? null;
  const sharedType = binding.root.getSharedType();
  const cleanups: Array<() => void> = [];

  // 1. What the doc already holds (offline copy, earlier sync) is shown at once; the React
  //    plugin gets it through the provider's first sync, which happened before this editor mounted.
  editor.update(
    () => {
      binding.root.applyChildrenYjsDelta(binding, sharedType.toDelta());
      binding.root.syncChildrenFromYjs(binding);
    },
    { discrete: true, skipTransforms: true, tag: [COLLABORATION_TAG, SKIP_COLLAB_TAG] },
  );

  // 2. Yjs → Lexical for changes made elsewhere (remote peers, undo of this field).
  const onYjsChanges = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>, tr: Y.Transaction) => {
    if (tr.origin === binding) return;
    const isUndo = tr.origin === undoManager;
    syncYjsChangesToLexical(binding, provider, events as Array<Y.YEvent<Y.Text>>, isUndo);
  };
  sharedType.observeDeep(onYjsChanges);
  cleanups.push(() => sharedType.unobserveDeep(onYjsChanges));

  // 3. Lexical → Yjs for local edits. As in the React plugin only `skip-collab` is skipped here:
  //    `syncLexicalUpdateToYjs` itself ignores collaboration/history-tagged updates except for
  //    normalisation conflicts, which it must still resolve.
  cleanups.push(
    editor.registerUpdateListener(
      ({ prevEditorState, editorState, dirtyLeaves, dirtyElements, normalizedNodes, tags }) => {
        if (isReadOnly() || tags.has(SKIP_COLLAB_TAG)) return;
        syncLexicalUpdateToYjs(
          binding,
          provider,
          prevEditorState,
          editorState,
          dirtyElements,
          dirtyLeaves,
          normalizedNodes,
          tags,
        );
      },
    ),
  );

  // 4. Undo/redo of this field's own changes only.
  const undoManager = createUndoManager(binding, sharedType);
  const updateUndoState = () => {
    editor.dispatchCommand(CAN_UNDO_COMMAND, undoManager.undoStack.length > 0);
    editor.dispatchCommand(CAN_REDO_COMMAND, undoManager.redoStack.length > 0);
  };
  undoManager.on('stack-item-added', updateUndoState);
  undoManager.on('stack-item-popped', updateUndoState);
  undoManager.on('stack-cleared', updateUndoState);
  cleanups.push(
    editor.registerCommand(
      UNDO_COMMAND,
      () => {
        if (!isReadOnly()) undoManager.undo();
        return true;
      },
      COMMAND_PRIORITY_EDITOR,
    ),
    editor.registerCommand(
      REDO_COMMAND,
      () => {
        if (!isReadOnly()) undoManager.redo();
        return true;
      },
      COMMAND_PRIORITY_EDITOR,
    ),
    () => undoManager.destroy(),
  );

  // 5. Presence: focus flag and remote cursors of this field.
  const awareness = provider.awareness;
  const focus = (focusing: boolean) => {
    const state = awareness.getLocalState();
    if (state) setLocalStateFocus(provider, state.name, state.color, focusing, state.awarenessData);
    return false;
  };
  const onAwareness = () => syncCursorPositions(binding, provider);
  awareness.on('update', onAwareness);
  cleanups.push(
    () => awareness.off('update', onAwareness),
    editor.registerCommand(FOCUS_COMMAND, () => focus(true), COMMAND_PRIORITY_EDITOR),
    editor.registerCommand(BLUR_COMMAND, () => focus(false), COMMAND_PRIORITY_EDITOR),
  );

  return {
    binding,
    undoManager,
    destroy: () => {
      for (const cleanup of cleanups.reverse()) cleanup();
      for (const cursor of binding.cursors.values()) {
        cursor.selection?.caret.remove();
        cursor.selection?.selections.forEach((el) => el.remove());
      }
      binding.cursors.clear();
    },
  };
}

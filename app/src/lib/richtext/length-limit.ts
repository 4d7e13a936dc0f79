/**
 * Refuses local input that would make a rich-text field longer than its limit (plan-model's
 * `richTextLimit`), and reports the field's length and each refusal to the component.
 *
 * The check runs as a transform of the root, inside the very update that would exceed the limit,
 * so the refused text never reaches the editor's DOM or the Yjs document (the binding's update
 * listener sees the restored state and writes nothing). The whole input is refused — a paste too
 * long is not cut somewhere in the middle — and the component says so. Changes that make the field
 * shorter always pass, even while it is over the limit (e.g. after two people typed at once near
 * it); remote changes and undo are not checked here (they skip transforms), so nothing that others
 * wrote is ever dropped.
 */
import { $restoreEditorState as restoreEditorState } from '@lexical/utils';
import { $getRoot as getRoot, RootNode, type LexicalEditor } from 'lexical';

/** What the component shows: length now, and whether the last local input was refused. */
export interface LengthState {
  length: number;
  refused: boolean;
}

/** Characters of the field as plan-model counts them: text only, no paragraph or line breaks. */
export function $textLength(): number {
  let length = 0;
  for (const node of getRoot().getAllTextNodes()) length += node.getTextContentSize();
  return length;
}

/** Enforces `limit` on `editor`; `report` is called after every update. Returns the unregister. */
export function registerLengthLimit(
  editor: LexicalEditor,
  limit: number,
  report: (state: LengthState) => void,
): () => void {
  let refusedInUpdate = false;
  let refused = false;
  let lastLength = editor.getEditorState().read($textLength);
  const removeTransform = editor.registerNodeTransform(RootNode, () => {
    const before = editor.getEditorState();
    const length = $textLength();
    if (length <= limit) return;
    if (length > before.read($textLength)) {
      refusedInUpdate = true;
      restoreEditorState(editor, before);
    }
  });
  const removeListener = editor.registerUpdateListener(({ editorState }) => {
    const length = editorState.read($textLength);
    // The message stays until the next accepted change of the text.
    if (refusedInUpdate) refused = true;
    else if (length !== lastLength) refused = false;
    refusedInUpdate = false;
    lastLength = length;
    report({ length, refused });
  });
  report({ length: lastLength, refused });
  return () => {
    removeListener();
    removeTransform();
  };
}

/**
 * Re-anchoring text comments after a restore: `restorePlanJSON` rewrites a rich-text field that
 * differs wholesale, so the Yjs positions of every text anchor in it point at deleted characters
 * and the threads show as detached, even where the quoted passage is back word for word. The
 * server anchors such threads again on the restored text.
 */
import {
  createTextAnchor,
  getRichTextField,
  resolveTextAnchor,
  richTextCharacters,
} from '@prozesswerkstatt/plan-model';
import type * as Y from 'yjs';
import { parseAnchor } from '../comments/anchor.js';
import type { Db } from './db.js';

/**
 * For each open text-anchored thread of document `docName` whose anchor no longer resolves in
 * `doc` (the document as it is after the restore) but whose quote occurs in its field: anchors it
 * on the first occurrence. `doc` must hold the state the anchors are then resolved against (the
 * restore's change is sent to the collab-server from it). Returns the ids of the threads moved.
 */
export async function reanchorDetachedThreads(
  db: Db,
  docName: string,
  doc: Y.Doc,
): Promise<string[]> {
  const threads = await db
    .selectFrom('comment_threads')
    .select(['id', 'anchor'])
    .where('doc_name', '=', docName)
    .where('status', '=', 'open')
    .execute();
  const moved: string[] = [];
  for (const thread of threads) {
    const anchor = parseAnchor(thread.anchor);
    if (anchor?.kind !== 'text' || resolveTextAnchor(doc, anchor) !== null) continue;
    const field = getRichTextField(doc, anchor.field);
    if (!field) continue;
    const index = richTextCharacters(field).indexOf(anchor.quote);
    if (index < 0) continue;
    const next = createTextAnchor(doc, anchor.field, index, anchor.quote.length);
    if (!next) continue;
    await db
      .updateTable('comment_threads')
      .set({ anchor: JSON.stringify(next) })
      .where('id', '=', thread.id)
      .execute();
    moved.push(thread.id);
  }
  return moved;
}

import * as Y from 'yjs';
import { writeRichTextJSON, type RichTextJSON } from '../richtext/json.js';
import { richTextToPlainText } from '../richtext/plain.js';

/**
 * The plain text of a rich-text field in JSON form (as in `PlanJSON`), read the same way as from a
 * live field: the JSON is written into a scratch document and read back with `richTextToPlainText`.
 */
export function richTextJSONToPlainText(json: RichTextJSON): string {
  const doc = new Y.Doc();
  try {
    const text = doc.get('scratch', Y.XmlText);
    writeRichTextJSON(text, json);
    return richTextToPlainText(text);
  } finally {
    doc.destroy();
  }
}

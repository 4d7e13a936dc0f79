/**
 * Whether a rich-text field (plan-model's JSON form of the `Y.XmlText` that `@lexical/yjs`
 * writes) says anything. Only the text counts: strings in the delta, also inside nested
 * elements (paragraphs, list items, links). Node properties (`map` embeds), attributes and
 * decorators carry no words, and whitespace (also no-break and zero-width spaces) is no content.
 */
import type { RichDeltaOp, RichTextJSON, RichValue } from '@prozesswerkstatt/plan-model';

/** Characters that look like nothing: Unicode white space plus zero-width space/joiners and BOM. */
const INVISIBLE = /[\s\u200B-\u200D\u2060\uFEFF]/gu;

/** True when the field holds at least one visible character. */
export function hasText(json: RichTextJSON): boolean {
  return deltaHasText(json.delta);
}

function deltaHasText(delta: readonly RichDeltaOp[]): boolean {
  return delta.some((op) =>
    typeof op.insert === 'string' ? visible(op.insert) : valueHasText(op.insert),
  );
}

function valueHasText(value: RichValue): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (value.type === 'xmlText') return deltaHasText(value.delta);
  // Lexical keeps text only in XmlText deltas; an element's children may hold such texts.
  if (value.type === 'xmlElement') return value.children.some(valueHasText);
  return false;
}

function visible(text: string): boolean {
  return text.replace(INVISIBLE, '') !== '';
}

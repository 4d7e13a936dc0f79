import { RICH_TEXT_LIMITS, RICH_TEXT_WARN_RATIO } from '@prozesswerkstatt/contract';
import type * as Y from 'yjs';
import { richTextCharacters, type RichTextFieldRef } from './anchor.js';

/**
 * How long each rich-text field may be, in characters of its text (what
 * {@link richTextCharacters} returns: letters, spaces and punctuation, not paragraph or line
 * breaks and not formatting). The numbers and why they are what they are: `RICH_TEXT_LIMITS` in
 * the contract package. The editor shows a counter near the field from
 * {@link RICH_TEXT_WARN_RATIO} of the limit on and refuses input beyond it.
 */
export { RICH_TEXT_LIMITS, RICH_TEXT_WARN_RATIO };

/** The limit of the field `ref` names (`overview:<field>`, `phase:<id>:goal`, …). */
export function richTextLimit(ref: RichTextFieldRef): number {
  const [part, , field] = ref.split(':');
  if (part === 'format' && field === 'description') return RICH_TEXT_LIMITS.formatDescription;
  if (part === 'phase' && field === 'goal') return RICH_TEXT_LIMITS.phaseGoal;
  if (part === 'stakeholder' && field === 'notes') return RICH_TEXT_LIMITS.stakeholderNotes;
  return RICH_TEXT_LIMITS.overview;
}

/** The field's length as its limit counts it. */
export function richTextLength(xmlText: Y.XmlText): number {
  return richTextCharacters(xmlText).length;
}

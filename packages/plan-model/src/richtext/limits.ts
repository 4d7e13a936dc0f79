/**
 * How long each rich-text field may be, in characters of its text (what
 * {@link richTextCharacters} returns: letters, spaces and punctuation, not paragraph or line
 * breaks and not formatting). The editor shows a counter near the field from
 * {@link RICH_TEXT_WARN_RATIO} of the limit on and refuses input beyond it.
 *
 * The numbers follow what each field is for:
 * - overview fields (occasion, goals, scope of influence, constraints, open questions) describe
 *   the whole process: up to 20,000 characters, about eight printed pages;
 * - a format's description (agenda, method, materials): 10,000, about four pages;
 * - a phase's goal: a few sentences or a short list, 5,000;
 * - notes on a stakeholder, shown in a table cell: 2,000, about half a page.
 *
 * Why limits at all: every character travels to every open board and is kept in each version;
 * a field of a megabyte (a stray paste) would make the plan slow for everyone and could exceed the
 * collab-server's message limit, which refuses the whole update.
 */
import type * as Y from 'yjs';
import { richTextCharacters, type RichTextFieldRef } from './anchor.js';

/** Limits by kind of field, in characters. */
export const RICH_TEXT_LIMITS = {
  overview: 20_000,
  formatDescription: 10_000,
  phaseGoal: 5_000,
  stakeholderNotes: 2_000,
} as const;

/** From this share of the limit on, the editor shows how many characters are used. */
export const RICH_TEXT_WARN_RATIO = 0.8;

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

/**
 * What a comment thread is about: a plan element, or a range of a rich-text field (a plan-model
 * {@link TextAnchor}: Yjs relative positions that follow the text). Shared by the server, which
 * validates anchors before storing them, and the board, which places threads by them.
 */
import { isRichTextFieldRef, OVERVIEW_FIELDS, type TextAnchor } from '@prozesswerkstatt/plan-model';
import { z } from 'zod';

/**
 * The kinds of plan element a thread can be about. `contribution` is a participation result's
 * contribution (storage's results tables, not the plan document): its id is the contribution id.
 */
export const ELEMENT_PARTS = [
  'stakeholder',
  'phase',
  'format',
  'result',
  'overview',
  'contribution',
] as const;
export type ElementPart = (typeof ELEMENT_PARTS)[number];

/** A thread about a whole element; for `overview` the id is the overview field's name. */
export interface ElementAnchor {
  kind: 'element';
  part: ElementPart;
  id: string;
}

export type CommentAnchor = ElementAnchor | TextAnchor;

const id = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9_-]+$/);
const position = z
  .string()
  .min(1)
  .max(2000)
  .regex(/^[A-Za-z0-9+/=]+$/);

const anchorSchema = z.discriminatedUnion('kind', [
  z
    .object({ kind: z.literal('element'), part: z.enum(ELEMENT_PARTS), id })
    .strict()
    .refine(
      (a) => a.part !== 'overview' || (OVERVIEW_FIELDS as readonly string[]).includes(a.id),
      'unknown overview field',
    ),
  z
    .object({
      kind: z.literal('text'),
      field: z.string().max(200).refine(isRichTextFieldRef, 'unknown field'),
      start: position,
      end: position,
      quote: z.string().min(1).max(2000),
    })
    .strict(),
]);

/** The anchor in `json`, or null when it is not a well-formed anchor. */
export function parseAnchor(json: string): CommentAnchor | null {
  try {
    const result = anchorSchema.safeParse(JSON.parse(json));
    return result.success ? result.data : null;
  } catch {
    return null;
  }
}

/**
 * The element a thread counts for (its badge): the element itself, or for a text anchor the
 * element whose field holds the text (`overview:goals` → overview field `goals`).
 */
export function anchorElementKey(anchor: CommentAnchor): string {
  if (anchor.kind === 'element') return `${anchor.part}:${anchor.id}`;
  const [part, recordId] = anchor.field.split(':');
  return `${part}:${recordId}`;
}

/** The contribution a thread is about, or null when it is about the plan document. */
export function contributionIdOf(anchor: CommentAnchor): string | null {
  return anchor.kind === 'element' && anchor.part === 'contribution' ? anchor.id : null;
}

/** The key {@link anchorElementKey} gives for an element. */
export function elementKey(part: ElementPart, elementId: string): string {
  return `${part}:${elementId}`;
}

/** What a thread is about, in words (sidebar, inbox, exports), in the current language. */
import { OVERVIEW_FIELDS } from '@prozesswerkstatt/plan-model';
import { m } from '../paraglide/messages.js';
import { planFieldLabel } from '../plan-field-labels.js';
import type { CommentAnchor, ElementPart } from './anchor.js';

/** A record's title by part and id, when the caller has the plan at hand. */
export type TitleOf = (part: ElementPart, id: string) => string | undefined;

/** The short reference of a contribution in labels ("Beitrag #1a2b3c4d"). */
export function contributionRef(id: string): string {
  return id.slice(0, 8);
}

function partLabel(part: ElementPart, id: string, titleOf?: TitleOf): string {
  if (part === 'overview') {
    return (OVERVIEW_FIELDS as readonly string[]).includes(id) ? planFieldLabel(id) : id;
  }
  if (part === 'contribution') {
    // No running number exists and the receipt code is personal: the id's start tells items apart.
    const title = titleOf?.(part, id)?.trim();
    const kind = m.comment_part_contribution({ ref: contributionRef(id) });
    return title ? m.comment_element_titled({ kind, title }) : kind;
  }
  const kind = {
    stakeholder: m.comment_part_stakeholder,
    phase: m.comment_part_phase,
    format: m.comment_part_format,
    result: m.comment_part_result,
  }[part]();
  const title = titleOf?.(part, id)?.trim();
  return title ? m.comment_element_titled({ kind, title }) : kind;
}

export function anchorLabel(anchor: CommentAnchor, titleOf?: TitleOf): string {
  if (anchor.kind === 'element') return partLabel(anchor.part, anchor.id, titleOf);
  const [part, id] = anchor.field.split(':') as [ElementPart, string];
  return m.comment_text_anchor_label({
    element: partLabel(part, id, titleOf),
    quote: anchor.quote.length > 80 ? `${anchor.quote.slice(0, 79)}…` : anchor.quote,
  });
}

/** What a thread is about, in words (sidebar, inbox, exports), in the current language. */
import type { OverviewField } from '@prozesswerkstatt/plan-model';
import { m } from '../paraglide/messages.js';
import type { CommentAnchor, ElementPart } from './anchor.js';

/** A record's title by part and id, when the caller has the plan at hand. */
export type TitleOf = (part: ElementPart, id: string) => string | undefined;

const OVERVIEW_LABELS: Record<OverviewField, () => string> = {
  occasion: m.board_field_occasion,
  goals: m.board_field_goals,
  scopeOfInfluence: m.board_field_scope,
  constraints: m.board_field_constraints,
  openQuestions: m.board_field_open_questions,
};

function partLabel(part: ElementPart, id: string, titleOf?: TitleOf): string {
  if (part === 'overview') return OVERVIEW_LABELS[id as OverviewField]?.() ?? id;
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

/**
 * Where a guideline target is on the board: the ids of the elements that fill it in, best first
 * (the board's own ids: `rt-overview-<field>` for an overview editor, `ph-<id>-…` for a phase's
 * fields such as `ph-<id>-staffDays`, the section headings, `raci-heading` for the RACI matrix).
 * The later ids are fallbacks for a phase field the board does not show as its own input (a
 * reader sees no "add format" button nor resource inputs; the phase's title is there).
 */
import type { GuidelineTarget } from '@prozesswerkstatt/guideline-check';

/** Candidate element ids of a target, best first. */
export function targetElementIds(target: GuidelineTarget): string[] {
  switch (target.kind) {
    case 'overview':
      return [`rt-overview-${target.field}`];
    case 'stakeholders':
      return ['stakeholders-heading'];
    case 'phases':
      return ['phases-heading'];
    case 'phase': {
      const phase = `ph-${target.phaseId}`;
      const title = `${phase}-title`;
      switch (target.field) {
        case 'title':
          return [title];
        case 'start':
        case 'end':
          return [`${phase}-${target.field}`, title];
        case 'formats':
          return [`${phase}-add-format`, title];
        case 'responsibilities':
          // The RACI matrix is its own section below the phases (a disclosure).
          return ['raci-heading', title];
        default:
          return [`${phase}-${target.field}`, title];
      }
    }
  }
}

/**
 * Moves focus (and the view) to where a target is filled in; false when none of its elements is
 * on the page (e.g. a phase removed a moment ago).
 */
export function focusTarget(target: GuidelineTarget, doc: Document = document): boolean {
  for (const id of targetElementIds(target)) {
    const element = doc.getElementById(id);
    if (!element) continue;
    element.scrollIntoView({ block: 'center' });
    element.focus({ preventScroll: true });
    return true;
  }
  return false;
}

import type * as Y from 'yjs';
import { ROOT } from '../keys.js';
import { emptyRichText } from '../richtext/json.js';
import { isObject } from '../validate.js';
import type { LooseJSON, Migration } from './migration.js';

/** The overview fields version 5 added: the parts of a participation concept Berlin asks for. */
const NEW_OVERVIEW_FIELDS = [
  'hardToReachGroups',
  'resultsHandling',
  'participantFeedback',
  'evaluation',
] as const;

const NEW_PHASE_FIELDS = {
  kind: 'participation',
  staffDays: null,
  budgetEuros: null,
  rooms: null,
  platforms: null,
  translationHours: null,
  responsibilities: {},
} as const;

const NEW_FORMAT_FIELDS = { methodId: null, responsibilities: {} } as const;

/**
 * Version 5 brings the facilitators' knowledge into the plan: a format may name the method it was
 * made from (`methodId`), a phase has a kind (planning, participation, decision) and resources as
 * numbers, phases and formats have responsibilities (RACI letters per stakeholder), the overview
 * has four more fields, and the plan keeps which guideline check items do not apply and why.
 *
 * Every existing phase becomes a participation phase: that is what the board's phases were. A
 * document needs no new shared types (the new fields read as their defaults when missing), so
 * `upDoc` only touches the new root map.
 */
export const facilitationKnowledge: Migration = {
  id: 'plan/005_facilitation_knowledge',
  from: 4,
  upJSON(plan: LooseJSON): LooseJSON {
    const out: LooseJSON = { ...plan, schemaVersion: 5 };
    const overview = plan['overview'];
    if (isObject(overview)) {
      out['overview'] = {
        ...overview,
        ...Object.fromEntries(NEW_OVERVIEW_FIELDS.map((f) => [f, overview[f] ?? emptyRichText()])),
      };
    }
    if (Array.isArray(plan['phases'])) {
      out['phases'] = mapArray(plan['phases'], (phase) => ({
        ...NEW_PHASE_FIELDS,
        ...phase,
        formats: mapArray(phase['formats'], (format) => ({ ...NEW_FORMAT_FIELDS, ...format })),
      }));
    }
    out['guidelineNotApplicable'] = plan['guidelineNotApplicable'] ?? {};
    return out;
  },
  downJSON(plan: LooseJSON): LooseJSON {
    const { guidelineNotApplicable: _marks, ...rest } = plan;
    const out: LooseJSON = { ...rest, schemaVersion: 4 };
    const overview = plan['overview'];
    if (isObject(overview)) {
      out['overview'] = without(overview, [...NEW_OVERVIEW_FIELDS]);
    }
    if (Array.isArray(plan['phases'])) {
      out['phases'] = mapArray(plan['phases'], (phase) => ({
        ...without(phase, Object.keys(NEW_PHASE_FIELDS)),
        formats: mapArray(phase['formats'], (format) =>
          without(format, Object.keys(NEW_FORMAT_FIELDS)),
        ),
      }));
    }
    return out;
  },
  upDoc(doc: Y.Doc): void {
    doc.getMap(ROOT.guidelineNotApplicable);
  },
};

/** Maps the object elements of an array; anything else passes unchanged (the schema reports it). */
function mapArray(
  value: unknown,
  fn: (item: Record<string, unknown>) => Record<string, unknown>,
): unknown {
  return Array.isArray(value) ? value.map((item) => (isObject(item) ? fn(item) : item)) : value;
}

function without(item: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(item).filter(([key]) => !keys.includes(key)));
}

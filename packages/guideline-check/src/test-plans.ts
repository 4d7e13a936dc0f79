/**
 * Plans for the tests (not built): an empty plan and a complete one, made through plan-model on a
 * real `Y.Doc` (rich text in the structure the board's editor writes), as the app makes them.
 */
import {
  addFormat,
  addPhase,
  addStakeholder,
  getOverviewText,
  initPlan,
  OVERVIEW_FIELDS,
  planToJSON,
  setResponsibility,
  writePlainParagraphs,
  type PlanJSON,
} from '@prozesswerkstatt/plan-model';
import * as Y from 'yjs';

/** A new plan with nothing filled in. */
export function emptyPlan(): PlanJSON {
  const doc = new Y.Doc();
  initPlan(doc, { title: 'Leer' });
  return planToJSON(doc);
}

/** A plan that satisfies every item: every overview text, a named stakeholder, two phases. */
export function completePlan(): PlanJSON {
  const doc = new Y.Doc();
  initPlan(doc, { title: 'Spielplatz' });
  for (const field of OVERVIEW_FIELDS) {
    writePlainParagraphs(getOverviewText(doc, field), [`Text zu ${field}`]);
  }
  const unit = addStakeholder(doc, { name: 'Grünflächenamt' });
  const planning = addPhase(doc, {
    title: 'Vorbereitung',
    kind: 'planning',
    start: '2027-01-04',
    end: '2027-01-29',
    staffDays: 4,
    budgetEuros: 0,
  });
  const workshop = addPhase(doc, {
    title: 'Werkstatt',
    kind: 'participation',
    start: '2027-02-01',
    end: '2027-02-28',
    staffDays: 10,
    budgetEuros: 2500,
  });
  addFormat(doc, { phaseId: workshop, title: 'Kinderwerkstatt' });
  setResponsibility(doc, { kind: 'phase', id: planning }, unit, 'A');
  setResponsibility(doc, { kind: 'phase', id: workshop }, unit, 'A');
  return planToJSON(doc);
}

/**
 * A plan of realistic size for keyboard and layout tests (15 stakeholders with long names and
 * notes, 10 phases with long goals and three formats each), built with plan-model and brought in
 * as a JSON file through the "Plan importieren" form's action.
 */
import type { Page } from '@playwright/test';
import { APP_ORIGIN } from './ports.js';
import {
  addFormat,
  addPhase,
  addStakeholder,
  getFormat,
  getPhase,
  getStakeholder,
  initPlan,
  planToJSON,
  writePlainParagraphs,
  type StakeholderId,
} from '@prozesswerkstatt/plan-model';
import * as Y from 'yjs';

const LONG_GOAL = Array.from(
  { length: 12 },
  (_, i) => `Ziel ${i + 1}: Die Anliegen aller Beteiligten sammeln, gewichten und dokumentieren.`,
);

/** The plan's canonical JSON: `stakeholders` × `phases` × `formatsPerPhase`. */
export function largePlanJSON(title: string, stakeholders = 15, phases = 10, formatsPerPhase = 3) {
  const doc = new Y.Doc();
  initPlan(doc, { title, requestingUnit: 'Bezirksamt Friedrichshain-Kreuzberg' });
  const stakeholderIds: StakeholderId[] = [];
  for (let i = 1; i <= stakeholders; i++) {
    const id = addStakeholder(doc, {
      name: `Arbeitsgemeinschaft Stadtteilinitiativen ${i}`,
      contactRole: `Geschäftsstelle, Referat Öffentlichkeitsbeteiligung ${i}`,
      power: 1 + (i % 5),
      interest: 1 + ((i + 2) % 5),
    });
    writePlainParagraphs(getStakeholder(doc, id)!.notes, [
      `Erreichbar über die Geschäftsstelle; bevorzugt Termine am Abend, Unterlagen vorab (${i}).`,
    ]);
    stakeholderIds.push(id);
  }
  for (let p = 1; p <= phases; p++) {
    const phaseId = addPhase(doc, { title: `Phase ${p}` });
    writePlainParagraphs(getPhase(doc, phaseId)!.goal, LONG_GOAL);
    for (let f = 1; f <= formatsPerPhase; f++) {
      const formatId = addFormat(doc, {
        phaseId,
        title: `Format ${p}.${f}`,
        targetStakeholderIds: stakeholderIds.slice(0, 5),
      });
      writePlainParagraphs(getFormat(doc, formatId)!.description, LONG_GOAL.slice(0, 4));
    }
  }
  return planToJSON(doc);
}

/**
 * Imports `plan` through the action of /plans/import (the page must be signed in as a
 * facilitator) over HTTP, without opening it; returns the new plan's id.
 */
export async function importPlanOverHttp(page: Page, plan: unknown): Promise<string> {
  // Import is not these specs' subject; exports.spec.ts imports through the form.
  const response = await page.request.post('/plans/import?/import', {
    multipart: {
      file: {
        name: 'plan.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(plan)),
      },
    },
    headers: { Origin: APP_ORIGIN, Accept: 'application/json' },
  });
  const result = (await response.json()) as { type: string; location?: string };
  const id = /\/plans\/([A-Za-z0-9_-]+)$/.exec(result.location ?? '')?.[1];
  if (!id) throw new Error(`importPlan: ${JSON.stringify(result)}`);
  return id;
}

/** {@link importPlanOverHttp}, then the new plan's board, as the form's redirect would. */
export async function importPlan(page: Page, plan: unknown): Promise<string> {
  const id = await importPlanOverHttp(page, plan);
  await page.goto(`/plans/${id}`);
  return id;
}

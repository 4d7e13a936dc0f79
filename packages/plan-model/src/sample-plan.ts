import type * as Y from 'yjs';
import { getOverviewText } from './overview.js';
import { addFormat, getFormat } from './records/format.js';
import { initPlan } from './records/meta.js';
import { addPhase, getPhase } from './records/phase.js';
import { addResult } from './records/result.js';
import { addStakeholder, getStakeholder } from './records/stakeholder.js';
import { writePlainParagraphs } from './richtext/plain.js';

/**
 * Fills an empty doc with a small but complete plan (every record kind, rich text in every kind
 * of field). For tests, demos and seeding a development server.
 */
export function seedSamplePlan(doc: Y.Doc, origin?: unknown): void {
  doc.transact(() => {
    initPlan(doc, {
      title: 'Bürgerbeteiligung Parkumgestaltung',
      requestingUnit: 'Bezirksamt, Straßen- und Grünflächenamt',
      facilitator: 'Kontaktstelle Prozessbegleitung',
      createdAt: '2025-01-15T09:00:00.000Z',
      updatedAt: '2025-01-15T09:00:00.000Z',
    });
    writePlainParagraphs(getOverviewText(doc, 'goals'), ['Den Park gemeinsam planen.', '']);
    writePlainParagraphs(getOverviewText(doc, 'occasion'), ['Sanierung steht an.']);
    const residents = addStakeholder(doc, {
      name: 'Anwohnende',
      group: 'citizens',
      power: 2,
      interest: 5,
      participationLevel: 'involve',
    });
    const council = addStakeholder(doc, { name: 'BVV', group: 'politics', power: 5, interest: 3 });
    writePlainParagraphs(getStakeholder(doc, residents)!.notes, ['Viele Familien.']);
    const kickoff = addPhase(doc, { title: 'Auftakt', start: '2025-03-01', end: '2025-03-31' });
    const workshop = addPhase(doc, { title: 'Werkstatt', participationLevel: 'collaborate' });
    writePlainParagraphs(getPhase(doc, kickoff)!.goal, ['Informieren und Fragen sammeln.']);
    const walk = addFormat(doc, {
      phaseId: kickoff,
      title: 'Parkspaziergang',
      method: 'Begehung',
      dateTime: '2025-03-08T10:00:00+01:00',
      durationMinutes: 120,
      targetStakeholderIds: [residents, council],
    });
    addFormat(doc, { phaseId: workshop, title: 'Planungswerkstatt', mode: 'hybrid' });
    writePlainParagraphs(getFormat(doc, walk)!.description, ['Treffpunkt am Eingang.']);
    addResult(doc, { subjectId: walk });
  }, origin);
}

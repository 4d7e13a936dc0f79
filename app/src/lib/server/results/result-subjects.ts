/**
 * The phases and formats of a plan a contribution can answer, read from the stored plan document
 * (contributions name them by `subjectId`; the inbox shows their titles).
 */
import { planToJSON } from '@prozesswerkstatt/plan-model';
import type { DocumentStorage } from '@prozesswerkstatt/storage';
import * as Y from 'yjs';
import { planDocumentName } from '@prozesswerkstatt/contract';

export interface ResultSubject {
  id: string;
  kind: 'phase' | 'format';
  title: string;
  /** The phase a format belongs to (its title), for the picker's groups. */
  phaseTitle: string;
}

/** Phases and their formats in plan order; empty when the document is missing. */
export async function loadResultSubjects(
  storage: DocumentStorage,
  planId: string,
): Promise<ResultSubject[]> {
  const state = await storage.loadDocument(planDocumentName(planId));
  if (state === null) return [];
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    const plan = planToJSON(doc);
    return plan.phases.flatMap((phase) => [
      { id: phase.id, kind: 'phase' as const, title: phase.title, phaseTitle: phase.title },
      ...phase.formats.map((format) => ({
        id: format.id,
        kind: 'format' as const,
        title: format.title,
        phaseTitle: phase.title,
      })),
    ]);
  } finally {
    doc.destroy();
  }
}

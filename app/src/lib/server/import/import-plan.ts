import { PLAN_TEXT_MAX_LENGTH } from '@prozesswerkstatt/contract';
import { cleanLine, planFromJSON, updateMeta, type PlanJSON } from '@prozesswerkstatt/plan-model';
import {
  ResultsInputError,
  inlineContributionRows,
  insertContributions,
  previewContributions,
  type DocumentStorage,
  type InlineContributionInput,
} from '@prozesswerkstatt/storage';
import * as Y from 'yjs';
import type { Db } from '../db.js';
import { APP_ORIGIN, storeNewPlan } from '../plans.js';
import { resultsContext } from '../results/result-events.js';
import type { SessionUser } from '../users.js';

/** The words an import needs in the importer's language. */
export interface ImportWords {
  untitled: string;
  /** The title of the new plan from the file's title, e.g. "Spielplatz (Import vom 6. Dezember 2026)". */
  importedTitle: (title: string) => string;
}

/**
 * Creates a new plan from a validated plan in JSON form: its content as in the file (ids kept:
 * they only need to be unique within a document), status reset to draft, created and changed
 * now, the importing user as its facilitator member (and as the facilitator text when the file
 * names none), and a title that tells it from the plan it was exported from (both may be in the
 * same list). Contributions an older file held inline (schema 3 and older) go into the results
 * tables, mapped as the collab-server maps those of stored documents; they are checked before
 * anything is written (a {@link ResultsInputError} then), and a failed insert removes the new plan
 * again, so an import lands whole or not at all. Returns the new plan's id.
 */
export async function importPlan(
  db: Db,
  storage: DocumentStorage,
  importer: SessionUser,
  plan: PlanJSON,
  words: ImportWords,
  contributions: readonly InlineContributionInput[] = [],
): Promise<string> {
  const rows = inlineContributionRows(contributions, new Date().toISOString());
  if (rows.length > 0) {
    // No plan yet: the check validates the rows (the new plan holds nothing to duplicate).
    const check = await previewContributions(db, '', rows);
    if (check.issues.length > 0) throw new ResultsInputError(check.issues);
  }
  const doc = new Y.Doc();
  planFromJSON(doc, plan, APP_ORIGIN);
  const now = new Date().toISOString();
  // The listing row's bound (shorter than plan-model's) holds for the document too, so both say
  // the same; a long source title is shortened, never the suffix that marks the import.
  const suffixLength = words.importedTitle('').length;
  const source = (cleanLine(plan.meta.title).trim() || words.untitled).slice(
    0,
    Math.max(1, PLAN_TEXT_MAX_LENGTH - suffixLength),
  );
  const title = words.importedTitle(source).slice(0, PLAN_TEXT_MAX_LENGTH);
  updateMeta(
    doc,
    {
      title,
      status: 'draft',
      createdAt: now,
      updatedAt: now,
      facilitator: cleanLine(plan.meta.facilitator).trim() || importer.name,
    },
    APP_ORIGIN,
  );
  const requestingUnit = cleanLine(plan.meta.requestingUnit).trim().slice(0, PLAN_TEXT_MAX_LENGTH);
  const id = await storeNewPlan(db, storage, importer, doc, { title, requestingUnit });
  if (rows.length > 0) {
    try {
      await insertContributions(resultsContext(db), id, rows, importer.id);
    } catch (error) {
      // Members go with the plan (cascade); the orphaned document is never listed or opened.
      await db.deleteFrom('plans').where('id', '=', id).execute();
      throw error;
    }
  }
  return id;
}

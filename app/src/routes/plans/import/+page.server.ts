import { fail, redirect } from '@sveltejs/kit';
import { ResultsInputError } from '@prozesswerkstatt/storage';
import {
  CURRENT_SCHEMA_VERSION,
  OLDEST_SCHEMA_VERSION,
  berlinWallClock,
} from '@prozesswerkstatt/plan-model';
import { m } from '$lib/paraglide/messages.js';
import { localizeHref } from '$lib/paraglide/runtime.js';
import { formatDate } from '$lib/exports/export-labels';
import { getDatabase, getStorage } from '$lib/server/db';
import { requireFacilitator } from '$lib/server/facilitator-access';
import { describeIssues } from '$lib/server/import/import-issues';
import { importPlan } from '$lib/server/import/import-plan';
import { importWords } from '$lib/server/import/import-words';
import {
  MAX_IMPORT_BYTES,
  checkPlanFileSize,
  readPlanFile,
  type PlanFileProblem,
} from '$lib/server/import/plan-file';
import type { Actions, PageServerLoad } from './$types';

/** At most this many problems are listed; the rest are counted. */
const MAX_LISTED_ISSUES = 50;

const MEGABYTE = 1024 * 1024;

/** Today's date `YYYY-MM-DD` in Berlin (the server's own zone may be another). */
function todayInBerlin(): string {
  return (berlinWallClock(new Date().toISOString()) ?? '').slice(0, 10);
}

export const load: PageServerLoad = ({ locals }) => {
  requireFacilitator(locals);
  return { maxBytes: MAX_IMPORT_BYTES };
};

/** The message (and, for an invalid plan, the list of problems) for a file that is no plan. */
function describeProblem(problem: PlanFileProblem): { message: string; issues: string[] } {
  const megabytes = (bytes: number) => (bytes / MEGABYTE).toFixed(1).replace(/\.0$/, '');
  switch (problem.kind) {
    case 'empty':
      return { message: m.import_error_no_file(), issues: [] };
    case 'too_large':
      return {
        message: m.import_error_too_large({
          size: megabytes(problem.bytes),
          max: megabytes(MAX_IMPORT_BYTES),
        }),
        issues: [],
      };
    case 'encoding':
      return { message: m.import_error_encoding(), issues: [] };
    case 'syntax':
      return {
        message:
          problem.line === null || problem.column === null
            ? m.import_error_syntax_unknown()
            : m.import_error_syntax({ line: String(problem.line), column: String(problem.column) }),
        issues: [],
      };
    case 'too_deep':
      return { message: m.import_error_too_deep(), issues: [] };
    case 'not_object':
      return { message: m.import_error_not_plan(), issues: [] };
    case 'schema_version':
      return {
        message:
          problem.found === undefined
            ? m.import_error_schema_version_missing()
            : m.import_error_schema_version({
                found: JSON.stringify(problem.found).slice(0, 20),
                oldest: String(OLDEST_SCHEMA_VERSION),
                current: String(CURRENT_SCHEMA_VERSION),
              }),
        issues: [],
      };
    case 'invalid': {
      const all = describeIssues(problem.issues, problem.input, importWords());
      const listed = all.slice(0, MAX_LISTED_ISSUES);
      if (all.length > listed.length) {
        listed.push(m.import_error_more({ count: String(all.length - listed.length) }));
      }
      return { message: m.import_error_invalid(), issues: listed };
    }
  }
}

export const actions: Actions = {
  import: async ({ locals, request }) => {
    const user = requireFacilitator(locals);
    const form = await request.formData();
    const file = form.get('file');
    if (!(file instanceof File) || file.size === 0) {
      return fail(400, { message: m.import_error_no_file(), issues: [] as string[] });
    }
    // Refused before reading when the size alone says it is too large.
    const sizeProblem = checkPlanFileSize(file.size);
    if (sizeProblem) return fail(400, describeProblem(sizeProblem));
    const result = readPlanFile(new Uint8Array(await file.arrayBuffer()));
    if (!result.ok) return fail(400, describeProblem(result.problem));
    let id: string;
    try {
      id = await importPlan(
        await getDatabase(),
        await getStorage(),
        user,
        result.plan,
        {
          untitled: m.export_doc_untitled(),
          importedTitle: (title) =>
            m.import_plan_title({ title, date: formatDate(todayInBerlin()) }),
        },
        result.contributions,
      );
    } catch (error) {
      if (!(error instanceof ResultsInputError)) throw error;
      // Inline contributions of an old file the tables refuse (e.g. a text over the limit).
      const count = new Set(error.issues.map((issue) => issue.index)).size;
      return fail(400, {
        message: m.results_import_plan_contributions_invalid({ count: String(count) }),
        issues: [] as string[],
      });
    }
    redirect(303, localizeHref(`/plans/${id}`));
  },
};

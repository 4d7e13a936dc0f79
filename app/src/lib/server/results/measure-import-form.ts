/**
 * The import of an accountability CSV on the measures page, in two steps like the other
 * imports: the preview reads the file, checks every row (file format, then storage's rules and
 * references) and says what would happen — nothing is written; the confirmation sends the checked
 * rows back, which storage checks again and writes in one transaction.
 */
import { z } from 'zod';
import {
  MEASURE_STATUSES,
  ResultsInputError,
  planMeasureImport,
  type Executor,
  type MeasureImportRow,
} from '@prozesswerkstatt/storage';
import { m } from '$lib/paraglide/messages.js';
import { contributionImportWords } from '../import/contribution-import-words.js';
import { describeContributionIssue } from '../import/contribution-issues.js';
import type { MeasureImportPreview } from '$lib/results/measure-view';
import { readMeasureFile } from './measure-csv.js';

export type { MeasureImportPreview };

/** The largest file accepted, in MB (a measures file is small; the request limit is 8 MB). */
export const MAX_FILE_MB = 4;

export async function readUpload(
  form: FormData,
): Promise<{ ok: true; name: string; bytes: Uint8Array } | { ok: false; error: string }> {
  const file = form.get('file');
  if (!(file instanceof File) || file.size === 0) {
    return { ok: false, error: m.results_measure_csv_no_file() };
  }
  if (file.size > MAX_FILE_MB * 1024 * 1024) {
    return { ok: false, error: m.results_measure_csv_too_big({ limit: String(MAX_FILE_MB) }) };
  }
  return { ok: true, name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}

/** Storage's issue codes on measure fields, worded like the file reader's. */
function storageProblem(issue: { index?: number; path: string; code: string }): string {
  const words = contributionImportWords();
  const line = issue.index ?? 0;
  const field = issue.path.split('.')[0] ?? issue.path;
  const problem =
    issue.code === 'not_found'
      ? m.import_problem_invalid_value({ field })
      : issue.code === 'before_start'
        ? m.results_measure_error_end_before_start()
        : m.import_problem_invalid_value({ field });
  return words.issue(words.line(line), problem);
}

export async function importPreview(
  db: Executor,
  planId: string,
  fileName: string,
  bytes: Uint8Array,
): Promise<{ ok: true; preview: MeasureImportPreview } | { ok: false; errors: string[] }> {
  const file = await readMeasureFile(bytes);
  const words = contributionImportWords();
  if (file.errors.length > 0) {
    return {
      ok: false,
      errors: file.errors.map((issue) => describeContributionIssue(issue, words)),
    };
  }
  let steps;
  try {
    steps = await planMeasureImport(db, planId, file.rows);
  } catch (error) {
    if (!(error instanceof ResultsInputError)) throw error;
    return { ok: false, errors: error.issues.map(storageProblem) };
  }
  const warnings = [
    ...file.warnings.map((w) =>
      m.results_measure_unknown_status({ line: String(w.line), value: w.value }),
    ),
    ...steps.flatMap((step) =>
      step.unmatched.map((ref) =>
        m.results_measure_csv_unmatched({ line: String(step.line), ref }),
      ),
    ),
  ];
  const rows = steps.map((step, index) => {
    const title = file.rows[index]?.input.title ?? {};
    return {
      line: step.line,
      action: step.action,
      title: Object.values(title).find((text) => text !== '') ?? '',
      links: step.contributionIds.length,
    };
  });
  return {
    ok: true,
    preview: {
      fileName,
      rows,
      created: rows.filter((row) => row.action === 'create').length,
      updated: rows.filter((row) => row.action === 'update').length,
      links: rows.reduce((sum, row) => sum + row.links, 0),
      warnings,
      payload: JSON.stringify(file.rows),
    },
  };
}

const localizedSchema = z.record(z.string().max(20), z.string().max(20_000));
const payloadSchema = z
  .array(
    z.object({
      line: z.number().int().min(1),
      ref: z.string().max(500).nullable(),
      parentRef: z.string().max(500).nullable(),
      input: z.object({
        title: localizedSchema,
        description: localizedSchema.optional(),
        status: z.enum(MEASURE_STATUSES).optional(),
        progress: z.number().optional(),
        startDate: z.string().max(10).nullable().optional(),
        endDate: z.string().max(10).nullable().optional(),
        weight: z.number().optional(),
        externalId: z.string().max(500).nullable().optional(),
      }),
      proposalRefs: z.array(z.string().max(2_000)).max(1_000),
    }),
  )
  .min(1)
  .max(50_000);

/** The rows the confirmation sent back, or null when they are not rows of a preview. */
export function parseImportPayload(text: string): MeasureImportRow[] | null {
  try {
    const parsed = payloadSchema.safeParse(JSON.parse(text));
    return parsed.success ? (parsed.data as MeasureImportRow[]) : null;
  } catch {
    return null;
  }
}

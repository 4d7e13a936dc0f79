/**
 * Measures and Decidim's accountability CSV, as the measures page uses it: measures to file rows
 * (export) and file rows to storage's import rows (preview and import). The file format itself
 * is participation-import's (`readMeasures`, `writeAccountabilityCsv`); this maps its fields onto
 * storage's measures: `status/id` carries our status codes (Decidim's own status ids are numbers
 * per component, unknown here: such a row keeps "planned" with a warning), progress is rounded to
 * a whole percent, `proposal_urls` are the linked contributions' source links or references.
 */
import { Writable } from 'node:stream';
import {
  ImportFileError,
  readMeasures,
  writeAccountabilityCsv,
  type ImportIssue,
  type ImportedMeasure,
} from '@prozesswerkstatt/participation-import';
import {
  MEASURE_STATUSES,
  type ContributionSummary,
  type Measure,
  type MeasureImportRow,
  type MeasureStatus,
} from '@prozesswerkstatt/storage';

/** The locales of the `title/…` and `description/…` columns written. */
export const CSV_LOCALES = ['de', 'en'] as const;

/** A measure as a row of the file; `refOf` names a linked contribution (null: not exported). */
export function measureToFileRow(
  measure: Measure,
  refOf: (contributionId: string) => string | null,
): ImportedMeasure {
  return {
    ref: measure.id,
    parentRef: measure.parentId,
    title: measure.title,
    description: measure.description,
    startDate: measure.startDate,
    endDate: measure.endDate,
    statusRef: measure.status,
    progress: measure.progress,
    proposalRefs: measure.contributionIds.flatMap((id) => refOf(id) ?? []),
    externalId: measure.externalId,
    weight: measure.weight,
  };
}

/** The source link (else reference) of a contribution, how Decidim names a proposal. */
export function proposalRef(summary: ContributionSummary): string | null {
  return summary.sourceUrl ?? summary.sourceRef;
}

/** The accountability CSV of `rows` (`;`, UTF-8 with BOM). */
export async function writeMeasuresCsv(rows: readonly ImportedMeasure[]): Promise<Uint8Array> {
  const parts: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      parts.push(Buffer.from(chunk));
      callback();
    },
  });
  await writeAccountabilityCsv(rows, sink, { locales: CSV_LOCALES });
  return new Uint8Array(Buffer.concat(parts));
}

/** A warning of the preview that keeps its row: an unknown status. */
export interface StatusWarning {
  line: number;
  value: string;
}

/** What a file gives: storage's import rows, or the issues that keep it from being imported. */
export interface MeasureFile {
  rows: MeasureImportRow[];
  /** Errors (with their line, or none for the whole file); any error means nothing is imported. */
  errors: ImportIssue[];
  warnings: StatusWarning[];
}

function statusOf(ref: string | null): MeasureStatus | null {
  return ref !== null && (MEASURE_STATUSES as readonly string[]).includes(ref)
    ? (ref as MeasureStatus)
    : null;
}

/** One file row as storage's import row. */
export function fileRowToImport(line: number, measure: ImportedMeasure): MeasureImportRow {
  const status = statusOf(measure.statusRef);
  return {
    line,
    ref: measure.ref,
    parentRef: measure.parentRef,
    input: {
      title: measure.title,
      description: measure.description,
      ...(status ? { status } : {}),
      ...(measure.progress === null ? {} : { progress: Math.round(measure.progress) }),
      startDate: measure.startDate,
      endDate: measure.endDate,
      ...(measure.weight === null ? {} : { weight: measure.weight }),
      externalId: measure.externalId,
    },
    proposalRefs: measure.proposalRefs,
  };
}

/** Reads an uploaded accountability CSV whole; a broken file gives its one file-level error. */
export async function readMeasureFile(bytes: Uint8Array): Promise<MeasureFile> {
  const out: MeasureFile = { rows: [], errors: [], warnings: [] };
  try {
    for await (const row of readMeasures([bytes], { totalBytes: bytes.byteLength })) {
      out.errors.push(...row.issues.filter((issue) => issue.severity === 'error'));
      if (row.value === null) continue;
      out.rows.push(fileRowToImport(row.line, row.value));
      if (row.value.statusRef !== null && statusOf(row.value.statusRef) === null) {
        out.warnings.push({ line: row.line, value: row.value.statusRef });
      }
    }
  } catch (error) {
    if (!(error instanceof ImportFileError)) throw error;
    out.errors.push(error.issue);
  }
  return out;
}

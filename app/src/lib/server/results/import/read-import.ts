/**
 * Reads an uploaded contributions file once, as it streams in: every row through the
 * participation-import reader, good rows as the storage rows they would become (subject
 * resolved), bad rows with their issues, and a SHA-256 over the options and the bytes. Preview
 * and confirm both call this on the same upload, so the hash proves that what is confirmed is
 * what was previewed. File-level problems throw the reader's `ImportFileError`.
 */
import { createHash, type Hash } from 'node:crypto';
import {
  ImportFileError,
  readContributions,
  toStorageRow,
  type ContributionFormat,
  type FileChunks,
  type ImportIssue,
  type ImportProgress,
  type StorageContributionRow,
} from '@prozesswerkstatt/participation-import';
import type { ResultSubject } from '../result-subjects.js';
import { MAX_IMPORT_FILE_BYTES, optionsKey, type ImportOptions } from './import-options.js';
import { subjectMatcher } from './subject-match.js';

/** A row the reader refused: its line and every issue. */
export interface BadRow {
  line: number;
  issues: ImportIssue[];
}

/** What one pass over a file found. */
export interface ReadImport {
  format: ContributionFormat;
  /** Data rows read (good and bad). */
  dataRows: number;
  /** The good rows, ready for storage, with the line each came from (same order). */
  rows: StorageContributionRow[];
  lines: number[];
  bad: BadRow[];
  /** Issues of kept rows (e.g. a status the mapping does not know). */
  warnings: ImportIssue[];
  /** Rows that named a phase or format the plan has not (they got the default). */
  unmatchedSubjects: number;
  /** Hex SHA-256 over the options and the file's bytes. */
  hash: string;
}

export interface ReadImportOptions {
  subjects: readonly ResultSubject[];
  /** The day recorded for rows without a date (`YYYY-MM-DD`). */
  today: string;
  totalBytes?: number;
  onProgress?: (progress: ImportProgress) => void;
}

/** The chunks of `input` as bytes, fed into `hash`; refused past {@link MAX_IMPORT_FILE_BYTES}. */
async function* hashed(input: FileChunks, hash: Hash): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder();
  let bytes = 0;
  for await (const chunk of input) {
    const data = typeof chunk === 'string' ? encoder.encode(chunk) : chunk;
    bytes += data.byteLength;
    if (bytes > MAX_IMPORT_FILE_BYTES) {
      throw new ImportFileError({
        code: 'too_big',
        severity: 'error',
        line: null,
        limit: MAX_IMPORT_FILE_BYTES,
        message: `the file is larger than ${MAX_IMPORT_FILE_BYTES} bytes`,
      });
    }
    hash.update(data);
    yield data;
  }
}

/** Reads the whole file; see the module comment. */
export async function readImport(
  input: FileChunks,
  options: ImportOptions,
  context: ReadImportOptions,
): Promise<ReadImport> {
  const hash = createHash('sha256').update(optionsKey(options));
  const match = subjectMatcher(context.subjects, options.subjectId);
  // Set by the reader once it has read the header.
  const seen: { format: ContributionFormat | null } = { format: null };
  const found: Omit<ReadImport, 'format' | 'hash'> = {
    dataRows: 0,
    rows: [],
    lines: [],
    bad: [],
    warnings: [],
    unmatchedSubjects: 0,
  };
  const results = readContributions(hashed(input, hash), {
    fileType: options.fileType,
    format: options.format,
    ...(context.totalBytes !== undefined && { totalBytes: context.totalBytes }),
    ...(context.onProgress && { onProgress: context.onProgress }),
    onHeader: (header) => (seen.format = header.format),
  });
  for await (const result of results) {
    found.dataRows += 1;
    if (result.value === null) {
      found.bad.push({ line: result.line, issues: result.issues });
      continue;
    }
    found.warnings.push(...result.issues);
    const subject = match(result.value.subjectRef);
    if (subject.unmatched) found.unmatchedSubjects += 1;
    found.rows.push(
      toStorageRow(result.value, {
        subjectId: subject.subjectId,
        receivedAtFallback: context.today,
        sourceSystemFallback: seen.format ?? 'generic',
      }),
    );
    found.lines.push(result.line);
  }
  // The reader has thrown `empty_file` when there was no header, so the format is known here.
  return { ...found, format: seen.format ?? 'generic', hash: hash.digest('hex') };
}

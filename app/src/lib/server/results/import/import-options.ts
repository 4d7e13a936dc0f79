/**
 * What the import dialog sends along with a file (as query parameters, the body is the file):
 * the kind of file, the format (or `auto`), the phase or format to use for rows that name none
 * the plan knows. Parsed strictly: anything unknown is refused, never guessed.
 */
import {
  CONTRIBUTION_FORMATS,
  type ContributionFormat,
  type FileType,
} from '@prozesswerkstatt/participation-import';

export const IMPORT_FILE_TYPES: readonly FileType[] = ['csv', 'xlsx', 'json'];

/** The formats the dialog offers: `auto` (recognized from the header) or one of the readers'. */
export const IMPORT_FORMATS: readonly (ContributionFormat | 'auto')[] = [
  'auto',
  ...CONTRIBUTION_FORMATS,
];

/**
 * Largest file accepted: 50 MB, room for 100,000 platform rows. The request also has to fit the
 * app's `BODY_SIZE_LIMIT` (default 8M), which an operator raises for larger files.
 */
export const MAX_IMPORT_FILE_BYTES = 50 * 1024 * 1024;

/** adapter-node's own default when `BODY_SIZE_LIMIT` is unset. */
const ADAPTER_DEFAULT_BYTES = 512 * 1024;
const UNIT: Record<string, number> = { '': 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3 };

/**
 * The largest file an upload can carry: {@link MAX_IMPORT_FILE_BYTES}, or less when the app's
 * `BODY_SIZE_LIMIT` (as adapter-node reads it: bytes with K, M or G, or `Infinity`) is lower.
 */
export function importLimitBytes(bodySizeLimit: string | undefined): number {
  const match = /^(\d+)([KMG]?)$/i.exec(bodySizeLimit ?? '');
  const body =
    bodySizeLimit?.toLowerCase() === 'infinity'
      ? Infinity
      : match
        ? Number(match[1]) * (UNIT[match[2]!.toUpperCase()] ?? 1)
        : ADAPTER_DEFAULT_BYTES;
  return Math.min(MAX_IMPORT_FILE_BYTES, body);
}

export interface ImportOptions {
  fileType: FileType;
  format: ContributionFormat | 'auto';
  /** The phase or format for rows whose own names none of the plan's (null: none). */
  subjectId: string | null;
}

function oneOf<T extends string>(values: readonly T[], value: string | null): T | null {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : null;
}

/** The options of a request, or null when one is missing or unknown. */
export function parseImportOptions(
  params: URLSearchParams,
  subjectIds: ReadonlySet<string>,
): ImportOptions | null {
  const fileType = oneOf(IMPORT_FILE_TYPES, params.get('type'));
  const format = oneOf(IMPORT_FORMATS, params.get('format') ?? 'auto');
  const subject = params.get('subject') ?? '';
  if (fileType === null || format === null) return null;
  if (subject !== '' && !subjectIds.has(subject)) return null;
  return { fileType, format, subjectId: subject === '' ? null : subject };
}

/** The options as one line, part of what the preview's hash covers. */
export function optionsKey(options: ImportOptions): string {
  return `${options.fileType}\n${options.format}\n${options.subjectId ?? ''}\n`;
}

/** File formats and download file names of exports (no I/O, no catalog). */
import { cleanLine } from '@prozesswerkstatt/plan-model';
import { fileSlug } from '@prozesswerkstatt/plan-export';
import type { ExportSource } from './export-source.js';

/** The file formats of `/plans/<id>/export/<format>`. */
export const EXPORT_FORMATS = ['md', 'docx', 'json'] as const;

/** One export file format. */
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** True when `value` names an export format. */
export function isExportFormat(value: string): value is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(value);
}

/**
 * `Content-Disposition` for a download: an ASCII `filename` every client understands and the
 * readable UTF-8 name in `filename*` (RFC 6266 / 8187).
 */
export function contentDisposition(asciiName: string, readableName: string): string {
  const encoded = encodeURIComponent(readableName).replace(
    /['()*!]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${asciiName}"; filename*=UTF-8''${encoded}`;
}

/** The file name of an export: the plan's title, plus the version's label for a version. */
export function exportFileNames(
  source: ExportSource,
  format: ExportFormat,
  untitled: string,
): { ascii: string; readable: string } {
  const title = source.plan.meta.title.trim() || untitled;
  const label = source.version ? source.version.label.trim() || source.version.id : '';
  const ascii = `${fileSlug(title)}${label ? `-${fileSlug(label)}` : ''}.${format}`;
  const readableTitle = fileNameText(title) || 'plan';
  const readable = `${readableTitle}${label ? ` – ${fileNameText(label)}` : ''}.${format}`;
  return { ascii, readable };
}

/**
 * Text without the characters file systems refuse in names (path separators, `:*?"<>|`,
 * controls) and without bidi overrides, which would disguise the name's extension.
 */
export function fileNameText(text: string): string {
  return [...cleanLine(text)]
    .map((c) => (c.charCodeAt(0) < 0x20 || '\\/:*?"<>|'.includes(c) ? ' ' : c))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

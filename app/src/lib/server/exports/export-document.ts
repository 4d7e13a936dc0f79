/**
 * Turns an export source into a downloadable file: Markdown, DOCX or the canonical JSON, with a
 * content type, a safe file name and its length (the page shows download progress from it).
 */
import { planToDocx, planToMarkdown } from '@prozesswerkstatt/plan-export';
import { exportLabels } from '$lib/exports/export-labels';
import { contentDisposition, exportFileNames, type ExportFormat } from './download-names.js';
import type { ExportSource } from './export-source.js';

export { EXPORT_FORMATS, isExportFormat, type ExportFormat } from './download-names.js';

const CONTENT_TYPES: Record<ExportFormat, string> = {
  md: 'text/markdown; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  json: 'application/json; charset=utf-8',
};

/** The bytes of `source` in `format`, in the current language. */
export async function renderExport(
  source: ExportSource,
  format: ExportFormat,
): Promise<Uint8Array<ArrayBuffer>> {
  const input = {
    plan: source.plan,
    ...(source.changedSinceApproval !== undefined
      ? { changedSinceApproval: source.changedSinceApproval }
      : {}),
    ...(source.version ? { version: source.version } : {}),
    ...(source.approvals ? { approvals: source.approvals } : {}),
    ...(source.openThreads ? { openThreads: source.openThreads } : {}),
    ...(source.guidelineCheck ? { guidelineCheck: source.guidelineCheck } : {}),
  };
  switch (format) {
    case 'md':
      return new TextEncoder().encode(planToMarkdown(input, exportLabels()));
    case 'docx':
      return planToDocx(input, exportLabels());
    case 'json':
      // The stored canonical JSON byte for byte: for a version, its SHA-256 is the file's.
      return new TextEncoder().encode(source.canonicalJSON);
  }
}

/** The download response of an export. */
export async function exportResponse(source: ExportSource, format: ExportFormat, untitled: string) {
  const body = await renderExport(source, format);
  const names = exportFileNames(source, format, untitled);
  return new Response(body, {
    headers: {
      'Content-Type': CONTENT_TYPES[format],
      'Content-Length': String(body.byteLength),
      'Content-Disposition': contentDisposition(names.ascii, names.readable),
      'Cache-Control': 'private, no-store',
    },
  });
}

/**
 * The results report (Markdown, DOCX) and the weighing table (DOCX, XLSX) as download
 * responses, in the current language. The report is the public edition; the weighing table is
 * internal (pseudonyms, no contacts) unless `public` is asked for.
 */
import {
  fileSlug,
  resultsReportToDocx,
  resultsReportToMarkdown,
  weighingTableToDocx,
  weighingTableToXlsx,
  type ResultsReportInput,
  type WeighingAudience,
} from '@prozesswerkstatt/plan-export';
import { reportLabels } from '$lib/exports/report-labels';
import { m } from '$lib/paraglide/messages.js';
import { contentDisposition, fileNameText } from '../exports/download-names.js';

export const REPORT_FORMATS = ['md', 'docx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
export const WEIGHING_FORMATS = ['docx', 'xlsx'] as const;
export type WeighingFormat = (typeof WEIGHING_FORMATS)[number];

export function isReportFormat(value: string): value is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(value);
}

export function isWeighingFormat(value: string): value is WeighingFormat {
  return (WEIGHING_FORMATS as readonly string[]).includes(value);
}

/** The edition a `?edition=` asks for; anything but `public` is the internal one. */
export function weighingAudience(value: string | null): WeighingAudience {
  return value === 'public' ? 'public' : 'internal';
}

const CONTENT_TYPES = {
  md: 'text/markdown; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

function download(body: Uint8Array<ArrayBuffer>, name: string, format: keyof typeof CONTENT_TYPES) {
  return new Response(body, {
    headers: {
      'Content-Type': CONTENT_TYPES[format],
      'Content-Length': String(body.byteLength),
      'Content-Disposition': contentDisposition(`${fileSlug(name)}.${format}`, `${name}.${format}`),
      'Cache-Control': 'private, no-store',
    },
  });
}

/** A file name from the document's title (see `fileNameText`). */
function fileName(title: string): string {
  return fileNameText(title) || 'report';
}

export async function reportResponse(input: ResultsReportInput, format: ReportFormat) {
  const labels = reportLabels();
  const name = fileName(labels.reportTitle(input.planTitle || labels.untitled));
  const body =
    format === 'md'
      ? new TextEncoder().encode(resultsReportToMarkdown(input, labels))
      : await resultsReportToDocx(input, labels);
  return download(body, name, format);
}

export async function weighingResponse(
  input: ResultsReportInput,
  format: WeighingFormat,
  audience: WeighingAudience,
) {
  const labels = reportLabels();
  const edition =
    audience === 'public'
      ? m.results_report_weighing_public()
      : m.results_report_weighing_internal();
  const name = fileName(`${labels.weighingTitle(input.planTitle || labels.untitled)} (${edition})`);
  const body =
    format === 'docx'
      ? await weighingTableToDocx(input, labels, audience)
      : await weighingTableToXlsx(input, labels, audience);
  return download(body, name, format);
}

/**
 * `GET /plans/<id>/results/export/<csv|xlsx>`: the whole inbox in the generic format (what the
 * import reads), streamed page by page. Every member may export; names and contacts only those
 * who see them in the inbox. Never cached: the file may hold personal data.
 */
import { PassThrough, Readable } from 'node:stream';
import { error } from '@sveltejs/kit';
import { writeGenericCsv, writeGenericXlsx } from '@prozesswerkstatt/participation-import';
import { berlinToday } from '@prozesswerkstatt/storage';
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime.js';
import { getDatabase, getStorage } from '$lib/server/db';
import { contentDisposition } from '$lib/server/exports/download-names';
import { requirePlanPermission } from '$lib/server/plan-access';
import { exportRows } from '$lib/server/results/export-rows';
import { loadResultSubjects } from '$lib/server/results/result-subjects';
import type { RequestHandler } from './$types';

const TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

export const GET: RequestHandler = async ({ locals, params }) => {
  const format = params.format;
  if (format !== 'csv' && format !== 'xlsx') error(404, m.export_error_unknown_format());
  const plan = await requirePlanPermission(locals, params.id, 'results.read');
  const db = await getDatabase();
  const subjects = await loadResultSubjects(await getStorage(), plan.id);
  const rows = exportRows(db, plan.id, subjects, plan.role);
  const language = getLocale() === 'en' ? 'en' : 'de';
  const out = new PassThrough();
  const write = format === 'csv' ? writeGenericCsv : writeGenericXlsx;
  write(rows, out, { language }).catch((failure: unknown) => {
    console.error('results export failed', failure);
    out.destroy(failure instanceof Error ? failure : new Error(String(failure)));
  });
  const name = `${m.results_import_export_file()}-${berlinToday()}.${format}`;
  return new Response(Readable.toWeb(out) as ReadableStream<Uint8Array>, {
    headers: {
      'content-type': TYPES[format],
      'content-disposition': contentDisposition(name, name),
      'cache-control': 'private, no-store',
    },
  });
};

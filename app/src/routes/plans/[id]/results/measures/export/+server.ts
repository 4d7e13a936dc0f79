import { fileSlug } from '@prozesswerkstatt/plan-export';
import { contributionSummaries, listMeasures } from '@prozesswerkstatt/storage';
import { m } from '$lib/paraglide/messages.js';
import { getDatabase } from '$lib/server/db';
import { contentDisposition, fileNameText } from '$lib/server/exports/download-names';
import { requirePlanPermission } from '$lib/server/plan-access';
import { measureToFileRow, proposalRef, writeMeasuresCsv } from '$lib/server/results/measure-csv';
import type { RequestHandler } from './$types';

/**
 * `GET /plans/<id>/results/measures/export`: the plan's measures as Decidim's accountability CSV
 * (every member; the file names contributions only by their source link or reference).
 */
export const GET: RequestHandler = async ({ locals, params }) => {
  const plan = await requirePlanPermission(locals, params.id, 'results.read');
  const db = await getDatabase();
  const measures = await listMeasures(db, plan.id);
  const refs = new Map(
    (
      await contributionSummaries(
        db,
        plan.id,
        measures.flatMap((measure) => measure.contributionIds),
      )
    ).map((summary) => [summary.id, proposalRef(summary)]),
  );
  const body = await writeMeasuresCsv(
    measures.map((measure) => measureToFileRow(measure, (id) => refs.get(id) ?? null)),
  );
  const name = `${plan.title || m.export_doc_untitled()} – ${m.results_measure_title()}`;
  return new Response(body as Uint8Array<ArrayBuffer>, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Length': String(body.byteLength),
      'Content-Disposition': contentDisposition(
        `${fileSlug(name)}.csv`,
        `${fileNameText(name) || 'measures'}.csv`,
      ),
      'Cache-Control': 'private, no-store',
    },
  });
};

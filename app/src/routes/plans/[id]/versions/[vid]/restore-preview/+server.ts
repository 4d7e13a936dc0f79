import { error, json } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { CollabUnavailableError } from '$lib/server/collab-internal';
import { getDatabase } from '$lib/server/db';
import { requirePlanPermission } from '$lib/server/plan-access';
import { restorePreview } from '$lib/server/versions/restore-preview';
import type { RequestHandler } from './$types';

/**
 * `GET`: what restoring this version would replace, as counts per part (editors and up, who may
 * restore). The versions page shows it in the confirmation dialog.
 */
export const GET: RequestHandler = async ({ locals, params }) => {
  const plan = await requirePlanPermission(locals, params.id, 'versions.save');
  try {
    const preview = await restorePreview(await getDatabase(), plan.id, params.vid, plan.user.id);
    if (!preview.ok) {
      error(
        preview.problem === 'not_found' ? 404 : 409,
        preview.problem === 'not_found' ? m.version_not_found() : m.version_integrity_error(),
      );
    }
    return json({ counts: preview.counts }, { headers: { 'Cache-Control': 'private, no-store' } });
  } catch (cause) {
    if (cause instanceof CollabUnavailableError) error(503, m.version_collab_unavailable());
    throw cause;
  }
};

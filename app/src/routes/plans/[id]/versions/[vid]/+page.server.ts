import { planOutline } from '@prozesswerkstatt/plan-export/outline';
import { error } from '@sveltejs/kit';
import { exportLabels } from '$lib/exports/export-labels';
import { m } from '$lib/paraglide/messages.js';
import { getDatabase } from '$lib/server/db';
import { requirePlanPermission } from '$lib/server/plan-access';
import { currentBindingVersionId, listDecisions } from '$lib/server/versions/approvals';
import { versionGuidelineCheck } from '$lib/server/versions/version-guideline-check';
import { displayedStatus, getVerifiedVersion } from '$lib/server/versions/versions';
import type { PageServerLoad } from './$types';

/** One version, read-only, with its approval record and the result of its integrity check. */
export const load: PageServerLoad = async ({ locals, params }) => {
  const plan = await requirePlanPermission(locals, params.id, 'versions.readApproved');
  const db = await getDatabase();
  const verified = await getVerifiedVersion(db, plan.id, params.vid, plan.role);
  if (!verified.found) error(404, m.version_not_found());
  const { version, integrity } = verified;
  const decisions = await listDecisions(db, plan.id);
  const bindingId = await currentBindingVersionId(db, plan.id);
  const author = await db
    .selectFrom('users')
    .select('name')
    .where('id', '=', version.author_id)
    .executeTakeFirst();
  // Shown until the board has drawn the version (and without JavaScript): the exports' outline,
  // without its guideline check, which the page shows itself (the one stored with the version).
  const outline = verified.plan
    ? planOutline(verified.plan, exportLabels(), { withoutGuidelineCheck: true })
    : null;
  const guideline = verified.plan ? versionGuidelineCheck(version, verified.plan) : null;
  return {
    plan: { id: plan.id, title: plan.title, role: plan.role },
    version: {
      id: version.id,
      kind: version.kind,
      label: version.label,
      note: version.note,
      authorName: author?.name ?? '',
      createdAt: new Date(version.created_at).toISOString(),
      status: displayedStatus(version, bindingId),
      sha256: version.sha256,
    },
    integrity,
    decisions: decisions.filter((d) => d.versionId === version.id),
    outline,
    guideline,
    state: integrity === 'ok' ? Buffer.from(version.state).toString('base64') : null,
  };
};

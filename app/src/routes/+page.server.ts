import { getDatabase, getStorage } from '$lib/server/db';
import { listPlansForUser } from '$lib/server/plan-list';
import { memberPlansWithApprovedVersion } from '$lib/server/templates/approved-plans';
import { listedApprovalDrift } from '$lib/server/versions/approval-drift';
import type { PageServerLoad } from './$types';

/**
 * Anonymous visitors get the product intro; signed-in users their plans, an approved plan that
 * was changed since with the version it was approved as, and whether it can be used as a template.
 */
export const load: PageServerLoad = async ({ locals }) => {
  const user = locals.user;
  if (user === null) return { account: null, plans: [] };
  const db = await getDatabase();
  const storage = await getStorage();
  const plans = await listPlansForUser(db, storage, user.id);
  // Plans with an approved version, for "use as template" (only accounts that create plans).
  const templates = user.isFacilitator
    ? await memberPlansWithApprovedVersion(db, user.id)
    : new Set<string>();
  const listed = [];
  for (const plan of plans) {
    const drift =
      plan.status === 'approved'
        ? await listedApprovalDrift(db, storage, plan.id, plan.lastChange)
        : null;
    listed.push({
      ...plan,
      changedSinceApproval: drift?.versionLabel ?? null,
      usableAsTemplate: templates.has(plan.id),
    });
  }
  return {
    account: { name: user.name, isAdmin: user.isAdmin, isFacilitator: user.isFacilitator },
    plans: listed,
  };
};

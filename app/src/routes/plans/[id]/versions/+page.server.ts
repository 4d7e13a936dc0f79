import { fail, redirect, type ActionFailure } from '@sveltejs/kit';
import { isApprovedVersionImmutableError } from '@prozesswerkstatt/storage';
import { m } from '$lib/paraglide/messages.js';
import { localizeHref } from '$lib/paraglide/runtime.js';
import { CollabUnavailableError } from '$lib/server/collab-internal';
import { getDatabase, getStorage } from '$lib/server/db';
import { requirePlanPermission } from '$lib/server/plan-access';
import {
  approveVersion,
  rejectVersion,
  signOffRoleOf,
  submitVersion,
} from '$lib/server/versions/approvals';
import {
  describeRefusal,
  describeRestoreRefusal,
  describeVersionErrors,
} from '$lib/server/versions/messages';
import { storedApprovalDrift } from '$lib/server/versions/approval-drift';
import { mirrorPlanStatus } from '$lib/server/versions/plan-status';
import { restoreVersion } from '$lib/server/versions/restore';
import { parseVersionFields, renameVersion, saveVersion } from '$lib/server/versions/versions';
import { loadVersionList } from './version-list';
import type { Actions, PageServerLoad } from './$types';

/** Every member may browse versions; what they may do with them depends on the role. */
export const load: PageServerLoad = async ({ locals, params, url }) => {
  const plan = await requirePlanPermission(locals, params.id, 'versions.readApproved');
  const db = await getDatabase();
  // Where the workflow is run, the document's status is brought back in line with the plan's
  // record if a mirror write failed earlier (or a client changed it); best effort.
  if (signOffRoleOf(plan.role) !== null) await mirrorPlanStatus(db, plan.id, plan.user.id);
  const row = await db
    .selectFrom('plans')
    .select('status')
    .where('id', '=', plan.id)
    .executeTakeFirstOrThrow();
  const drift = await storedApprovalDrift(db, await getStorage(), plan.id);
  return {
    plan: { id: plan.id, title: plan.title, role: plan.role },
    planStatus: { status: row.status, changedSinceApproval: drift?.versionLabel ?? null },
    userId: plan.user.id,
    /** Accounts that may create plans may start one from this plan's approved version. */
    mayCreatePlans: plan.user.isFacilitator,
    signOffRole: signOffRoleOf(plan.role),
    restored: url.searchParams.get('restored') === '1',
    ...(await loadVersionList(db, plan.id, plan.role)),
  };
};

/** Runs a step that talks to the collab-server; if that is unreachable, says so. */
async function viaCollab<T>(
  step: () => Promise<T>,
): Promise<T | ActionFailure<{ errors: { form: string } }>> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof CollabUnavailableError) {
      return fail(503, { errors: { form: m.version_collab_unavailable() } });
    }
    throw error;
  }
}

function versionIdOf(form: FormData): string {
  return String(form.get('versionId') ?? '');
}

export const actions: Actions = {
  save: async ({ locals, params, request }) => {
    const plan = await requirePlanPermission(locals, params.id, 'versions.save');
    const form = await request.formData();
    const input = { label: String(form.get('label') ?? ''), note: String(form.get('note') ?? '') };
    const parsed = parseVersionFields(input);
    if (!parsed.ok) return fail(400, { ...input, errors: describeVersionErrors(parsed.errors) });
    const db = await getDatabase();
    return viaCollab(async () => {
      const version = await saveVersion(db, plan.id, {
        kind: 'named',
        ...parsed.value,
        authorId: plan.user.id,
      });
      return { saved: version.id, savedLabel: version.label };
    });
  },
  rename: async ({ locals, params, request }) => {
    const plan = await requirePlanPermission(locals, params.id, 'versions.save');
    const form = await request.formData();
    const versionId = versionIdOf(form);
    const input = { label: String(form.get('label') ?? ''), note: String(form.get('note') ?? '') };
    const parsed = parseVersionFields(input);
    if (!parsed.ok) {
      return fail(400, { versionId, errors: describeVersionErrors(parsed.errors) });
    }
    try {
      const found = await renameVersion(await getDatabase(), plan.id, versionId, parsed.value);
      if (!found) return fail(404, { errors: { form: m.version_not_found() } });
    } catch (error) {
      if (isApprovedVersionImmutableError(error)) {
        return fail(409, { errors: { form: m.version_approved_immutable() } });
      }
      throw error;
    }
    return { renamed: versionId };
  },
  restore: async ({ locals, params, request }) => {
    const plan = await requirePlanPermission(locals, params.id, 'versions.save');
    const versionId = versionIdOf(await request.formData());
    const db = await getDatabase();
    const result = await viaCollab(() => restoreVersion(db, plan.id, versionId, plan.user.id));
    if (!('ok' in result)) return result;
    if (!result.ok) return fail(409, { errors: { form: describeRestoreRefusal(result) } });
    redirect(303, `${localizeHref(`/plans/${plan.id}/versions`)}?restored=1`);
  },
  submit: async ({ locals, params, request }) => {
    const plan = await requirePlanPermission(locals, params.id, 'versions.submit');
    const versionId = versionIdOf(await request.formData());
    const db = await getDatabase();
    const result = await viaCollab(() => submitVersion(db, plan.id, versionId, plan.user.id));
    if (!('ok' in result)) return result;
    if (!result.ok) return fail(409, { errors: { form: describeRefusal(result.refusal) } });
    return { submitted: versionId };
  },
  approve: async ({ locals, params, request }) => {
    const plan = await requirePlanPermission(locals, params.id, 'versions.signOff');
    const side = signOffRoleOf(plan.role);
    if (!side) return fail(403, { errors: { form: m.errors_role_forbidden() } });
    const versionId = versionIdOf(await request.formData());
    const db = await getDatabase();
    const result = await viaCollab(() =>
      approveVersion(db, plan.id, versionId, plan.user.id, side),
    );
    if (!('ok' in result)) return result;
    if (!result.ok) return fail(409, { errors: { form: describeRefusal(result.refusal) } });
    return { approvedBy: versionId, complete: result.approved === true };
  },
  reject: async ({ locals, params, request }) => {
    const plan = await requirePlanPermission(locals, params.id, 'versions.signOff');
    const side = signOffRoleOf(plan.role);
    if (!side) return fail(403, { errors: { form: m.errors_role_forbidden() } });
    const form = await request.formData();
    const versionId = versionIdOf(form);
    const reason = String(form.get('reason') ?? '');
    const db = await getDatabase();
    const result = await viaCollab(() =>
      rejectVersion(db, plan.id, versionId, plan.user.id, side, reason),
    );
    if (!('ok' in result)) return result;
    if (!result.ok) {
      return fail(result.refusal === 'reason_required' ? 400 : 409, {
        versionId,
        errors: {
          form: describeRefusal(result.refusal),
          ...(result.refusal === 'reason_required' ? { reason: m.version_reason_required() } : {}),
        },
      });
    }
    return { rejected: versionId };
  },
};

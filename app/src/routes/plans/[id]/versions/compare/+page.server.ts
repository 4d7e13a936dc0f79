import type { Role } from '@prozesswerkstatt/contract';
import { error } from '@sveltejs/kit';
import { diffPlans, type PlanDiff, type PlanJSON } from '@prozesswerkstatt/plan-model';
import { m } from '$lib/paraglide/messages.js';
import { CollabUnavailableError, fetchSnapshot } from '$lib/server/collab-internal';
import { getDatabase, type Db } from '$lib/server/db';
import { methodLanguage, methodNames } from '$lib/server/methods/library';
import { requirePlanPermission } from '$lib/server/plan-access';
import { planOfState } from '$lib/server/versions/snapshot';
import { getVerifiedVersion } from '$lib/server/versions/versions';
import type { PageServerLoad } from './$types';

/** One side of a comparison. */
interface Side {
  id: string;
  kind: string;
  label: string;
  createdAt: string | null;
}

type Loaded = { ok: true; side: Side; plan: PlanJSON } | { ok: false; side: Side; problem: string };

async function loadSide(
  db: Db,
  planId: string,
  docName: string,
  id: string,
  reader: { id: string; role: Role },
): Promise<Loaded> {
  if (id === 'current') {
    const side = { id, kind: 'current', label: '', createdAt: null };
    try {
      return { ok: true, side, plan: planOfState(await fetchSnapshot(docName, reader.id)) };
    } catch (cause) {
      if (cause instanceof CollabUnavailableError) {
        return { ok: false, side, problem: m.version_collab_unavailable() };
      }
      throw cause;
    }
  }
  const verified = await getVerifiedVersion(db, planId, id, reader.role);
  if (!verified.found) error(404, m.version_not_found());
  const { version } = verified;
  const side = {
    id,
    kind: version.kind,
    label: version.label,
    createdAt: new Date(version.created_at).toISOString(),
  };
  if (!verified.plan) return { ok: false, side, problem: m.version_integrity_error() };
  return { ok: true, side, plan: verified.plan };
}

/** Display names of every stakeholder, phase and format id either plan mentions. */
function namesOf(...plans: PlanJSON[]): Record<string, string> {
  const names: Record<string, string> = {};
  for (const plan of plans) {
    for (const s of plan.stakeholders) names[s.id] = s.name;
    for (const p of plan.phases) {
      names[p.id] = p.title;
      for (const f of p.formats) names[f.id] = f.title;
    }
  }
  return names;
}

/**
 * The names of the library methods a changed `methodId` in `diff` refers to, so the diff names
 * the method rather than showing its id. Only those: the page need not carry the whole library.
 */
async function methodNamesIn(db: Db, diff: PlanDiff): Promise<Record<string, string>> {
  const ids = new Set(
    diff.formats.flatMap((format) =>
      format.fields
        .filter((change) => change.field === 'methodId' && change.kind === 'value')
        .flatMap((change) => [change.before, change.after])
        .filter((id): id is string => typeof id === 'string'),
    ),
  );
  if (ids.size === 0) return {};
  const all = await methodNames(db, methodLanguage());
  return Object.fromEntries(Object.entries(all).filter(([id]) => ids.has(id)));
}

/** Compares two versions, or a version with the current plan (`to=current`). */
export const load: PageServerLoad = async ({ locals, params, url }) => {
  const plan = await requirePlanPermission(locals, params.id, 'versions.readApproved');
  const db = await getDatabase();
  const from = url.searchParams.get('from') ?? '';
  const to = url.searchParams.get('to') ?? 'current';
  if (from === '') error(400, m.version_compare_missing());
  const [a, b] = await Promise.all([
    loadSide(db, plan.id, plan.docName, from, { id: plan.user.id, role: plan.role }),
    loadSide(db, plan.id, plan.docName, to, { id: plan.user.id, role: plan.role }),
  ]);
  const problems = [a, b].flatMap((side) => (side.ok ? [] : [side.problem]));
  const diff = a.ok && b.ok ? diffPlans(a.plan, b.plan) : null;
  return {
    plan: { id: plan.id, title: plan.title },
    from: a.side,
    to: b.side,
    problems,
    diff,
    names: a.ok && b.ok ? namesOf(a.plan, b.plan) : {},
    methodNames: diff ? await methodNamesIn(db, diff) : {},
  };
};

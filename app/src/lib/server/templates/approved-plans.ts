/**
 * The plans a user may start a plan from: those with an approved version that they are a member
 * of, and — for facilitators — every other unarchived one of the instance. Title and requesting
 * unit come from the binding approved version's stored JSON, never from a live document or the
 * plans table's cache of it: a network plan is shown as it was approved, which is what is copied.
 */
import { readStoredPlanJSON } from '@prozesswerkstatt/plan-model';
import type { Db } from '../db.js';

/** One plan the user may start from. */
export interface ApprovedPlan {
  planId: string;
  title: string;
  requestingUnit: string;
  /** When the binding version was approved: the last approving decision on it (ISO). */
  approvedAt: string;
  /** Whether the user is a member of the plan (else it is another facilitator's). */
  member: boolean;
}

/**
 * The ids of the plans `userId` is a member of that have an approved version — for the plans
 * list's "use as template" links, without reading any version's JSON.
 */
export async function memberPlansWithApprovedVersion(db: Db, userId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('plans')
    .innerJoin('plan_members', 'plan_members.plan_id', 'plans.id')
    .select('plans.id')
    .where('plan_members.user_id', '=', userId)
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('versions')
          .select('versions.id')
          .whereRef('versions.doc_name', '=', 'plans.doc_name')
          .where('versions.status', '=', 'approved'),
      ),
    )
    .execute();
  return new Set(rows.map((row) => row.id));
}

/**
 * The binding approved version of each plan in `docNames` with when it was approved. The binding
 * version is the approved one approved last (as `bindingVersionId`), so it is the version of the
 * last approving decision on an approved version — one query for the whole list.
 */
async function bindingVersions(
  db: Db,
  docNames: string[],
): Promise<Map<string, { versionId: string; approvedAt: string }>> {
  const binding = new Map<string, { versionId: string; approvedAt: string }>();
  if (docNames.length === 0) return binding;
  const rows = await db
    .selectFrom('version_approvals')
    .innerJoin('versions', 'versions.id', 'version_approvals.version_id')
    .select(['versions.doc_name', 'version_approvals.version_id', 'version_approvals.created_at'])
    .where('versions.doc_name', 'in', docNames)
    .where('versions.status', '=', 'approved')
    .where('version_approvals.decision', '=', 'approved')
    .orderBy('version_approvals.created_at', 'asc')
    .execute();
  for (const row of rows) {
    binding.set(row.doc_name, {
      versionId: row.version_id,
      approvedAt: new Date(row.created_at).toISOString(),
    });
  }
  return binding;
}

/** What the list shows of a version: its plan's title and requesting unit as approved. */
interface VersionMeta {
  title: string;
  requestingUnit: string;
}

/**
 * Metas already read, by version id. A version's JSON never changes once stored, so each is read
 * and parsed once per process instead of on every visit of the new-plan page: with hundreds of
 * approved plans in the network that is megabytes of JSON per visit. Null for a version that did
 * not parse. Bounded; the oldest entry goes first.
 */
const metaByVersion = new Map<string, VersionMeta | null>();
const META_CACHE_LIMIT = 20_000;

/** Title and requesting unit of a stored approved version, or null when it does not parse. */
function approvedMeta(canonicalJson: string): VersionMeta | null {
  try {
    const { meta } = readStoredPlanJSON(JSON.parse(canonicalJson));
    return { title: meta.title, requestingUnit: meta.requestingUnit };
  } catch {
    // A damaged version is refused when it is chosen (integrity check); it is not offered.
    return null;
  }
}

function rememberMeta(versionId: string, meta: VersionMeta | null): void {
  if (metaByVersion.size >= META_CACHE_LIMIT) {
    const oldest = metaByVersion.keys().next();
    if (!oldest.done) metaByVersion.delete(oldest.value);
  }
  metaByVersion.set(versionId, meta);
}

/** The metas of `versionIds`, reading only the JSON of versions not read before. */
async function versionMetas(
  db: Db,
  versionIds: string[],
): Promise<Map<string, VersionMeta | null>> {
  const unread = versionIds.filter((id) => !metaByVersion.has(id));
  if (unread.length > 0) {
    const stored = await db
      .selectFrom('versions')
      .select(['id', 'canonical_json'])
      .where('id', 'in', unread)
      .execute();
    for (const row of stored) rememberMeta(row.id, approvedMeta(row.canonical_json));
  }
  return new Map(versionIds.map((id) => [id, metaByVersion.get(id) ?? null]));
}

/**
 * The plans with an approved version that `userId` is a member of (any role, archived too) and,
 * when `network` (the user creates plans), every other plan that has one and is not archived;
 * by title.
 */
export async function listApprovedPlans(
  db: Db,
  userId: string,
  network: boolean,
): Promise<ApprovedPlan[]> {
  const plans = await db
    .selectFrom('plans')
    .leftJoin('plan_members', (join) =>
      join.onRef('plan_members.plan_id', '=', 'plans.id').on('plan_members.user_id', '=', userId),
    )
    .select(['plans.id', 'plans.doc_name', 'plan_members.user_id'])
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('versions')
          .select('versions.id')
          .whereRef('versions.doc_name', '=', 'plans.doc_name')
          .where('versions.status', '=', 'approved'),
      ),
    )
    .where((eb) =>
      network
        ? eb.or([eb('plan_members.user_id', 'is not', null), eb('plans.archived_at', 'is', null)])
        : eb('plan_members.user_id', 'is not', null),
    )
    .execute();
  const binding = await bindingVersions(
    db,
    plans.map((plan) => plan.doc_name),
  );
  const metas = await versionMetas(
    db,
    [...binding.values()].map((version) => version.versionId),
  );
  const listed: ApprovedPlan[] = [];
  for (const plan of plans) {
    const version = binding.get(plan.doc_name);
    const meta = version ? metas.get(version.versionId) : null;
    if (!version || !meta) continue;
    listed.push({
      planId: plan.id,
      ...meta,
      approvedAt: version.approvedAt,
      member: plan.user_id !== null,
    });
  }
  return listed.sort((a, b) => a.title.localeCompare(b.title, 'de'));
}

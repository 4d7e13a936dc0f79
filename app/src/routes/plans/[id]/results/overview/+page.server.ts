import { can } from '@prozesswerkstatt/contract';
import { fail } from '@sveltejs/kit';
import {
  COVERAGE_GAPS,
  coverage,
  listCoverageItems,
  listThemes,
  type CoverageGap,
  type CoverageItem,
} from '@prozesswerkstatt/storage';
import { getDatabase } from '$lib/server/db';
import { formId } from '$lib/server/form-fields';
import { requirePlanPermission } from '$lib/server/plan-access';
import { coverageSeries } from '$lib/server/results/coverage-view';
import { hasReleasedAnswers } from '$lib/server/results/receipt-lookup';
import { resultsContext } from '$lib/server/results/result-events';
import { loadReleaseHistory, openRequest } from '$lib/server/results/release-history';
import {
  describeReleaseRefusal,
  refusalStatus,
  requestPlanRelease,
  signOffPlanRelease,
  withdrawPlanRelease,
  type ReleaseOutcome,
} from '$lib/server/results/release-workflow';
import type { Actions, PageServerLoad } from './$types';

/** Items each gap list shows; the count says how many there are in all. */
const GAP_LIST_LIMIT = 50;

/**
 * The coverage overview and the release workflow: every member reads the figures, the gap lists
 * (pseudonyms only: no personal field is read for them) and the release history; facilitators
 * (`results.release`) request, sign off and withdraw.
 */
export const load: PageServerLoad = async ({ locals, params }) => {
  const plan = await requirePlanPermission(locals, params.id, 'results.read');
  const db = await getDatabase();
  const [counts, themes, history, published] = await Promise.all([
    coverage(db, plan.id),
    listThemes(db, plan.id),
    loadReleaseHistory(db, plan.id),
    hasReleasedAnswers(db, plan.id),
  ]);
  const gaps = {} as Record<CoverageGap, { items: CoverageItem[]; total: number }>;
  for (const gap of COVERAGE_GAPS) {
    gaps[gap] = await listCoverageItems(db, plan.id, gap, { limit: GAP_LIST_LIMIT });
  }
  return {
    plan: { id: plan.id, title: plan.title, role: plan.role },
    userId: plan.user.id,
    mayRelease: can(plan.role, 'results.release'),
    series: coverageSeries(counts, themes),
    gaps,
    history,
    open: openRequest(history),
    published,
  };
};

/** The release id a form names; an over-long one cannot be one and matches nothing. */
function releaseIdOf(form: FormData): string {
  return formId(form, 'releaseId');
}

/** The action's answer to a workflow outcome: `done` on success, the worded refusal otherwise. */
function answer(outcome: ReleaseOutcome, done: Record<string, unknown>) {
  if (outcome.ok) return done;
  return fail(refusalStatus(outcome.refusal), {
    refusal: outcome.refusal,
    message: describeReleaseRefusal(outcome.refusal, outcome.blockers),
  });
}

export const actions: Actions = {
  /** Asks for the answers to be released; refused with what is missing while anything is. */
  request: async ({ locals, params }) => {
    const plan = await requirePlanPermission(locals, params.id, 'results.release');
    const db = await getDatabase();
    const outcome = await requestPlanRelease(resultsContext(db), plan.id, plan.user.id);
    return answer(outcome, { requested: true });
  },
  /** The second signature: publishes the answers; never the requester's own (four eyes). */
  signOff: async ({ locals, params, request }) => {
    const plan = await requirePlanPermission(locals, params.id, 'results.release');
    const releaseId = releaseIdOf(await request.formData());
    const db = await getDatabase();
    const outcome = await signOffPlanRelease(resultsContext(db), plan.id, releaseId, plan.user.id);
    return answer(outcome, { released: outcome.ok ? (outcome.release?.itemCount ?? 0) : 0 });
  },
  /** Withdraws the open request (any facilitator, e.g. when answers must change first). */
  withdraw: async ({ locals, params, request }) => {
    const plan = await requirePlanPermission(locals, params.id, 'results.release');
    const releaseId = releaseIdOf(await request.formData());
    const db = await getDatabase();
    const outcome = await withdrawPlanRelease(resultsContext(db), plan.id, releaseId, plan.user.id);
    return answer(outcome, { withdrawn: true });
  },
};

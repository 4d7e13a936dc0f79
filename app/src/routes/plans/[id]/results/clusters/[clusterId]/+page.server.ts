import { error, fail, redirect } from '@sveltejs/kit';
import { can } from '@prozesswerkstatt/contract';
import {
  DECISIONS,
  ResultsConflictError,
  ResultsInputError,
  ResultsNotFoundError,
  answeredOnItsOwn,
  berlinToday,
  deleteCluster,
  listClusters,
  listContributions,
  removeFromCluster,
  replyToCluster,
  type ContributionListItem,
  type Reply,
} from '@prozesswerkstatt/storage';
import { m } from '$lib/paraglide/messages.js';
import { getLocale, localizeHref } from '$lib/paraglide/runtime.js';
import { getDatabase, getStorage } from '$lib/server/db';
import { formId } from '$lib/server/form-fields';
import { listMembers } from '$lib/server/members';
import { requirePlanPermission } from '$lib/server/plan-access';
import {
  loadAnswerChoices,
  replyTargetsOf,
  toReplyInput,
} from '$lib/server/results/answer-context';
import { toInboxRow } from '$lib/server/results/inbox-rows';
import { parseReplyForm, replyFormValues } from '$lib/server/results/reply-form';
import { resultsContext } from '$lib/server/results/result-events';
import type { Db } from '$lib/server/db';
import type { Actions, PageServerLoad } from './$types';

/** Most members the page lists (a cluster of hundreds is answered the same way). */
const MEMBER_LIMIT = 200;

async function clusterOf(db: Db, planId: string, clusterId: string) {
  const cluster = (await listClusters(db, planId)).find((entry) => entry.id === clusterId);
  if (!cluster) error(404, m.results_answer_cluster_not_found());
  return cluster;
}

/** The cluster's answer: the newest one given through it (members answered alone have others). */
function clusterAnswerOf(items: readonly ContributionListItem[], clusterId: string): Reply | null {
  return (
    items
      .map((item) => item.reply)
      .filter((reply): reply is Reply => reply?.clusterId === clusterId)
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0] ?? null
  );
}

/**
 * A cluster of duplicates, answered once: the answer is written to every member not answered on
 * its own (`answeredOnItsOwn`; those are listed as such). Everyone who
 * reads the results reads it; editors and facilitators answer it and take members out.
 */
export const load: PageServerLoad = async ({ locals, params }) => {
  const plan = await requirePlanPermission(locals, params.id, 'results.read');
  const db = await getDatabase();
  const cluster = await clusterOf(db, plan.id, params.clusterId);
  const canAnswer = can(plan.role, 'results.answer');
  const [page, members, choices] = await Promise.all([
    listContributions(db, plan.id, { clusterId: cluster.id }, { limit: MEMBER_LIMIT }),
    listMembers(db, plan.id, { userId: plan.user.id, seesEmails: false }),
    loadAnswerChoices(db, await getStorage(), plan.id, getLocale()),
  ]);
  const answered = clusterAnswerOf(page.items, cluster.id);
  return {
    plan: { id: plan.id, title: plan.title },
    userId: plan.user.id,
    canAnswer,
    today: berlinToday(),
    cluster: { id: cluster.id, label: cluster.label, version: cluster.version },
    items: page.items.map((item) => toInboxRow(item, plan.role)),
    // Members that keep their own answer when the cluster is answered: the page marks them.
    ownAnswerIds: page.items.filter((item) => answeredOnItsOwn(item.reply)).map((item) => item.id),
    total: page.total,
    reply: answered,
    replyValues: replyFormValues(answered, null),
    decisions: DECISIONS,
    members: members.map((member) => ({ userId: member.userId, name: member.name })),
    links: choices.links,
    measures: choices.measures,
    templates: canAnswer ? choices.templates : [],
  };
};

export const actions: Actions = {
  /** Answers the cluster once; the answer goes to every member not answered on its own. */
  reply: async ({ locals, params, request }) => {
    const plan = await requirePlanPermission(locals, params.id, 'results.answer');
    const db = await getDatabase();
    const cluster = await clusterOf(db, plan.id, params.clusterId);
    const choices = await loadAnswerChoices(db, await getStorage(), plan.id, getLocale());
    const parsed = parseReplyForm(await request.formData(), replyTargetsOf(choices), false);
    if (!parsed.ok) return fail(400, { reply: { errors: parsed.errors, values: parsed.values } });
    const input = await toReplyInput(db, plan.id, parsed.input, cluster.memberIds);
    if (!input.ok) return fail(400, { reply: { errors: input.errors, values: parsed.values } });
    try {
      const { answered, keptOwn } = await replyToCluster(
        resultsContext(db),
        plan.id,
        cluster.id,
        parsed.version ?? 0,
        input.input,
        plan.user.id,
      );
      return { saved: 'reply' as const, count: answered, keptOwn: keptOwn.length };
    } catch (caught) {
      if (caught instanceof ResultsConflictError) {
        // The cluster's stored answer (a member answered on its own may have caused the conflict).
        const members = await listContributions(
          db,
          plan.id,
          { clusterId: cluster.id },
          { limit: MEMBER_LIMIT },
        );
        const current = clusterAnswerOf(members.items, cluster.id);
        const ownAnswerIds = members.items
          .filter((item) => answeredOnItsOwn(item.reply))
          .map((item) => item.id);
        return fail(409, {
          reply: { errors: {}, values: parsed.values },
          conflict: { current, version: caught.currentVersion, ownAnswerIds },
        });
      }
      if (caught instanceof ResultsInputError) {
        return fail(400, {
          reply: { errors: { decision: m.results_answer_error_invalid() }, values: parsed.values },
        });
      }
      if (caught instanceof ResultsNotFoundError) error(404, m.results_answer_cluster_not_found());
      throw caught;
    }
  },

  /** Takes one member out; its answer stays, now its own. The last one out ends the cluster. */
  remove: async ({ locals, params, request }) => {
    const plan = await requirePlanPermission(locals, params.id, 'results.answer');
    const db = await getDatabase();
    const cluster = await clusterOf(db, plan.id, params.clusterId);
    const id = formId(await request.formData(), 'contributionId');
    if (!cluster.memberIds.includes(id)) {
      return fail(404, { removeError: m.results_answer_cluster_not_member() });
    }
    const context = resultsContext(db);
    await removeFromCluster(context, plan.id, [id], plan.user.id);
    if (cluster.memberIds.length === 1) {
      // An empty cluster answers nobody: it goes, and the person returns to the inbox.
      await deleteCluster(context, plan.id, cluster.id, plan.user.id);
      redirect(303, localizeHref(`/plans/${plan.id}/results`));
    }
    return { removed: id };
  },
};

import { fail, redirect } from '@sveltejs/kit';
import {
  CONTRIBUTION_CHANNELS,
  CONTRIBUTION_STATES,
  ResultsInputError,
  ResultsNotFoundError,
  addToCluster,
  berlinToday,
  createCluster,
  createContribution,
  listClusters,
  formatReceiptCode,
  listContributions,
  listThemes,
  type ContributionChannel,
  type ContributionState,
} from '@prozesswerkstatt/storage';
import { getDatabase, getStorage } from '$lib/server/db';
import { requirePlanPermission } from '$lib/server/plan-access';
import {
  AUTHOR_KINDS,
  emptyContributionForm,
  parseContributionForm,
} from '$lib/server/results/contribution-form';
import { seesPersonalData, toInboxRow } from '$lib/server/results/inbox-rows';
import { parseClusterForm } from '$lib/server/results/cluster-form';
import { resultsContext } from '$lib/server/results/result-events';
import { themeTree } from '$lib/server/results/theme-tree';
import { loadResultSubjects } from '$lib/server/results/result-subjects';
import { m } from '$lib/paraglide/messages.js';
import { localizeHref } from '$lib/paraglide/runtime.js';
import type { Actions, PageServerLoad } from './$types';

/** Items per page: keyset paging, so page 200 of 10,000 items costs what page 1 does. */
const PAGE_SIZE = 50;

function oneOf<T extends string>(values: readonly T[], value: string | null): T | null {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : null;
}

/** The inbox: every member reads it; names and contacts only editors and facilitators. */
export const load: PageServerLoad = async ({ locals, params, url }) => {
  const plan = await requirePlanPermission(locals, params.id, 'results.read');
  const db = await getDatabase();
  const channel = oneOf<ContributionChannel>(
    CONTRIBUTION_CHANNELS,
    url.searchParams.get('channel'),
  );
  const state = oneOf<ContributionState>(CONTRIBUTION_STATES, url.searchParams.get('state'));
  const cursor = url.searchParams.get('cursor');
  const themes = themeTree(await listThemes(db, plan.id));
  const themeId = themes.find((theme) => theme.id === url.searchParams.get('theme'))?.id ?? null;
  const filters = {
    ...(channel ? { channels: [channel] } : {}),
    ...(state ? { states: [state] } : {}),
    ...(themeId ? { themeId } : {}),
  };
  let page;
  try {
    page = await listContributions(db, plan.id, filters, { limit: PAGE_SIZE, cursor });
  } catch (error) {
    // A damaged cursor (edited URL) shows the first page instead of an error.
    if (!(error instanceof ResultsInputError)) throw error;
    page = await listContributions(db, plan.id, filters, { limit: PAGE_SIZE });
  }
  const canEnter = seesPersonalData(plan.role);
  return {
    plan: { id: plan.id, title: plan.title, role: plan.role },
    userId: plan.user.id,
    canEnter,
    filters: { channel, state, theme: themeId },
    themes: themes.map((theme) => ({ id: theme.id, path: theme.path })),
    cursor: cursor ?? null,
    items: page.items.map((item) => toInboxRow(item, plan.role)),
    nextCursor: page.nextCursor,
    total: page.total,
    subjects: await loadResultSubjects(await getStorage(), plan.id),
    channels: CONTRIBUTION_CHANNELS,
    states: CONTRIBUTION_STATES,
    authorKinds: AUTHOR_KINDS,
    emptyForm: emptyContributionForm(berlinToday()),
    today: berlinToday(),
    clusters: canEnter
      ? (await listClusters(db, plan.id)).map((cluster) => ({
          id: cluster.id,
          label: cluster.label,
          size: cluster.memberIds.length,
        }))
      : [],
  };
};

export const actions: Actions = {
  /** Enters one offline item by hand (editors and facilitators). */
  create: async ({ locals, params, request }) => {
    const plan = await requirePlanPermission(locals, params.id, 'results.answer');
    const subjects = await loadResultSubjects(await getStorage(), plan.id);
    const parsed = parseContributionForm(
      await request.formData(),
      new Set(subjects.map((subject) => subject.id)),
      berlinToday(),
    );
    if (!parsed.ok) {
      return fail(400, {
        errors: parsed.errors,
        values: parsed.values,
        summary: m.results_form_has_errors(),
      });
    }
    const created = await createContribution(
      resultsContext(await getDatabase()),
      plan.id,
      parsed.input,
      plan.user.id,
    );
    return {
      created: { id: created.id, receiptCode: formatReceiptCode(created.receiptCode) },
    };
  },

  /** Groups the checked items as duplicates in a new cluster and opens it to answer once. */
  group: async ({ locals, params, request }) => {
    const plan = await requirePlanPermission(locals, params.id, 'results.answer');
    const parsed = parseClusterForm(await request.formData(), 'create');
    if (!parsed.ok) return fail(400, { clusterError: parsed.error });
    let clusterId: string;
    try {
      const context = resultsContext(await getDatabase());
      clusterId = (await createCluster(context, plan.id, parsed.ids, parsed.label, plan.user.id))
        .id;
    } catch (error) {
      if (error instanceof ResultsNotFoundError) {
        return fail(404, { clusterError: m.results_answer_cluster_error_gone() });
      }
      throw error;
    }
    redirect(303, localizeHref(`/plans/${plan.id}/results/clusters/${clusterId}`));
  },

  /** Adds the checked items to an existing cluster (they get its answer, if it has one). */
  addToCluster: async ({ locals, params, request }) => {
    const plan = await requirePlanPermission(locals, params.id, 'results.answer');
    const parsed = parseClusterForm(await request.formData(), 'add');
    if (!parsed.ok) return fail(400, { clusterError: parsed.error });
    try {
      const context = resultsContext(await getDatabase());
      await addToCluster(context, plan.id, parsed.clusterId, parsed.ids, plan.user.id);
    } catch (error) {
      if (error instanceof ResultsNotFoundError) {
        return fail(404, { clusterError: m.results_answer_cluster_error_gone() });
      }
      throw error;
    }
    redirect(303, localizeHref(`/plans/${plan.id}/results/clusters/${parsed.clusterId}`));
  },
};

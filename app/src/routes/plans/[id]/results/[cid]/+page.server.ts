import { error, fail } from '@sveltejs/kit';
import { can } from '@prozesswerkstatt/contract';
import {
  DECISIONS,
  ResultsConflictError,
  ResultsInputError,
  ResultsNotFoundError,
  berlinToday,
  formatReceiptCode,
  getContribution,
  getReply,
  listClusters,
  listReplyHistory,
  setReply,
  updateContribution,
} from '@prozesswerkstatt/storage';
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime.js';
import { isOverdue, selectableStates } from '$lib/results/answer-states';
import { getDatabase, getStorage } from '$lib/server/db';
import { boundedId } from '$lib/server/form-fields';
import { listMembers } from '$lib/server/members';
import { requirePlanPermission } from '$lib/server/plan-access';
import {
  loadAnswerChoices,
  replyTargetsOf,
  toReplyInput,
} from '$lib/server/results/answer-context';
import { parseAssignForm } from '$lib/server/results/assign-form';
import { seesPersonalData } from '$lib/server/results/inbox-rows';
import { parseReplyForm, replyFormValues } from '$lib/server/results/reply-form';
import { historyRows } from '$lib/results/reply-history';
import { resultsContext } from '$lib/server/results/result-events';
import { loadResultSubjects } from '$lib/server/results/result-subjects';
import type { Actions, PageServerLoad } from './$types';

/** The contribution of the URL, or 404 (an over-long id cannot be one and matches nothing). */
async function contributionOf(planId: string, cid: string) {
  const contribution = await getContribution(await getDatabase(), planId, boundedId(cid));
  if (!contribution) error(404, m.results_not_found());
  return contribution;
}

/** The receipt code and title of a contribution of the plan, for "duplicate of". */
async function originalOf(planId: string, id: string | null) {
  if (id === null) return null;
  const original = await getContribution(await getDatabase(), planId, id);
  return original
    ? {
        id,
        code: formatReceiptCode(original.receiptCode),
        title: original.title || original.pseudonym,
      }
    : null;
}

/**
 * One contribution, to weigh and answer: everyone who reads the results reads it (without names
 * and contacts unless they answer); editors and facilitators assign, set the state and answer;
 * commenters and up comment on it (threads through `/plans/[id]/comments`).
 */
export const load: PageServerLoad = async ({ locals, params }) => {
  const plan = await requirePlanPermission(locals, params.id, 'results.read');
  const contribution = await contributionOf(plan.id, params.cid);
  const db = await getDatabase();
  const storage = await getStorage();
  const canAnswer = can(plan.role, 'results.answer');
  const personal = seesPersonalData(plan.role);
  const [reply, history, members, subjects, clusters, choices] = await Promise.all([
    getReply(db, plan.id, contribution.id),
    listReplyHistory(db, plan.id, contribution.id),
    listMembers(db, plan.id, { userId: plan.user.id, seesEmails: false }),
    loadResultSubjects(storage, plan.id),
    listClusters(db, plan.id),
    loadAnswerChoices(db, storage, plan.id, getLocale()),
  ]);
  const original = await originalOf(plan.id, reply?.duplicateOfId ?? null);
  const cluster = clusters.find((entry) => entry.id === contribution.clusterId) ?? null;
  const hasDecision = Boolean(reply?.decision);
  return {
    plan: { id: plan.id, title: plan.title, role: plan.role },
    userId: plan.user.id,
    canAnswer,
    // Starting a thread here takes both rows (the comments server checks them again).
    canComment: can(plan.role, 'comments.write') && can(plan.role, 'results.comment'),
    item: {
      id: contribution.id,
      channel: contribution.channel,
      receivedAt: contribution.receivedAt,
      authorKind: contribution.authorKind,
      pseudonym: contribution.pseudonym,
      title: contribution.title,
      text: contribution.text,
      cosignerCount: contribution.cosignerCount,
      subjectTitle:
        subjects.find((subject) => subject.id === contribution.subjectId)?.title ?? null,
      state: contribution.state,
      assigneeUserId: contribution.assigneeUserId,
      assigneeDepartment: contribution.assigneeDepartment,
      dueDate: contribution.dueDate,
      version: contribution.version,
      overdue: isOverdue(contribution.dueDate, hasDecision, berlinToday()),
      // The receipt code opens the public answer: only for those who may see the person's data.
      receiptCode: personal ? formatReceiptCode(contribution.receiptCode) : null,
      personal: personal
        ? {
            name: contribution.authorName,
            contact: contribution.authorContact,
            contactConsent: contribution.contactConsent,
            cosigners: contribution.cosigners,
          }
        : null,
    },
    cluster: cluster
      ? { id: cluster.id, label: cluster.label, size: cluster.memberIds.length }
      : null,
    reply: reply ?? null,
    original: original && (personal ? original : { ...original, code: '' }),
    replyValues: replyFormValues(reply ?? null, personal ? (original?.code ?? null) : null),
    decisions: DECISIONS,
    states: selectableStates(contribution.state, hasDecision),
    members: members.map((member) => ({ userId: member.userId, name: member.name })),
    history: historyRows(history),
    links: choices.links,
    measures: choices.measures,
    templates: canAnswer ? choices.templates : [],
  };
};

export const actions: Actions = {
  /** Saves the answer if nobody answered since the person's page read it. */
  reply: async ({ locals, params, request }) => {
    const plan = await requirePlanPermission(locals, params.id, 'results.answer');
    const contribution = await contributionOf(plan.id, params.cid);
    const db = await getDatabase();
    const choices = await loadAnswerChoices(db, await getStorage(), plan.id, getLocale());
    const parsed = parseReplyForm(await request.formData(), replyTargetsOf(choices), true);
    if (!parsed.ok) {
      return fail(400, { reply: { errors: parsed.errors, values: parsed.values } });
    }
    const input = await toReplyInput(db, plan.id, parsed.input, [contribution.id]);
    if (!input.ok) return fail(400, { reply: { errors: input.errors, values: parsed.values } });
    try {
      await setReply(
        resultsContext(db),
        plan.id,
        contribution.id,
        parsed.version,
        input.input,
        plan.user.id,
      );
    } catch (caught) {
      if (caught instanceof ResultsConflictError) {
        // Nothing was written: the person gets the answer now stored and keeps what they typed.
        const current = (await getReply(db, plan.id, contribution.id)) ?? null;
        return fail(409, {
          reply: { errors: {}, values: parsed.values },
          conflict: { current, version: current?.version ?? null },
        });
      }
      if (caught instanceof ResultsInputError) {
        return fail(400, {
          reply: { errors: { decision: m.results_answer_error_invalid() }, values: parsed.values },
        });
      }
      if (caught instanceof ResultsNotFoundError) error(404, m.results_not_found());
      throw caught;
    }
    return { saved: 'reply' as const };
  },

  /** Assigns the item and sets its state and due date (optimistic, like the answer). */
  assign: async ({ locals, params, request }) => {
    const plan = await requirePlanPermission(locals, params.id, 'results.answer');
    const contribution = await contributionOf(plan.id, params.cid);
    const db = await getDatabase();
    const [members, reply] = await Promise.all([
      listMembers(db, plan.id, { userId: plan.user.id, seesEmails: false }),
      getReply(db, plan.id, contribution.id),
    ]);
    const parsed = parseAssignForm(await request.formData(), {
      memberIds: new Set(members.map((member) => member.userId)),
      currentState: contribution.state,
      hasDecision: Boolean(reply?.decision),
    });
    if (!parsed.ok) return fail(400, { assign: { errors: parsed.errors, values: parsed.values } });
    try {
      await updateContribution(
        resultsContext(db),
        plan.id,
        contribution.id,
        parsed.version,
        parsed.patch,
        plan.user.id,
      );
    } catch (caught) {
      if (caught instanceof ResultsConflictError) {
        return fail(409, {
          assign: {
            errors: { version: m.results_answer_assign_conflict() },
            values: parsed.values,
          },
        });
      }
      if (caught instanceof ResultsNotFoundError) error(404, m.results_not_found());
      throw caught;
    }
    return { saved: 'assign' as const };
  },
};

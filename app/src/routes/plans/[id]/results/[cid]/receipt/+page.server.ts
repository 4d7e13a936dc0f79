import { error } from '@sveltejs/kit';
import { formatReceiptCode, getContribution } from '@prozesswerkstatt/storage';
import { m } from '$lib/paraglide/messages.js';
import { getDatabase, getStorage } from '$lib/server/db';
import { boundedId } from '$lib/server/form-fields';
import { requirePlanPermission } from '$lib/server/plan-access';
import { excerptOf } from '$lib/server/results/inbox-rows';
import { loadResultSubjects } from '$lib/server/results/result-subjects';
import type { PageServerLoad } from './$types';

/** Characters of the contribution the receipt repeats (enough to recognize one's letter). */
const RECEIPT_EXCERPT = 600;

/**
 * The printable receipt of one contribution: what staff hand or mail to the person, with the
 * receipt code that later opens the answer. It carries the name and address for the envelope,
 * so only editors and facilitators open it.
 */
export const load: PageServerLoad = async ({ locals, params }) => {
  const plan = await requirePlanPermission(locals, params.id, 'results.answer');
  const contribution = await getContribution(await getDatabase(), plan.id, boundedId(params.cid));
  if (!contribution) error(404, m.results_not_found());
  const subject = contribution.subjectId
    ? (await loadResultSubjects(await getStorage(), plan.id)).find(
        (entry) => entry.id === contribution.subjectId,
      )
    : undefined;
  return {
    plan: { id: plan.id, title: plan.title },
    receipt: {
      code: formatReceiptCode(contribution.receiptCode),
      channel: contribution.channel,
      receivedAt: contribution.receivedAt,
      authorName: contribution.authorName,
      authorContact: contribution.authorContact,
      pseudonym: contribution.pseudonym,
      title: contribution.title,
      excerpt: excerptOf(contribution.text, RECEIPT_EXCERPT),
      subjectTitle: subject?.title ?? null,
    },
  };
};

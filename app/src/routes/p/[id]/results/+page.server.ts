import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { getDatabase, getStorage } from '$lib/server/db';
import { boundedId } from '$lib/server/form-fields';
import { PUBLIC_PAGE_SIZE, loadPublicAnswers } from '$lib/server/results/public-answers';
import { hasReleasedAnswers } from '$lib/server/results/receipt-lookup';
import { loadResultSubjects } from '$lib/server/results/result-subjects';
import type { PageServerLoad } from './$types';

/**
 * A plan's released answers, for anyone, without login (outside `/plans`, see
 * protected-routes.ts). The plan id in the link is 128 random bits, so only those it was given to
 * find the page; a plan with nothing released is "not found", its title included. Only storage's
 * public view is read: no names, contacts or internal states.
 */
export const load: PageServerLoad = async ({ params, url }) => {
  const db = await getDatabase();
  const id = boundedId(params.id);
  const plan = await db
    .selectFrom('plans')
    .select(['id', 'title'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!plan || !(await hasReleasedAnswers(db, plan.id))) error(404, m.public_results_not_found());
  const subjects = await loadResultSubjects(await getStorage(), plan.id);
  const asked = Number.parseInt(url.searchParams.get('page') ?? '1', 10);
  let page = Number.isFinite(asked) && asked >= 1 ? asked : 1;
  let shown = await loadPublicAnswers(db, plan.id, subjects, page - 1);
  const pages = Math.max(1, Math.ceil(shown.total / PUBLIC_PAGE_SIZE));
  if (page > pages) {
    // A page past the end (an old link after fewer answers) shows the last page there is.
    page = pages;
    shown = await loadPublicAnswers(db, plan.id, subjects, page - 1);
  }
  return {
    plan: { id: plan.id, title: plan.title },
    groups: shown.groups,
    total: shown.total,
    page,
    pages,
  };
};

import { redirect } from '@sveltejs/kit';
import { contributionIdOf } from '$lib/comments/anchor';
import { anchorLabel } from '$lib/comments/anchor-label';
import { decodeMentions, mentionedIds } from '$lib/comments/body';
import { loginUrl } from '$lib/server/authentication';
import { listInbox } from '$lib/server/comment-inbox';
import { getDatabase } from '$lib/server/db';
import type { PageServerLoad } from './$types';

/**
 * The signed-in user's inbox across all their plans; mention tokens become "@Name" text. A thread
 * about a contribution says which ("Beitrag #…") and opens on the contribution's page.
 */
export const load: PageServerLoad = async ({ locals }) => {
  const user = locals.user;
  if (user === null) redirect(303, loginUrl('/inbox'));
  const db = await getDatabase();
  const entries = await listInbox(db, user.id);
  const ids = [...new Set(entries.flatMap((entry) => mentionedIds(entry.body)))];
  const names = new Map(
    ids.length === 0
      ? []
      : (await db.selectFrom('users').select(['id', 'name']).where('id', 'in', ids).execute()).map(
          (row) => [row.id, row.name] as const,
        ),
  );
  return {
    entries: entries.map(({ anchor, ...entry }) => {
      const contributionId = anchor && contributionIdOf(anchor);
      return {
        ...entry,
        body: decodeMentions(entry.body, (id) => names.get(id)),
        contribution:
          anchor && contributionId ? { id: contributionId, label: anchorLabel(anchor) } : null,
      };
    }),
  };
};

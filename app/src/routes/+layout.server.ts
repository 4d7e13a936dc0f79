import { countUnreadInbox } from '$lib/server/comment-inbox';
import { getDatabase } from '$lib/server/db';
import type { LayoutServerLoad } from './$types';

/** Only what the header shows: who is signed in and how many inbox entries are unread. */
export const load: LayoutServerLoad = async ({ locals }) => ({
  account: locals.user
    ? {
        name: locals.user.name,
        unreadInbox: await countUnreadInbox(await getDatabase(), locals.user.id),
      }
    : null,
});

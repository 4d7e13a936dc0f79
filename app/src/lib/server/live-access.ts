import type { Role } from '@prozesswerkstatt/contract';
import { postMemberChange } from './collab-internal.js';

/**
 * Makes a committed role change or removal reach the member's open boards at once. A failure
 * (collab-server away) must not undo or fail the change, which is stored already: it is logged,
 * and the collab-server closes every connection when its token expires (10 minutes), after which
 * the board's new token carries the role from the database.
 */
export async function announceMemberChange(
  plan: { docName: string },
  actingUserId: string,
  userId: string,
  role: Role | null,
): Promise<void> {
  try {
    await postMemberChange(plan.docName, actingUserId, userId, role);
  } catch (error) {
    console.warn(
      `membership: could not tell the collab-server that ${userId} is now ${role ?? 'removed'} ` +
        `in ${plan.docName}; open boards follow when their token expires`,
      error,
    );
  }
}

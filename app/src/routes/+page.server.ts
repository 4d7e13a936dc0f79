import { getDatabase, getStorage } from '$lib/server/db';
import { listPlansForUser } from '$lib/server/plans';
import type { PageServerLoad } from './$types';

/** Anonymous visitors get the product intro; signed-in users their plans. */
export const load: PageServerLoad = async ({ locals }) => {
  const user = locals.user;
  if (user === null) return { account: null, plans: [] };
  return {
    account: { name: user.name, isAdmin: user.isAdmin, isFacilitator: user.isFacilitator },
    plans: await listPlansForUser(await getDatabase(), user.id, await getStorage()),
  };
};

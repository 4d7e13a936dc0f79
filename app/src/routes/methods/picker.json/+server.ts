import { json } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db';
import { methodLanguage, pickerMethods, requireReader } from '$lib/server/methods/library';
import type { RequestHandler } from './$types';

/**
 * Every method with its key facts and the format it would make, in the request's language, for
 * the board's "add from the library" dialog (which filters in the browser with the same
 * functions as /methods). Not cached: a facilitator's edit shows at the next opening.
 */
export const GET: RequestHandler = async ({ locals }) => {
  requireReader(locals);
  return json(await pickerMethods(await getDatabase(), methodLanguage()), {
    headers: { 'cache-control': 'private, no-store' },
  });
};

import { parseMethodFilter } from '@prozesswerkstatt/method-library';
import { getDatabase } from '$lib/server/db';
import { findMethods, methodLanguage, requireReader } from '$lib/server/methods/library';
import type { PageServerLoad } from './$types';

/** The library, searched and filtered by the URL's parameters (a GET form, so links keep it). */
export const load: PageServerLoad = async ({ locals, url }) => {
  const user = requireReader(locals);
  const { filter, invalid } = parseMethodFilter(url.searchParams);
  return {
    methods: await findMethods(await getDatabase(), filter, methodLanguage()),
    filter: {
      q: filter.query ?? '',
      level: filter.level ?? '',
      mode: filter.mode ?? '',
      persons: filter.persons === undefined ? '' : String(filter.persons),
      duration: filter.duration ?? '',
    },
    invalid,
    canEdit: user.isFacilitator,
  };
};

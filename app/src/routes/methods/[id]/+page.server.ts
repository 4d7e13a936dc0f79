import { methodIdSchema } from '@prozesswerkstatt/method-library';
import { getMethod, listMethodRevisions } from '@prozesswerkstatt/storage';
import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { getDatabase } from '$lib/server/db';
import { methodLanguage, requireReader } from '$lib/server/methods/library';
import type { PageServerLoad } from './$types';

/** One method in the page's language, with its history (who changed which fields when). */
export const load: PageServerLoad = async ({ locals, params }) => {
  const user = requireReader(locals);
  if (!methodIdSchema.safeParse(params.id).success) error(404, m.methods_not_found());
  const db = await getDatabase();
  const method = await getMethod(db, params.id);
  if (!method) error(404, m.methods_not_found());
  const language = methodLanguage();
  const revisions = await listMethodRevisions(db, params.id);
  return {
    id: method.id,
    origin: method.origin,
    content: method.content,
    language,
    history: revisions.map((revision) => ({
      revision: revision.revision,
      kind: revision.kind,
      changedFields: revision.changedFields,
      author: revision.author?.name ?? null,
      createdAt: revision.createdAt,
    })),
    canEdit: user.isFacilitator,
  };
};

import { createMethod, MethodInputError } from '@prozesswerkstatt/storage';
import { fail, redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime.js';
import { getDatabase } from '$lib/server/db';
import { requireMethodEditor } from '$lib/server/methods/library';
import {
  describeMethodErrors,
  methodInputOf,
  readMethodForm,
} from '$lib/server/methods/method-form';
import type { Actions, PageServerLoad } from './$types';

/** Defaults of a new method's choices; every text starts empty. */
const NEW_METHOD = {
  level: 'consult',
  mode: 'offline',
  'duration.unit': 'minutes',
  'effort.scale': 'medium',
  'cost.scale': 'medium',
};

export const load: PageServerLoad = ({ locals }) => {
  requireMethodEditor(locals);
  return { values: NEW_METHOD as Record<string, string> };
};

export const actions: Actions = {
  create: async ({ locals, request }) => {
    const user = requireMethodEditor(locals);
    const values = readMethodForm(await request.formData());
    try {
      const method = await createMethod(
        { db: await getDatabase() },
        user.id,
        methodInputOf(values),
      );
      redirect(303, localizeHref(`/methods/${method.id}`));
    } catch (error) {
      if (error instanceof MethodInputError) {
        return fail(400, { values, errors: describeMethodErrors(error.issues) });
      }
      throw error;
    }
  },
};

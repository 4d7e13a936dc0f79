import { methodIdSchema } from '@prozesswerkstatt/method-library';
import {
  getMethod,
  MethodConflictError,
  MethodInputError,
  MethodNotFoundError,
  updateMethod,
} from '@prozesswerkstatt/storage';
import { error, fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { localizeHref } from '$lib/paraglide/runtime.js';
import { getDatabase } from '$lib/server/db';
import { methodLanguage, requireMethodEditor } from '$lib/server/methods/library';
import {
  describeMethodErrors,
  formValuesOf,
  methodInputOf,
  readMethodForm,
} from '$lib/server/methods/method-form';
import type { Actions, PageServerLoad } from './$types';

function checkedId(id: string): string {
  if (!methodIdSchema.safeParse(id).success) error(404, m.methods_not_found());
  return id;
}

/** The method's current content in the form, with the version the edit is based on. */
export const load: PageServerLoad = async ({ locals, params }) => {
  requireMethodEditor(locals);
  const method = await getMethod(await getDatabase(), checkedId(params.id));
  if (!method) error(404, m.methods_not_found());
  return {
    id: method.id,
    name: method.content.name[methodLanguage()],
    rowVersion: method.rowVersion,
    values: formValuesOf(method.content),
  };
};

export const actions: Actions = {
  save: async ({ locals, params, request }) => {
    const user = requireMethodEditor(locals);
    const id = checkedId(params.id);
    const form = await request.formData();
    const values = readMethodForm(form);
    const version = Number(form.get('rowVersion'));
    if (!Number.isInteger(version) || version < 1) {
      return fail(400, { values, errors: {}, problem: m.methods_error_stale() });
    }
    try {
      await updateMethod({ db: await getDatabase() }, user.id, id, version, methodInputOf(values));
    } catch (caught) {
      if (caught instanceof MethodInputError) {
        return fail(400, { values, errors: describeMethodErrors(caught.issues), problem: null });
      }
      if (caught instanceof MethodConflictError) {
        return fail(409, { values, errors: {}, problem: m.methods_error_conflict() });
      }
      if (caught instanceof MethodNotFoundError) error(404, m.methods_not_found());
      throw caught;
    }
    redirect(303, localizeHref(`/methods/${id}`));
  },
};

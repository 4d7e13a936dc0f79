import type { SubmitFunction } from '@sveltejs/kit';

/**
 * `use:enhance` without clearing the form afterwards: a refused save shows its errors next to
 * what the person typed. (The form is re-created from the returned values on each result.)
 */
export const keepValues: SubmitFunction =
  () =>
  async ({ update }) => {
    await update({ reset: false });
  };

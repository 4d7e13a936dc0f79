/**
 * `use:enhance` for the version forms: after the update, when the pressed button is gone (the
 * version moved on to another state), focus goes to the status message instead of the page's
 * start, so keyboard and screen-reader users stay where they acted and hear the result.
 */
import type { SubmitFunction } from '@sveltejs/kit';

/** Id of the element that receives focus after a form's button disappeared. */
export const VERSION_STATUS_ID = 'version-status';

export const keepFocus: SubmitFunction = () => {
  return async ({ update }) => {
    await update();
    const active = document.activeElement;
    if (active === null || active === document.body || !active.isConnected) {
      document.getElementById(VERSION_STATUS_ID)?.focus();
    }
  };
};

import { fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { clientAddress } from '$lib/server/client-address';
import { getDatabase } from '$lib/server/db';
import { minutesOf } from '$lib/server/login-throttle';
import { lookupReceiptCode } from '$lib/server/results/receipt-lookup';
import type { Actions, PageServerLoad } from './$types';

/** Longest input looked at; a code is 10 characters, with dashes and spaces a few more. */
const TYPED_MAX_LENGTH = 40;

/**
 * The receipt-code lookup, for anyone, without login. The code travels in a POST body, never in
 * the URL (so it stays out of logs, history and referrers), and no cache keeps the answer.
 */
export const load: PageServerLoad = ({ setHeaders }) => {
  setHeaders({ 'cache-control': 'no-store' });
  return {};
};

export const actions: Actions = {
  /** Looks one code up; counted per client address before anything else is done. */
  lookup: async ({ request, getClientAddress }) => {
    const typed = String((await request.formData()).get('code') ?? '').slice(0, TYPED_MAX_LENGTH);
    const outcome = await lookupReceiptCode(
      await getDatabase(),
      clientAddress(getClientAddress),
      typed,
    );
    switch (outcome.kind) {
      case 'throttled':
        return fail(429, {
          code: typed,
          error: m.public_results_receipt_throttled({
            minutes: minutesOf(outcome.retryAfterSeconds),
          }),
        });
      case 'malformed':
        return fail(400, { code: typed, error: m.public_results_receipt_malformed() });
      case 'unknown':
        return fail(404, { code: typed, error: m.public_results_receipt_unknown() });
      case 'found':
        return { code: typed, receipt: outcome.receipt, plan: outcome.plan };
    }
  },
};

/**
 * Releasing a plan's answers (issue #18, four eyes): one facilitator requests, another signs off,
 * then storage copies every decided answer to the public view in one transaction. These wrap
 * storage's release calls and turn its named refusals into outcomes the overview page words;
 * the role (`results.release`) is checked by the route before any of them is called.
 */
import {
  FourEyesError,
  ReleaseBlockedError,
  ReleaseStateError,
  ResultsNotFoundError,
  requestRelease,
  signOffRelease,
  withdrawRelease,
  type Release,
  type ReleaseBlockers,
  type ResultsContext,
} from '@prozesswerkstatt/storage';
import { m } from '../../paraglide/messages.js';

/** Why a release step was refused; each has its own message ({@link describeReleaseRefusal}). */
export type ReleaseRefusal =
  | 'blocked'
  | 'four_eyes'
  | 'already_requested'
  | 'not_requested'
  | 'changed_since_request'
  | 'not_found';

export type ReleaseOutcome =
  | { ok: true; release: Release | null }
  | { ok: false; refusal: ReleaseRefusal; blockers: ReleaseBlockers | null };

/** The outcome of a refused step, or a rethrow for anything that is no refusal. */
function refusalOf(error: unknown): ReleaseOutcome {
  if (error instanceof ReleaseBlockedError) {
    return {
      ok: false,
      refusal: 'blocked',
      blockers: { withoutDecision: error.withoutDecision, withoutReason: error.withoutReason },
    };
  }
  if (error instanceof FourEyesError) return { ok: false, refusal: 'four_eyes', blockers: null };
  if (error instanceof ReleaseStateError)
    return { ok: false, refusal: error.reason, blockers: null };
  if (error instanceof ResultsNotFoundError) {
    return { ok: false, refusal: 'not_found', blockers: null };
  }
  throw error;
}

/** Asks for the plan's answers to be released; refused while anything blocks it. */
export async function requestPlanRelease(
  ctx: ResultsContext,
  planId: string,
  userId: string,
): Promise<ReleaseOutcome> {
  try {
    return { ok: true, release: await requestRelease(ctx, planId, userId) };
  } catch (error) {
    return refusalOf(error);
  }
}

/** The second signature; refused for the requester themselves (four eyes). */
export async function signOffPlanRelease(
  ctx: ResultsContext,
  planId: string,
  releaseId: string,
  userId: string,
): Promise<ReleaseOutcome> {
  try {
    return { ok: true, release: await signOffRelease(ctx, planId, releaseId, userId) };
  } catch (error) {
    return refusalOf(error);
  }
}

/** Withdraws an open request of the plan. */
export async function withdrawPlanRelease(
  ctx: ResultsContext,
  planId: string,
  releaseId: string,
  userId: string,
): Promise<ReleaseOutcome> {
  const withdrawn = await withdrawRelease(ctx, planId, releaseId, userId);
  return withdrawn
    ? { ok: true, release: null }
    : { ok: false, refusal: 'not_requested', blockers: null };
}

/** HTTP status of a refusal: a rule of the workflow (409), or an unknown request (404). */
export function refusalStatus(refusal: ReleaseRefusal): 404 | 409 {
  return refusal === 'not_found' ? 404 : 409;
}

/** The message of a refused release step, in the request's language. */
export function describeReleaseRefusal(
  refusal: ReleaseRefusal,
  blockers: ReleaseBlockers | null,
): string {
  switch (refusal) {
    case 'blocked':
      return m.results_release_blocked({
        withoutDecision: blockers?.withoutDecision ?? 0,
        withoutReason: blockers?.withoutReason ?? 0,
      });
    case 'four_eyes':
      return m.results_release_four_eyes();
    case 'already_requested':
      return m.results_release_already_requested();
    case 'not_requested':
      return m.results_release_not_requested();
    case 'changed_since_request':
      return m.results_release_changed_since_request();
    case 'not_found':
      return m.results_release_not_found();
  }
}

import { m } from '$lib/paraglide/messages.js';
import type { PlanFieldErrors } from './plans.js';

/** Messages of the plan form's error codes. */
export function describePlanErrors(errors: PlanFieldErrors): Record<string, string> {
  const out: Record<string, string> = {};
  if (errors.title === 'title_required') out.title = m.plans_title_required();
  if (errors.title === 'title_too_long') out.title = m.plans_text_too_long();
  if (errors.requestingUnit) out.requestingUnit = m.plans_text_too_long();
  return out;
}

import { z } from 'zod';
import { m } from '$lib/paraglide/messages.js';
import { formText } from './form-fields.js';
import { INVITATION_MAX_DAYS, INVITATION_MAX_USES, INVITATION_MIN_DAYS } from './invitations.js';
import { INVITABLE_ROLES, type Role } from '@prozesswerkstatt/contract';
import { EMAIL_MAX_LENGTH } from './users.js';

/** A new invitation as the facilitator asked for it. */
export interface InvitationChoice {
  role: Role;
  days: number;
  maxUses: number;
  email: string | null;
}

/** The result of {@link parseInvitationForm}: the choice, or a message per field. */
export type InvitationFormResult =
  { ok: true; value: InvitationChoice } | { ok: false; errors: Record<string, string> };

const emailSchema = z.email();

/** A whole number from `min` to `max` in `text`, or null. */
function wholeNumber(text: string, min: number, max: number): number | null {
  if (!/^\d{1,6}$/.test(text.trim())) return null;
  const value = Number(text.trim());
  return value >= min && value <= max ? value : null;
}

/**
 * Reads the invitation form: role, validity in days, single use (default) or at most
 * `maxUses` acceptances, and optionally the one e-mail address allowed to accept.
 */
export function parseInvitationForm(form: FormData): InvitationFormResult {
  const errors: Record<string, string> = {};
  const role = formText(form, 'role');
  const days = wholeNumber(formText(form, 'days'), INVITATION_MIN_DAYS, INVITATION_MAX_DAYS);
  const multi = formText(form, 'uses') === 'multi';
  const maxUses = multi ? wholeNumber(formText(form, 'maxUses'), 1, INVITATION_MAX_USES) : 1;
  const email = formText(form, 'email').trim();

  if (!(INVITABLE_ROLES as readonly string[]).includes(role)) {
    errors.inviteRole = m.members_role_invalid();
  }
  if (days === null) {
    errors.inviteDays = m.invite_days_invalid({
      min: INVITATION_MIN_DAYS,
      max: INVITATION_MAX_DAYS,
    });
  }
  if (maxUses === null) {
    errors.inviteMaxUses = m.invite_max_uses_invalid({ min: 1, max: INVITATION_MAX_USES });
  }
  if (email !== '' && (email.length > EMAIL_MAX_LENGTH || !emailSchema.safeParse(email).success)) {
    errors.inviteEmail = m.invite_email_invalid({ max: EMAIL_MAX_LENGTH });
  }
  if (Object.keys(errors).length > 0 || days === null || maxUses === null) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    value: { role: role as Role, days, maxUses, email: email === '' ? null : email },
  };
}

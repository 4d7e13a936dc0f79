import { m } from '$lib/paraglide/messages.js';

/**
 * Labels of a plan's status and a member's role in the current language. Unknown values are shown
 * as they are (a newer server may know more states than this page).
 */
export function statusLabel(status: string): string {
  switch (status) {
    case 'draft':
      return m.plans_status_draft();
    case 'in_review':
      return m.plans_status_in_review();
    case 'approved':
      return m.plans_status_approved();
    case 'running':
      return m.plans_status_running();
    case 'closed':
      return m.plans_status_closed();
    default:
      return status;
  }
}

/**
 * The status as every page says it: an approved plan changed since then says so, with the
 * version that was approved ("Geändert seit Freigabe (Version „März-Fassung“)").
 */
export function planStatusText(status: string, changedSinceApproval: string | null): string {
  if (status === 'approved' && changedSinceApproval !== null) {
    return m.plans_status_changed_since_approval({ version: changedSinceApproval });
  }
  return statusLabel(status);
}

/** Label of a member role (viewer, commenter, editor, facilitator) in the current language. */
export function roleLabel(role: string): string {
  switch (role) {
    case 'viewer':
      return m.members_role_viewer();
    case 'commenter':
      return m.members_role_commenter();
    case 'editor':
      return m.members_role_editor();
    case 'facilitator':
      return m.members_role_facilitator();
    default:
      return role;
  }
}

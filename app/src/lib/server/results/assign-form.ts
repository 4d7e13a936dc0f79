/**
 * The "who and until when" form of the item page: assignee (a plan member or a department typed
 * in), due date and internal state, checked against the plan's members and the workflow rules
 * (answer-states.ts) with errors in the request's language.
 */
import {
  CONTRIBUTION_LIMITS,
  CONTRIBUTION_STATES,
  type ContributionPatch,
  type ContributionState,
} from '@prozesswerkstatt/storage';
import { stateRefusal } from '../../results/answer-states.js';
import { m } from '../../paraglide/messages.js';
import { formText } from '../form-fields.js';

export interface AssignFormValues {
  assigneeUserId: string;
  assigneeDepartment: string;
  dueDate: string;
  state: string;
}
export type AssignFieldErrors = Partial<Record<keyof AssignFormValues | 'version', string>>;

export type ParsedAssignForm =
  | { ok: true; patch: ContributionPatch; version: number; values: AssignFormValues }
  | { ok: false; errors: AssignFieldErrors; values: AssignFormValues };

/** The item as the person's page showed it, to check the state change against. */
export interface AssignContext {
  memberIds: ReadonlySet<string>;
  currentState: ContributionState;
  hasDecision: boolean;
}

export function parseAssignForm(form: FormData, context: AssignContext): ParsedAssignForm {
  const values: AssignFormValues = {
    assigneeUserId: formText(form, 'assigneeUserId'),
    assigneeDepartment: formText(form, 'assigneeDepartment').trim(),
    dueDate: formText(form, 'dueDate').trim(),
    state: formText(form, 'state'),
  };
  const errors: AssignFieldErrors = {};
  const versionText = formText(form, 'version');
  const version = /^\d{1,9}$/.test(versionText) ? Number(versionText) : 0;
  if (version < 1) errors.version = m.results_answer_error_version();
  if (values.assigneeUserId !== '' && !context.memberIds.has(values.assigneeUserId)) {
    errors.assigneeUserId = m.results_answer_error_assignee();
  }
  if (values.assigneeDepartment.length > CONTRIBUTION_LIMITS.authorName) {
    errors.assigneeDepartment = m.results_error_too_long({ max: CONTRIBUTION_LIMITS.authorName });
  }
  if (values.dueDate !== '' && !isCalendarDate(values.dueDate)) {
    errors.dueDate = m.results_answer_error_due_date();
  }
  if (!(CONTRIBUTION_STATES as readonly string[]).includes(values.state)) {
    errors.state = m.results_answer_error_state();
  } else {
    const refusal = stateRefusal(
      context.currentState,
      values.state as ContributionState,
      context.hasDecision,
    );
    if (refusal === 'needs_decision') errors.state = m.results_answer_error_state_decision();
    if (refusal === 'release_only') errors.state = m.results_answer_error_state_release();
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors, values };
  return {
    ok: true,
    version,
    values,
    patch: {
      assigneeUserId: values.assigneeUserId || null,
      assigneeDepartment: values.assigneeDepartment || null,
      dueDate: values.dueDate || null,
      state: values.state as ContributionState,
    },
  };
}

/** YYYY-MM-DD naming a day that exists (no 31 February). */
function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

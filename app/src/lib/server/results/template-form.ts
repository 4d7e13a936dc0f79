/**
 * The reply template form: a label, and the decision, reason and reply text it fills in. A
 * template may leave any of them empty (it then leaves that part of the answer as it is).
 */
import { CONTRIBUTION_LIMITS, DECISIONS, type Decision } from '@prozesswerkstatt/storage';
import { m } from '../../paraglide/messages.js';
import { formText } from '../form-fields.js';

/** Longest template label (storage's limit). */
export const TEMPLATE_LABEL_MAX = 200;

export interface TemplateFormValues {
  label: string;
  decision: string;
  reason: string;
  response: string;
}
export type TemplateFieldErrors = Partial<Record<keyof TemplateFormValues, string>>;

export type ParsedTemplateForm =
  | {
      ok: true;
      input: { label: string; decision: Decision | null; reason: string; response: string };
      values: TemplateFormValues;
    }
  | { ok: false; errors: TemplateFieldErrors; values: TemplateFormValues };

export function parseTemplateForm(form: FormData): ParsedTemplateForm {
  const values: TemplateFormValues = {
    label: formText(form, 'label'),
    decision: formText(form, 'decision'),
    reason: formText(form, 'reason'),
    response: formText(form, 'response'),
  };
  const errors: TemplateFieldErrors = {};
  const label = values.label.trim();
  if (label === '') errors.label = m.results_answer_templates_error_label();
  else if (label.length > TEMPLATE_LABEL_MAX) {
    errors.label = m.results_error_too_long({ max: TEMPLATE_LABEL_MAX });
  }
  const known = (DECISIONS as readonly string[]).includes(values.decision);
  if (values.decision !== '' && !known) errors.decision = m.results_answer_error_decision();
  if (values.reason.trim().length > CONTRIBUTION_LIMITS.reason) {
    errors.reason = m.results_error_too_long({ max: CONTRIBUTION_LIMITS.reason });
  }
  if (values.response.trim().length > CONTRIBUTION_LIMITS.response) {
    errors.response = m.results_error_too_long({ max: CONTRIBUTION_LIMITS.response });
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors, values };
  return {
    ok: true,
    values,
    input: {
      label,
      decision: known ? (values.decision as Decision) : null,
      reason: values.reason.trim(),
      response: values.response.trim(),
    },
  };
}

/**
 * The manual entry form of the results inbox (a letter, a workshop card, an e-mail, a phone call
 * typed in by staff): form fields to storage's `NewContribution`, and storage's validation issues
 * to one message per field in the request's language, so the form can tie each error to its field.
 */
import {
  AUTHOR_KINDS,
  CONTRIBUTION_CHANNELS,
  CONTRIBUTION_LIMITS,
  ResultsInputError,
  parseNewContribution,
  type NewContribution,
  type ResultsInputIssue,
} from '@prozesswerkstatt/storage';
import { m } from '../../paraglide/messages.js';
import {
  CONTRIBUTION_FIELDS,
  type ContributionField,
  type ContributionFormValues,
} from '../../results/contribution-fields.js';
import { formText } from '../form-fields.js';

export type ContributionFieldErrors = Partial<Record<ContributionField, string>>;

export type ParsedContributionForm =
  | { ok: true; input: NewContribution; values: ContributionFormValues }
  | { ok: false; errors: ContributionFieldErrors; values: ContributionFormValues };

/** Reads the form. Staff enter hand-typed items, so the source system is always `manual`. */
export function readContributionForm(form: FormData): ContributionFormValues {
  return {
    channel: formText(form, 'channel'),
    receivedAt: formText(form, 'receivedAt').trim(),
    authorKind: formText(form, 'authorKind'),
    pseudonym: formText(form, 'pseudonym'),
    authorName: formText(form, 'authorName'),
    authorContact: formText(form, 'authorContact'),
    contactConsent: form.get('contactConsent') === 'on',
    cosigners: formText(form, 'cosigners'),
    subjectId: formText(form, 'subjectId'),
    title: formText(form, 'title'),
    text: formText(form, 'text'),
  };
}

/**
 * Validates the form with storage's rules, plus two of the page's own: the received date is a
 * calendar date not after `today` (YYYY-MM-DD), and the subject is a phase or format of the plan.
 */
export function parseContributionForm(
  form: FormData,
  subjectIds: ReadonlySet<string>,
  today: string,
): ParsedContributionForm {
  const values = readContributionForm(form);
  const cosigners = values.cosigners
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const input: NewContribution = {
    channel: values.channel as NewContribution['channel'],
    sourceSystem: 'manual',
    receivedAt: values.receivedAt,
    authorKind: values.authorKind as NewContribution['authorKind'],
    pseudonym: values.pseudonym,
    authorName: values.authorName,
    authorContact: values.authorContact,
    contactConsent: values.contactConsent,
    cosigners,
    subjectId: values.subjectId === '' ? null : values.subjectId,
    title: values.title,
    text: values.text,
  };
  const errors: ContributionFieldErrors = {};
  if (!/^\d{4}-\d{2}-\d{2}$/.test(values.receivedAt)) {
    errors.receivedAt = m.results_error_received_at();
  } else if (values.receivedAt > today) {
    errors.receivedAt = m.results_error_received_future();
  }
  if (input.subjectId && !subjectIds.has(input.subjectId)) {
    errors.subjectId = m.results_error_subject();
  }
  try {
    parseNewContribution(input);
  } catch (error) {
    if (!(error instanceof ResultsInputError)) throw error;
    for (const issue of error.issues) {
      const field = fieldOf(issue);
      errors[field] ??= messageOf(field, issue);
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors, values };
  return { ok: true, input, values };
}

function fieldOf(issue: ResultsInputIssue): ContributionField {
  const head = issue.path.split('.')[0] ?? '';
  return (CONTRIBUTION_FIELDS as readonly string[]).includes(head)
    ? (head as ContributionField)
    : 'text';
}

const MAX_BY_FIELD: Partial<Record<ContributionField, number>> = {
  pseudonym: CONTRIBUTION_LIMITS.pseudonym,
  authorName: CONTRIBUTION_LIMITS.authorName,
  authorContact: CONTRIBUTION_LIMITS.authorContact,
  cosigners: CONTRIBUTION_LIMITS.cosigner,
  title: CONTRIBUTION_LIMITS.title,
  text: CONTRIBUTION_LIMITS.text,
};

function messageOf(field: ContributionField, issue: ResultsInputIssue): string {
  switch (field) {
    case 'channel':
      return m.results_error_channel();
    case 'authorKind':
      return m.results_error_author_kind();
    case 'receivedAt':
      return m.results_error_received_at();
    case 'subjectId':
      return m.results_error_subject();
    case 'text':
      if (issue.code === 'too_small') return m.results_error_text_required();
      break;
    case 'cosigners':
      if (issue.code === 'too_big' && issue.path === 'cosigners') {
        return m.results_error_cosigners_count();
      }
      break;
    default:
      break;
  }
  const max = MAX_BY_FIELD[field];
  return max === undefined ? m.results_error_invalid() : m.results_error_too_long({ max });
}

/** Empty form values: today's date, a letter from a person (the most common hand entry). */
export function emptyContributionForm(today: string): ContributionFormValues {
  return {
    channel: 'letter',
    receivedAt: today,
    authorKind: 'person',
    pseudonym: '',
    authorName: '',
    authorContact: '',
    contactConsent: false,
    cosigners: '',
    subjectId: '',
    title: '',
    text: '',
  };
}

export { AUTHOR_KINDS, CONTRIBUTION_CHANNELS };

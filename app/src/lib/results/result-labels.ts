/** The words of the results vocabularies in the reader's language (storage keeps the codes). */
import type {
  AuthorKind,
  ContributionChannel,
  ContributionState,
  Decision,
  LinkKind,
} from '@prozesswerkstatt/storage';
import { m } from '$lib/paraglide/messages.js';

export const CHANNEL_LABELS: Record<ContributionChannel, () => string> = {
  platform: m.results_channel_platform,
  workshop: m.results_channel_workshop,
  letter: m.results_channel_letter,
  email: m.results_channel_email,
  survey: m.results_channel_survey,
  phone: m.results_channel_phone,
  other: m.results_channel_other,
};

export const AUTHOR_KIND_LABELS: Record<AuthorKind, () => string> = {
  person: m.results_author_person,
  organisation: m.results_author_organisation,
  public_body: m.results_author_public_body,
  anonymous: m.results_author_anonymous,
};

export const STATE_LABELS: Record<ContributionState, () => string> = {
  new: m.results_state_new,
  in_review: m.results_state_in_review,
  answered: m.results_state_answered,
  approved: m.results_state_approved,
  published: m.results_state_published,
};

export const DECISION_LABELS: Record<Decision, () => string> = {
  adopted: m.results_decision_adopted,
  partly_adopted: m.results_decision_partly_adopted,
  not_adopted: m.results_decision_not_adopted,
  noted: m.results_decision_noted,
  out_of_scope: m.results_decision_out_of_scope,
  duplicate_of: m.results_decision_duplicate_of,
};

/** A received date for the list: the calendar day, in the reader's language. */
export function dateFormat(locale: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'Europe/Berlin' });
}

export const LINK_KIND_LABELS: Record<LinkKind, () => string> = {
  phase: m.results_answer_link_phase,
  format: m.results_answer_link_format,
  open_question: m.results_answer_link_open_question,
  stakeholder: m.results_answer_link_stakeholder,
};

/** A phase or format a contribution can be about, as the subject pickers list it. */
export interface SubjectOption {
  id: string;
  kind: 'phase' | 'format';
  title: string;
  /** The phase a format belongs to (for a phase, its own title). */
  phaseTitle: string;
}

/** A subject picker's option text: a phase by its title, a format with its phase. */
export function subjectLabel(subject: SubjectOption): string {
  return subject.kind === 'phase'
    ? m.results_subject_phase({ title: subject.title })
    : m.results_subject_format({ title: subject.title, phase: subject.phaseTitle });
}

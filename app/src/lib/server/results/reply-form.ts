/**
 * The answer form of the item page and the cluster page: form fields to storage's `ReplyInput`,
 * with the rules people must be told about in their language before anything is written:
 * a reason for every decision but "adopted", a link only to an element the plan has, a measure of
 * the plan, and "duplicate of" naming the original by its receipt code.
 */
import {
  CONTRIBUTION_LIMITS,
  DECISIONS,
  LINK_KINDS,
  normalizeReceiptCode,
  reasonRequired,
  type Decision,
  type LinkKind,
} from '@prozesswerkstatt/storage';
import { m } from '../../paraglide/messages.js';
import { formText } from '../form-fields.js';
import { parseRowVersion } from './form-version.js';

export const REPLY_FIELDS = [
  'decision',
  'reason',
  'response',
  'link',
  'measureId',
  'duplicateOf',
] as const;
export type ReplyField = (typeof REPLY_FIELDS)[number];

/** What the person typed, sent back with errors so nothing is lost. */
export type ReplyFormValues = Record<ReplyField, string>;
export type ReplyFieldErrors = Partial<Record<ReplyField | 'version', string>>;

/** The answer as the storage API takes it (the duplicate still as a receipt code). */
export interface ReplyFormInput {
  decision: Decision | null;
  reason: string;
  response: string;
  linkKind: LinkKind | null;
  linkId: string | null;
  measureId: string | null;
  /** The normalized receipt code of the original, for "duplicate of"; null otherwise. */
  duplicateOfCode: string | null;
}

export type ParsedReplyForm =
  | { ok: true; input: ReplyFormInput; version: number | null; values: ReplyFormValues }
  | { ok: false; errors: ReplyFieldErrors; values: ReplyFormValues };

/** What the plan offers to link to: `kind:id` of its elements, and its measures' ids. */
export interface ReplyTargets {
  links: ReadonlySet<string>;
  measureIds: ReadonlySet<string>;
}

/** The value of a link option: the element's kind and id in one field. */
export function linkValue(kind: LinkKind, id: string): string {
  return `${kind}:${id}`;
}

export function readReplyForm(form: FormData): ReplyFormValues {
  return {
    decision: formText(form, 'decision'),
    reason: formText(form, 'reason'),
    response: formText(form, 'response'),
    link: formText(form, 'link'),
    measureId: formText(form, 'measureId'),
    duplicateOf: formText(form, 'duplicateOf'),
  };
}

/**
 * Validates the form. `version` is the hidden field with the version the person's page read:
 * empty means "there was no answer yet" when `emptyVersion` allows it (an item), and is refused
 * otherwise (a cluster always has a version).
 */
export function parseReplyForm(
  form: FormData,
  targets: ReplyTargets,
  emptyVersion: boolean,
): ParsedReplyForm {
  const values = readReplyForm(form);
  const errors: ReplyFieldErrors = {};
  const version = parseRowVersion(formText(form, 'version'), emptyVersion);
  if (version === undefined) errors.version = m.results_answer_error_version();

  let decision: Decision | null = null;
  if (values.decision !== '') {
    if ((DECISIONS as readonly string[]).includes(values.decision)) {
      decision = values.decision as Decision;
    } else {
      errors.decision = m.results_answer_error_decision();
    }
  }
  const reason = values.reason.trim();
  const response = values.response.trim();
  if (reason.length > CONTRIBUTION_LIMITS.reason) {
    errors.reason = m.results_error_too_long({ max: CONTRIBUTION_LIMITS.reason });
  } else if (decision !== null && reasonRequired(decision) && reason === '') {
    errors.reason = m.results_answer_error_reason_required();
  }
  if (response.length > CONTRIBUTION_LIMITS.response) {
    errors.response = m.results_error_too_long({ max: CONTRIBUTION_LIMITS.response });
  }

  let linkKind: LinkKind | null = null;
  let linkId: string | null = null;
  if (values.link !== '') {
    const split = values.link.indexOf(':');
    const kind = values.link.slice(0, split);
    if (
      split > 0 &&
      (LINK_KINDS as readonly string[]).includes(kind) &&
      targets.links.has(values.link)
    ) {
      linkKind = kind as LinkKind;
      linkId = values.link.slice(split + 1);
    } else {
      errors.link = m.results_answer_error_link();
    }
  }
  const measureId = values.measureId === '' ? null : values.measureId;
  if (measureId !== null && !targets.measureIds.has(measureId)) {
    errors.measureId = m.results_answer_error_measure();
  }

  let duplicateOfCode: string | null = null;
  if (decision === 'duplicate_of') {
    duplicateOfCode = normalizeReceiptCode(values.duplicateOf);
    if (duplicateOfCode === null) errors.duplicateOf = m.results_answer_error_duplicate_code();
  }

  if (Object.keys(errors).length > 0 || version === undefined) {
    return { ok: false, errors, values };
  }
  return {
    ok: true,
    version,
    values,
    input: { decision, reason, response, linkKind, linkId, measureId, duplicateOfCode },
  };
}

/** The form's values for an existing answer (or an empty form). */
export function replyFormValues(
  reply: {
    decision: Decision | null;
    reason: string;
    response: string;
    linkKind: LinkKind | null;
    linkId: string | null;
    measureId: string | null;
  } | null,
  duplicateOfCode: string | null,
): ReplyFormValues {
  return {
    decision: reply?.decision ?? '',
    reason: reply?.reason ?? '',
    response: reply?.response ?? '',
    link: reply?.linkKind && reply.linkId ? linkValue(reply.linkKind, reply.linkId) : '',
    measureId: reply?.measureId ?? '',
    duplicateOf: duplicateOfCode ?? '',
  };
}

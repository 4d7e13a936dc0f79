/**
 * The edit form of one contribution (`results/[cid]/edit`): the entry form's fields plus the
 * source system and reference, checked with the same rules (`parseContributionForm`), turned into
 * a patch of only what the person changed, with the version they started from. Storage refuses
 * the patch when the row moved on meanwhile; `conflictFields` then names what differs.
 */
import {
  CONTRIBUTION_LIMITS,
  type Contribution,
  type ContributionPatch,
} from '@prozesswerkstatt/storage';
import { m } from '../../paraglide/messages.js';
import { formText } from '../form-fields.js';
import { parseRowVersion } from './form-version.js';
import type { EditField, EditFormValues } from '../../results/contribution-fields.js';
import { parseContributionForm } from './contribution-form.js';

export type EditFieldErrors = Partial<Record<EditField, string>>;

export type ParsedEditForm =
  | { ok: true; patch: ContributionPatch; expectedVersion: number; values: EditFormValues }
  | { ok: false; errors: EditFieldErrors; values: EditFormValues };

/** The form values of a stored contribution (the date as the calendar day it was received, UTC). */
export function editFormValues(current: Contribution): EditFormValues {
  return {
    channel: current.channel,
    sourceSystem: current.sourceSystem,
    sourceRef: current.sourceRef ?? '',
    receivedAt: current.receivedAt.slice(0, 10),
    authorKind: current.authorKind,
    pseudonym: current.pseudonym,
    authorName: current.authorName ?? '',
    authorContact: current.authorContact ?? '',
    contactConsent: current.contactConsent,
    cosigners: current.cosigners.join('\n'),
    subjectId: current.subjectId ?? '',
    title: current.title,
    text: current.text,
  };
}

/** The version the form was loaded at; NaN when missing or bad (ten digits pass no integer column). */
export function expectedVersionOf(form: FormData): number {
  return parseRowVersion(formText(form, 'version'), false) ?? Number.NaN;
}

/**
 * Validates the edit form against `current` (the row as stored now) and builds the patch of the
 * changed fields only, so an unchanged date keeps its time of day and unnamed co-signers keep
 * being counted. `version` missing or damaged is refused (a save without one could overwrite).
 */
export function parseContributionEditForm(
  form: FormData,
  current: Contribution,
  subjectIds: ReadonlySet<string>,
  today: string,
): ParsedEditForm {
  const parsed = parseContributionForm(form, subjectIds, today);
  const values: EditFormValues = {
    ...parsed.values,
    sourceSystem: formText(form, 'sourceSystem').trim(),
    sourceRef: formText(form, 'sourceRef').trim(),
  };
  const errors: EditFieldErrors = parsed.ok ? {} : { ...parsed.errors };
  // The entry form stamps 'manual'; here the system is a field, as an imported item names its own.
  if (values.sourceSystem === '') errors.sourceSystem = m.results_sort_error_source_required();
  else if (values.sourceSystem.length > CONTRIBUTION_LIMITS.sourceSystem) {
    errors.sourceSystem = m.results_error_too_long({ max: CONTRIBUTION_LIMITS.sourceSystem });
  }
  if (values.sourceRef.length > CONTRIBUTION_LIMITS.sourceRef) {
    errors.sourceRef = m.results_error_too_long({ max: CONTRIBUTION_LIMITS.sourceRef });
  }
  const expectedVersion = expectedVersionOf(form);
  if (Object.keys(errors).length > 0 || !parsed.ok) return { ok: false, errors, values };
  if (Number.isNaN(expectedVersion)) {
    return { ok: false, errors: { text: m.results_sort_error_version() }, values };
  }
  return {
    ok: true,
    patch: patchOf(values, parsed.input.cosigners ?? [], current),
    expectedVersion,
    values,
  };
}

/** Only what differs from `current`. */
function patchOf(
  values: EditFormValues,
  cosigners: string[],
  current: Contribution,
): ContributionPatch {
  const before = editFormValues(current);
  const patch: ContributionPatch = {};
  if (values.channel !== before.channel) patch.channel = values.channel as Contribution['channel'];
  if (values.sourceSystem !== before.sourceSystem) patch.sourceSystem = values.sourceSystem;
  if (values.sourceRef !== before.sourceRef) patch.sourceRef = values.sourceRef || null;
  if (values.receivedAt !== before.receivedAt) patch.receivedAt = values.receivedAt;
  if (values.authorKind !== before.authorKind) {
    patch.authorKind = values.authorKind as Contribution['authorKind'];
  }
  if (values.pseudonym.trim() !== before.pseudonym) patch.pseudonym = values.pseudonym.trim();
  if (values.authorName.trim() !== before.authorName) patch.authorName = values.authorName.trim();
  if (values.authorContact.trim() !== before.authorContact) {
    patch.authorContact = values.authorContact.trim();
  }
  if (values.contactConsent !== before.contactConsent) {
    patch.contactConsent = values.contactConsent;
  }
  if (cosigners.join('\n') !== before.cosigners) {
    // Co-signers counted without names (an import's count) stay counted beside the named ones.
    const unnamed = Math.max(current.cosignerCount - current.cosigners.length, 0);
    patch.cosigners = cosigners;
    patch.cosignerCount = unnamed + cosigners.length;
  }
  if (values.subjectId !== before.subjectId) patch.subjectId = values.subjectId || null;
  if (values.title.trim() !== before.title) patch.title = values.title.trim();
  if (values.text.trim() !== before.text.trim()) patch.text = values.text.trim();
  return patch;
}

/**
 * The fields where what the person submitted differs from the row as it is now (after someone
 * else's save): what the conflict message lists with the current values.
 */
export function conflictFields(submitted: EditFormValues, current: Contribution): EditField[] {
  const now = editFormValues(current);
  return (Object.keys(now) as EditField[]).filter((field) => {
    const mine = submitted[field];
    const theirs = now[field];
    return typeof mine === 'string' && typeof theirs === 'string'
      ? mine.trim() !== theirs.trim()
      : mine !== theirs;
  });
}

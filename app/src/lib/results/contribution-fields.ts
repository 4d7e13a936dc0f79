/**
 * The fields of a contribution's form, shared by the server's form parsers and the entry and edit
 * forms in the browser: the order is the one the forms show, so a refused save focuses the first
 * bad field on screen.
 */

/** The entry form's fields (a hand entry's source system is always `manual`). */
export const CONTRIBUTION_FIELDS = [
  'channel',
  'receivedAt',
  'authorKind',
  'pseudonym',
  'authorName',
  'authorContact',
  'contactConsent',
  'cosigners',
  'subjectId',
  'title',
  'text',
] as const;
export type ContributionField = (typeof CONTRIBUTION_FIELDS)[number];

/** The edit form's fields beyond the entry form's. */
export type EditField = ContributionField | 'sourceSystem' | 'sourceRef';

/** The edit form shows the source system and reference right after the channel. */
export const EDIT_FIELDS: readonly EditField[] = [
  'channel',
  'sourceSystem',
  'sourceRef',
  ...CONTRIBUTION_FIELDS.slice(1),
];

/** What the person typed, sent back with errors so nothing is lost. */
export type ContributionFormValues = Record<
  Exclude<ContributionField, 'contactConsent'>,
  string
> & {
  contactConsent: boolean;
};

export type EditFormValues = ContributionFormValues & { sourceSystem: string; sourceRef: string };

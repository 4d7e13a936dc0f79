import { z } from 'zod';
import { AUTHOR_KINDS, CONTRIBUTION_CHANNELS, DECISIONS } from '../schema/results-values.js';

/**
 * The row every importer and the manual entry form hand to storage: one contribution, normalized.
 * The zod schema is exported so an importer can validate each row with the same rules (and report
 * the row's line with the path) before anything is written.
 */

/** Length limits in characters. */
export const CONTRIBUTION_LIMITS = {
  sourceSystem: 100,
  sourceRef: 500,
  sourceUrl: 2000,
  pseudonym: 200,
  authorName: 500,
  authorContact: 1000,
  cosigner: 500,
  cosigners: 10_000,
  subjectId: 100,
  title: 1000,
  text: 100_000,
  reason: 20_000,
  response: 20_000,
} as const;

/** `YYYY-MM-DD` or an ISO-8601 date-time with zone (`…Z` or `…+01:00`). */
const receivedAtSchema = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

const trimmed = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) => trimmed(max).nullish();

/** An answer that came with the row (a platform's status and feedback), stored as its reply. */
export const importedReplySchema = z.strictObject({
  decision: z.enum(DECISIONS).nullish(),
  reason: trimmed(CONTRIBUTION_LIMITS.reason).optional(),
  response: trimmed(CONTRIBUTION_LIMITS.response).optional(),
});

/** Zod schema of {@link NewContribution}. */
export const newContributionSchema = z.strictObject({
  channel: z.enum(CONTRIBUTION_CHANNELS),
  /** Where it came from: 'manual', 'mein.berlin', 'decidim', 'generic', … */
  sourceSystem: trimmed(CONTRIBUTION_LIMITS.sourceSystem).min(1),
  /** Its id there; with `sourceSystem` unique per plan, so a re-import finds it. */
  sourceRef: optionalText(CONTRIBUTION_LIMITS.sourceRef),
  sourceUrl: optionalText(CONTRIBUTION_LIMITS.sourceUrl),
  /** Source fields without a column (category, labels, ratings, comment count, status, …). */
  sourceData: z
    .record(
      z.string().max(200),
      z.union([z.string().max(10_000), z.number(), z.boolean(), z.null()]),
    )
    .nullish(),
  receivedAt: receivedAtSchema,
  authorKind: z.enum(AUTHOR_KINDS),
  /** What public pages call the author; never the name. */
  pseudonym: trimmed(CONTRIBUTION_LIMITS.pseudonym).optional(),
  authorName: optionalText(CONTRIBUTION_LIMITS.authorName),
  authorContact: optionalText(CONTRIBUTION_LIMITS.authorContact),
  contactConsent: z.boolean().optional(),
  cosigners: z.array(trimmed(CONTRIBUTION_LIMITS.cosigner).min(1)).max(10_000).optional(),
  /** Co-signers counted without names (at least the length of `cosigners`). */
  cosignerCount: z.number().int().min(0).max(10_000_000).optional(),
  /** The phase or format of the plan it answers. */
  subjectId: optionalText(CONTRIBUTION_LIMITS.subjectId),
  title: trimmed(CONTRIBUTION_LIMITS.title).optional(),
  text: z.string().trim().min(1).max(CONTRIBUTION_LIMITS.text),
  reply: importedReplySchema.optional(),
});

/** One normalized contribution as written by `insertContributions` / `createContribution`. */
export type NewContribution = z.input<typeof newContributionSchema>;
/** A {@link NewContribution} after validation (trimmed). */
export type ValidNewContribution = z.output<typeof newContributionSchema>;

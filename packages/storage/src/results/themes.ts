import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { emit, nowOf, type ActorId, type Executor, type ResultsContext } from './context.js';
import { ResultsInputError, ResultsNotFoundError } from './errors.js';
import { issuesOf } from './rows.js';

/** A node of a plan's theme tree. */
export interface Theme {
  id: string;
  parentId: string | null;
  label: string;
}

/** A theme on a contribution. */
export interface ContributionTheme {
  contributionId: string;
  themeId: string;
  /** True while only suggested by the local method; false once tagged or accepted by a person. */
  suggested: boolean;
  explanation: string | null;
  acceptedBy: string | null;
  acceptedAt: string | null;
}

const labelSchema = z.string().trim().min(1).max(200);

export async function createTheme(
  ctx: ResultsContext,
  planId: string,
  input: { label: string; parentId?: string | null },
  actor: ActorId | null,
): Promise<Theme> {
  const label = parseLabel(input.label);
  const parentId = input.parentId ?? null;
  if (parentId !== null) await themeMustExist(ctx.db, planId, parentId);
  const theme = { id: randomUUID(), parentId, label };
  await ctx.db
    .insertInto('result_themes')
    .values({
      id: theme.id,
      plan_id: planId,
      parent_id: parentId,
      label,
      created_by: actor,
      created_at: nowOf(ctx),
    })
    .execute();
  emit(ctx, { planId, kind: 'theme', reason: 'created', ids: [theme.id], actorId: actor });
  return theme;
}

/** Renames a theme or moves it under another (never under itself or its own descendants). */
export async function updateTheme(
  ctx: ResultsContext,
  planId: string,
  id: string,
  patch: { label?: string; parentId?: string | null },
  actor: ActorId,
): Promise<Theme> {
  const themes = await listThemes(ctx.db, planId);
  const theme = themes.find((t) => t.id === id);
  if (!theme) throw new ResultsNotFoundError('theme', id);
  const label = patch.label === undefined ? theme.label : parseLabel(patch.label);
  const parentId = patch.parentId === undefined ? theme.parentId : patch.parentId;
  if (parentId !== null) {
    if (!themes.some((t) => t.id === parentId)) throw new ResultsNotFoundError('theme', parentId);
    for (
      let at: string | null = parentId;
      at !== null;
      at = themes.find((t) => t.id === at)?.parentId ?? null
    ) {
      if (at === id) {
        throw new ResultsInputError([
          { path: 'parentId', code: 'cycle', message: 'a theme cannot sit under itself' },
        ]);
      }
    }
  }
  await ctx.db
    .updateTable('result_themes')
    .set({ label, parent_id: parentId })
    .where('plan_id', '=', planId)
    .where('id', '=', id)
    .execute();
  emit(ctx, { planId, kind: 'theme', reason: 'updated', ids: [id], actorId: actor });
  return { id, parentId, label };
}

/** Deletes a theme, its sub-themes and their tags. */
export async function deleteTheme(
  ctx: ResultsContext,
  planId: string,
  id: string,
  actor: ActorId,
): Promise<boolean> {
  const result = await ctx.db
    .deleteFrom('result_themes')
    .where('plan_id', '=', planId)
    .where('id', '=', id)
    .executeTakeFirst();
  const deleted = Number(result.numDeletedRows) > 0;
  if (deleted) emit(ctx, { planId, kind: 'theme', reason: 'deleted', ids: [id], actorId: actor });
  return deleted;
}

/** The plan's themes, by label. */
export async function listThemes(db: Executor, planId: string): Promise<Theme[]> {
  const rows = await db
    .selectFrom('result_themes')
    .select(['id', 'parent_id', 'label'])
    .where('plan_id', '=', planId)
    .orderBy('label')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({ id: row.id, parentId: row.parent_id, label: row.label }));
}

/** Tags a contribution by hand (or accepts a suggestion of the same theme). */
export async function tagContribution(
  ctx: ResultsContext,
  planId: string,
  contributionId: string,
  themeId: string,
  actor: ActorId,
): Promise<void> {
  await bothExist(ctx.db, planId, contributionId, themeId);
  const now = nowOf(ctx);
  await ctx.db
    .insertInto('contribution_themes')
    .values({
      contribution_id: contributionId,
      theme_id: themeId,
      suggested: 0,
      created_by: actor,
      created_at: now,
      accepted_by: actor,
      accepted_at: now,
    })
    .onConflict((oc) =>
      oc
        .columns(['contribution_id', 'theme_id'])
        .doUpdateSet({ suggested: 0, accepted_by: actor, accepted_at: now })
        .where('contribution_themes.suggested', '=', 1),
    )
    .execute();
  emit(ctx, { planId, kind: 'theme', reason: 'updated', ids: [contributionId], actorId: actor });
}

/** A theme suggested for a contribution by the local method, with its reason. */
export interface ThemeSuggestion {
  contributionId: string;
  themeId: string;
  explanation: string;
}

/**
 * Stores suggestions (marked as suggested until a person accepts them). A theme already on the
 * contribution, suggested or accepted, is left as it is. Returns how many were added.
 */
export async function addThemeSuggestions(
  ctx: ResultsContext,
  planId: string,
  suggestions: readonly ThemeSuggestion[],
): Promise<number> {
  if (suggestions.length === 0) return 0;
  const now = nowOf(ctx);
  const added = await ctx.db.transaction().execute(async (trx) => {
    const contributionIds = [...new Set(suggestions.map((s) => s.contributionId))];
    const themeIds = [...new Set(suggestions.map((s) => s.themeId))];
    const known = new Set<string>();
    for (let start = 0; start < contributionIds.length; start += 1000) {
      const rows = await trx
        .selectFrom('contributions')
        .select('id')
        .where('plan_id', '=', planId)
        .where('id', 'in', contributionIds.slice(start, start + 1000))
        .execute();
      for (const row of rows) known.add(row.id);
    }
    const themes = await trx
      .selectFrom('result_themes')
      .select('id')
      .where('plan_id', '=', planId)
      .where('id', 'in', themeIds)
      .execute();
    for (const theme of themes) known.add(theme.id);
    const bad = suggestions.find((s) => !known.has(s.contributionId) || !known.has(s.themeId));
    if (bad) {
      throw new ResultsInputError([
        { path: 'themeId', code: 'not_found', message: 'contribution or theme not in this plan' },
      ]);
    }
    let count = 0;
    for (let start = 0; start < suggestions.length; start += 500) {
      const result = await trx
        .insertInto('contribution_themes')
        .values(
          suggestions.slice(start, start + 500).map((s) => ({
            contribution_id: s.contributionId,
            theme_id: s.themeId,
            suggested: 1 as const,
            explanation: s.explanation.slice(0, 2000),
            created_at: now,
          })),
        )
        .onConflict((oc) => oc.columns(['contribution_id', 'theme_id']).doNothing())
        .executeTakeFirst();
      count += Number(result.numInsertedOrUpdatedRows ?? 0);
    }
    return count;
  });
  emit(ctx, { planId, kind: 'theme', reason: 'updated', ids: [], actorId: null });
  return added;
}

/** Accepts a suggestion, recording who accepted it; false when there was none to accept. */
export async function acceptThemeSuggestion(
  ctx: ResultsContext,
  planId: string,
  contributionId: string,
  themeId: string,
  actor: ActorId,
): Promise<boolean> {
  await bothExist(ctx.db, planId, contributionId, themeId);
  const result = await ctx.db
    .updateTable('contribution_themes')
    .set({ suggested: 0, accepted_by: actor, accepted_at: nowOf(ctx) })
    .where('contribution_id', '=', contributionId)
    .where('theme_id', '=', themeId)
    .where('suggested', '=', 1)
    .executeTakeFirst();
  const accepted = Number(result.numUpdatedRows) > 0;
  if (accepted) {
    emit(ctx, { planId, kind: 'theme', reason: 'updated', ids: [contributionId], actorId: actor });
  }
  return accepted;
}

/** Removes a theme from a contribution (a tag, or a rejected suggestion). */
export async function untagContribution(
  ctx: ResultsContext,
  planId: string,
  contributionId: string,
  themeId: string,
  actor: ActorId,
): Promise<boolean> {
  await bothExist(ctx.db, planId, contributionId, themeId);
  const result = await ctx.db
    .deleteFrom('contribution_themes')
    .where('contribution_id', '=', contributionId)
    .where('theme_id', '=', themeId)
    .executeTakeFirst();
  const removed = Number(result.numDeletedRows) > 0;
  if (removed) {
    emit(ctx, { planId, kind: 'theme', reason: 'updated', ids: [contributionId], actorId: actor });
  }
  return removed;
}

/** The themes on the given contributions of the plan (all of the plan's when `ids` is omitted). */
export async function listContributionThemes(
  db: Executor,
  planId: string,
  ids?: readonly string[],
): Promise<ContributionTheme[]> {
  if (ids !== undefined && ids.length === 0) return [];
  let query = db
    .selectFrom('contribution_themes')
    .innerJoin('contributions', 'contributions.id', 'contribution_themes.contribution_id')
    .select([
      'contribution_themes.contribution_id',
      'contribution_themes.theme_id',
      'contribution_themes.suggested',
      'contribution_themes.explanation',
      'contribution_themes.accepted_by',
      'contribution_themes.accepted_at',
    ])
    .where('contributions.plan_id', '=', planId);
  if (ids !== undefined) query = query.where('contribution_themes.contribution_id', 'in', [...ids]);
  const rows = await query
    .orderBy('contribution_themes.contribution_id')
    .orderBy('contribution_themes.theme_id')
    .execute();
  return rows.map((row) => ({
    contributionId: row.contribution_id,
    themeId: row.theme_id,
    suggested: row.suggested === 1,
    explanation: row.explanation,
    acceptedBy: row.accepted_by,
    acceptedAt: row.accepted_at,
  }));
}

function parseLabel(label: string): string {
  const parsed = labelSchema.safeParse(label);
  if (!parsed.success) {
    throw new ResultsInputError(issuesOf(parsed.error).map((i) => ({ ...i, path: 'label' })));
  }
  return parsed.data;
}

async function themeMustExist(db: Executor, planId: string, id: string): Promise<void> {
  const row = await db
    .selectFrom('result_themes')
    .select('id')
    .where('plan_id', '=', planId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new ResultsNotFoundError('theme', id);
}

async function bothExist(
  db: Executor,
  planId: string,
  contributionId: string,
  themeId: string,
): Promise<void> {
  await themeMustExist(db, planId, themeId);
  const row = await db
    .selectFrom('contributions')
    .select('id')
    .where('plan_id', '=', planId)
    .where('id', '=', contributionId)
    .executeTakeFirst();
  if (!row) throw new ResultsNotFoundError('contribution', contributionId);
}

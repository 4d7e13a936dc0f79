import { createHash } from 'node:crypto';
import {
  changedMethodFields,
  METHOD_FIELDS,
  type Method,
  type MethodContent,
} from '@prozesswerkstatt/method-library';
import {
  insertRevision,
  nextRevision,
  validMethodContent,
  type MethodsContext,
} from './methods.js';

/** What one seeding did. */
export interface SeedResult {
  /** Seed methods the library did not have yet. */
  added: string[];
  /** Methods nobody had edited whose seed text changed: updated to the new text. */
  updated: string[];
  /** Methods a person edited whose seed text changed: kept as the person left them. */
  keptEdited: string[];
}

/** A hash of content that does not depend on key order. */
export function contentHash(content: MethodContent): string {
  const ordered = METHOD_FIELDS.map((field) => [field, sortKeys(content[field])]);
  return createHash('sha256').update(JSON.stringify(ordered)).digest('hex');
}

function sortKeys(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(
    Object.entries(value)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, inner]) => [key, sortKeys(inner)]),
  );
}

/**
 * Brings the library up to the seed data, safe to run on every start and from several processes:
 * adds seed methods it does not have, updates seed methods nobody edited when their seed text
 * changed, and never touches a method a facilitator edited (nor any written by the network). One
 * read when nothing changed.
 */
export async function seedMethods(
  ctx: MethodsContext,
  seeds: readonly Method[],
): Promise<SeedResult> {
  const result: SeedResult = { added: [], updated: [], keptEdited: [] };
  const existing = new Map(
    (
      await ctx.db
        .selectFrom('methods')
        .select(['id', 'seed_hash', 'edited', 'row_version', 'content'])
        .execute()
    ).map((row) => [row.id, row]),
  );
  for (const { id, ...input } of seeds) {
    const content = validMethodContent(input);
    const hash = contentHash(content);
    const row = existing.get(id);
    if (!row) {
      if (await addSeedMethod(ctx, id, content, hash)) result.added.push(id);
    } else if (row.seed_hash !== hash) {
      if (row.edited === 1) result.keptEdited.push(id);
      else if (await updateSeedMethod(ctx, id, row, content, hash)) result.updated.push(id);
    }
  }
  return result;
}

/** Inserts a seed method with its first revision; false when another process was first. */
async function addSeedMethod(
  ctx: MethodsContext,
  id: string,
  content: MethodContent,
  hash: string,
): Promise<boolean> {
  const at = ctx.now ? ctx.now() : new Date().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('methods')
      .values({
        id,
        content: JSON.stringify(content),
        origin: 'seed',
        seed_hash: hash,
        edited: 0,
        created_at: at,
        updated_at: at,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) !== 1) return false;
    await insertRevision(trx, {
      methodId: id,
      revision: 1,
      kind: 'created',
      content,
      changedFields: [],
      authorId: null,
      at,
    });
    return true;
  });
}

/**
 * Writes a newer seed text over a method nobody edited, guarded by its row version (a person's
 * edit in between wins); false when the guard failed.
 */
async function updateSeedMethod(
  ctx: MethodsContext,
  id: string,
  row: { row_version: number; content: string },
  content: MethodContent,
  hash: string,
): Promise<boolean> {
  const at = ctx.now ? ctx.now() : new Date().toISOString();
  const changed = changedMethodFields(JSON.parse(row.content) as MethodContent, content);
  return ctx.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('methods')
      .set({
        content: JSON.stringify(content),
        seed_hash: hash,
        row_version: row.row_version + 1,
        updated_by: null,
        updated_at: at,
      })
      .where('id', '=', id)
      .where('row_version', '=', row.row_version)
      .where('edited', '=', 0)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) return false;
    if (changed.length > 0) {
      await insertRevision(trx, {
        methodId: id,
        revision: await nextRevision(trx, id),
        kind: 'seed-update',
        content,
        changedFields: changed,
        authorId: null,
        at,
      });
    }
    return true;
  });
}

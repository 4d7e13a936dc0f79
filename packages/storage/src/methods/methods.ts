import {
  changedMethodFields,
  methodContentSchema,
  methodIdSchema,
  type MethodContent,
  type MethodField,
} from '@prozesswerkstatt/method-library';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema/database.js';
import type { MethodOrigin, MethodRevisionKind } from '../schema/methods-tables.js';
import { MethodConflictError, MethodInputError, MethodNotFoundError } from './errors.js';

/** A connection or an open transaction. */
export type MethodExecutor = Kysely<Database> | Transaction<Database>;

/** What the method functions work with. */
export interface MethodsContext {
  readonly db: Kysely<Database>;
  /** The current time as ISO-8601 (tests fix it). */
  readonly now?: () => string;
}

/** A method as the library pages show it. */
export interface MethodRecord {
  id: string;
  content: MethodContent;
  origin: MethodOrigin;
  /** True once a person changed it (re-seeding leaves it alone). */
  edited: boolean;
  rowVersion: number;
  createdAt: string;
  updatedAt: string;
  /** Who changed it last; null for the seed or a deleted account. */
  updatedBy: { id: string; name: string } | null;
}

/** One entry of a method's history. */
export interface MethodRevision {
  revision: number;
  kind: MethodRevisionKind;
  content: MethodContent;
  changedFields: MethodField[];
  /** Null for the seed, or when the account was deleted. */
  author: { id: string; name: string } | null;
  createdAt: string;
}

function nowOf(ctx: MethodsContext): string {
  return ctx.now ? ctx.now() : new Date().toISOString();
}

/** Content stored by this module, which validated it before writing. */
function parseContent(json: string): MethodContent {
  return JSON.parse(json) as MethodContent;
}

const SCHEMA_CODES = new Set(['required', 'too_long', 'min_above_max']);

/** The content as validated and normalised by the schema, or a {@link MethodInputError}. */
export function validMethodContent(input: unknown): MethodContent {
  const parsed = methodContentSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new MethodInputError(
    parsed.error.issues.map((issue) => ({
      path: issue.path.join('.'),
      // The schema's own codes ('required', 'too_long', 'min_above_max'), else zod's code.
      code: SCHEMA_CODES.has(issue.message) ? issue.message : issue.code,
    })),
  );
}

function methodsQuery(db: MethodExecutor) {
  return db
    .selectFrom('methods')
    .leftJoin('users', 'users.id', 'methods.updated_by')
    .select([
      'methods.id',
      'methods.content',
      'methods.origin',
      'methods.edited',
      'methods.row_version',
      'methods.created_at',
      'methods.updated_at',
      'methods.updated_by',
      'users.name as updated_by_name',
    ]);
}

type MethodRow = Awaited<ReturnType<ReturnType<typeof methodsQuery>['executeTakeFirstOrThrow']>>;

function toRecord(row: MethodRow): MethodRecord {
  return {
    id: row.id,
    content: parseContent(row.content),
    origin: row.origin,
    edited: row.edited === 1,
    rowVersion: row.row_version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    updatedBy:
      row.updated_by !== null && row.updated_by_name !== null
        ? { id: row.updated_by, name: row.updated_by_name }
        : null,
  };
}

/** Every method of the library, by id (the pages sort by name in their language). */
export async function listMethods(db: MethodExecutor): Promise<MethodRecord[]> {
  const rows = await methodsQuery(db).orderBy('methods.id').execute();
  return rows.map(toRecord);
}

/** One method, or null. */
export async function getMethod(db: MethodExecutor, id: string): Promise<MethodRecord | null> {
  const row = await methodsQuery(db).where('methods.id', '=', id).executeTakeFirst();
  return row ? toRecord(row) : null;
}

/** The history of a method, newest first. */
export async function listMethodRevisions(
  db: MethodExecutor,
  id: string,
): Promise<MethodRevision[]> {
  const rows = await db
    .selectFrom('method_revisions')
    .leftJoin('users', 'users.id', 'method_revisions.author_id')
    .select([
      'method_revisions.revision',
      'method_revisions.kind',
      'method_revisions.content',
      'method_revisions.changed_fields',
      'method_revisions.author_id',
      'method_revisions.created_at',
      'users.name as author_name',
    ])
    .where('method_revisions.method_id', '=', id)
    .orderBy('method_revisions.revision', 'desc')
    .execute();
  return rows.map((row) => ({
    revision: row.revision,
    kind: row.kind,
    content: parseContent(row.content),
    changedFields: JSON.parse(row.changed_fields) as MethodField[],
    author:
      row.author_id !== null && row.author_name !== null
        ? { id: row.author_id, name: row.author_name }
        : null,
    createdAt: row.created_at,
  }));
}

/** The number the next revision of method `id` gets. */
export async function nextRevision(db: MethodExecutor, id: string): Promise<number> {
  const last = await db
    .selectFrom('method_revisions')
    .select((eb) => eb.fn.max('revision').as('revision'))
    .where('method_id', '=', id)
    .executeTakeFirst();
  return Number(last?.revision ?? 0) + 1;
}

/** Inserts a revision row. */
export async function insertRevision(
  db: MethodExecutor,
  revision: {
    methodId: string;
    revision: number;
    kind: MethodRevisionKind;
    content: MethodContent;
    changedFields: readonly MethodField[];
    authorId: string | null;
    at: string;
  },
): Promise<void> {
  await db
    .insertInto('method_revisions')
    .values({
      method_id: revision.methodId,
      revision: revision.revision,
      kind: revision.kind,
      content: JSON.stringify(revision.content),
      changed_fields: JSON.stringify(revision.changedFields),
      author_id: revision.authorId,
      created_at: revision.at,
    })
    .execute();
}

/** Longest stem of a generated id, so a suffix still fits the id's 64 characters. */
const ID_STEM_LENGTH = 48;

/** A readable id from a German name: "Bürgerrat für Kinder" → "buergerrat-fuer-kinder". */
export function methodIdFromName(name: string): string {
  const stem = name
    .toLocaleLowerCase('de')
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, ID_STEM_LENGTH)
    .replace(/^-+|-+$/g, '');
  return stem.length >= 2 ? stem : 'methode';
}

/** Ids that are path segments of the app's library pages (`/methods/new`), never a method's. */
const RESERVED_IDS = ['new', 'edit'];

/** `stem`, or `stem-2`, `stem-3`, … — the first id no method has. */
async function freeId(db: MethodExecutor, stem: string): Promise<string> {
  const taken = new Set(
    (
      await db
        .selectFrom('methods')
        .select('id')
        .where((eb) => eb.or([eb('id', '=', stem), eb('id', 'like', `${stem}-%`)]))
        .execute()
    ).map((row) => row.id),
  );
  for (const reserved of RESERVED_IDS) taken.add(reserved);
  if (!taken.has(stem)) return stem;
  for (let suffix = 2; ; suffix += 1) {
    const id = `${stem}-${suffix}`;
    if (!taken.has(id)) return id;
  }
}

/**
 * Adds a method written by a facilitator of the network (the caller checks the role). Its id is
 * made from the German name; returns the stored method.
 */
export async function createMethod(
  ctx: MethodsContext,
  actorId: string,
  input: unknown,
): Promise<MethodRecord> {
  const content = validMethodContent(input);
  const at = nowOf(ctx);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const methodId = methodIdSchema.parse(await freeId(trx, methodIdFromName(content.name.de)));
    await trx
      .insertInto('methods')
      .values({
        id: methodId,
        content: JSON.stringify(content),
        origin: 'network',
        edited: 1,
        created_by: actorId,
        created_at: at,
        updated_by: actorId,
        updated_at: at,
      })
      .execute();
    await insertRevision(trx, {
      methodId,
      revision: 1,
      kind: 'created',
      content,
      changedFields: [],
      authorId: actorId,
      at,
    });
    return methodId;
  });
  const created = await getMethod(ctx.db, id);
  if (!created) throw new MethodNotFoundError(id);
  return created;
}

/** The result of {@link updateMethod}. */
export interface MethodUpdate {
  method: MethodRecord;
  /** The fields this edit changed; empty when the input equalled the stored method. */
  changedFields: MethodField[];
}

/**
 * Replaces a method's content with `input`, if the method is still at `expectedVersion` (else
 * {@link MethodConflictError}), and records a revision naming the changed fields. An input equal
 * to the stored content writes nothing. An edited seed method is never overwritten by seeding.
 */
export async function updateMethod(
  ctx: MethodsContext,
  actorId: string,
  id: string,
  expectedVersion: number,
  input: unknown,
): Promise<MethodUpdate> {
  const content = validMethodContent(input);
  const at = nowOf(ctx);
  const changedFields = await ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('methods')
      .select(['content', 'row_version'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw new MethodNotFoundError(id);
    if (row.row_version !== expectedVersion) throw new MethodConflictError(id, row.row_version);
    const changed = changedMethodFields(parseContent(row.content), content);
    if (changed.length === 0) return changed;
    const updated = await trx
      .updateTable('methods')
      .set({
        content: JSON.stringify(content),
        edited: 1,
        row_version: expectedVersion + 1,
        updated_by: actorId,
        updated_at: at,
      })
      .where('id', '=', id)
      .where('row_version', '=', expectedVersion)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) {
      throw new MethodConflictError(id, expectedVersion + 1);
    }
    await insertRevision(trx, {
      methodId: id,
      revision: await nextRevision(trx, id),
      kind: 'edited',
      content,
      changedFields: changed,
      authorId: actorId,
      at,
    });
    return changed;
  });
  const method = await getMethod(ctx.db, id);
  if (!method) throw new MethodNotFoundError(id);
  return { method, changedFields };
}

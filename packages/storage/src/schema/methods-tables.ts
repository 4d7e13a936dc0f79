import type { ColumnType } from 'kysely';
import type { Flag, Timestamp } from './database.js';

/** Where a method came from: the seed data package, or a facilitator of the network. */
export const METHOD_ORIGINS = ['seed', 'network'] as const;
/** One of {@link METHOD_ORIGINS}. */
export type MethodOrigin = (typeof METHOD_ORIGINS)[number];

/** What a revision did: created the method, a person's edit, or a newer seed text. */
export const METHOD_REVISION_KINDS = ['created', 'edited', 'seed-update'] as const;
/** One of {@link METHOD_REVISION_KINDS}. */
export type MethodRevisionKind = (typeof METHOD_REVISION_KINDS)[number];

/** A nullable column that may be left out on insert (then null). */
type Optional<T> = ColumnType<T | null, T | null | undefined, T | null>;
/** A column with a database default that may be left out on insert. */
type Defaulted<T> = ColumnType<T, T | undefined, T>;

/** One method of the library (storage-0011, `methods-migration.ts`). */
export interface MethodsTable {
  id: string;
  /** JSON of a `MethodContent`. */
  content: string;
  origin: MethodOrigin;
  seed_hash: Optional<string>;
  /** 1 once a person changed it: seeding never overwrites it again. */
  edited: Flag;
  row_version: Defaulted<number>;
  created_by: Optional<string>;
  created_at: Timestamp;
  updated_by: Optional<string>;
  updated_at: Timestamp;
}

/** One change of a method. */
export interface MethodRevisionsTable {
  method_id: string;
  revision: number;
  kind: MethodRevisionKind;
  /** JSON of the `MethodContent` after the change. */
  content: string;
  /** JSON array of `MethodField` names. */
  changed_fields: string;
  author_id: Optional<string>;
  created_at: Timestamp;
}

/** Kysely types of the method library's tables. */
export interface MethodsDatabase {
  methods: MethodsTable;
  method_revisions: MethodRevisionsTable;
}

import type * as Y from 'yjs';

/** A plan in JSON form before validation: any object, possibly of an older schema version. */
export type LooseJSON = Record<string, unknown>;

/**
 * One step from schema version `from` to `from + 1`. Append-only: once released, a migration is
 * never edited or removed, because stored documents and exports depend on it.
 */
export interface Migration {
  /** Namespaced, sortable id, e.g. `plan/002_add_results`. */
  id: string;
  /** The version this migration upgrades from; it produces `from + 1`. */
  from: number;
  /** Upgrades a JSON plan of version `from` (returns a new object, input untouched). */
  upJSON(plan: LooseJSON): LooseJSON;
  /** Downgrades a JSON plan of version `from + 1` (for exports to older installations). */
  downJSON(plan: LooseJSON): LooseJSON;
  /** Upgrades a Y.Doc in place; called inside a transaction. */
  upDoc(doc: Y.Doc): void;
}

import * as Y from 'yjs';
import { ROOT } from '../keys.js';
import type { RecordMap } from '../store.js';
import { PLAIN_TEXT_KEYS, TEXT_LIMITS } from '../text/limits.js';
import type { LooseJSON, Migration } from './migration.js';

/**
 * Version 3 stores every plain text field (titles, names, method, place, …) as a `Y.Text`
 * instead of a string value, so two people typing into the same field merge their characters
 * instead of one overwriting the other. The JSON form is unchanged: text fields stay strings.
 * Runs once per document on the collab-server when it loads the document (see README.md).
 */
export const plainTextAsYText: Migration = {
  id: 'plan/003_plain_text_as_y_text',
  from: 2,
  upJSON(plan: LooseJSON): LooseJSON {
    return { ...plan, schemaVersion: 3 };
  },
  downJSON(plan: LooseJSON): LooseJSON {
    return { ...plan, schemaVersion: 2 };
  },
  upDoc(doc: Y.Doc): void {
    convertStrings(doc.getMap<unknown>(ROOT.meta), Object.keys(TEXT_LIMITS.meta));
    for (const name of ['stakeholders', 'phases', 'formats'] as const) {
      for (const record of doc.getMap<unknown>(ROOT[name]).values()) {
        if (record instanceof Y.Map) convertStrings(record, PLAIN_TEXT_KEYS);
      }
    }
    for (const result of doc.getMap<unknown>(ROOT.results).values()) {
      const contributions = result instanceof Y.Map ? result.get('contributions') : undefined;
      if (!(contributions instanceof Y.Array)) continue;
      for (const contribution of contributions.toArray() as unknown[]) {
        if (contribution instanceof Y.Map) {
          convertStrings(contribution, Object.keys(TEXT_LIMITS.contribution));
        }
      }
    }
  },
};

/**
 * Replaces each string under `keys` by a `Y.Text` holding the same characters. Idempotent: a
 * field that already is a `Y.Text` is left alone. A `Y.Map` key holds one value, so two replicas
 * converting the same field concurrently end with one of the two texts, never both.
 */
function convertStrings(map: RecordMap, keys: Iterable<string>): void {
  for (const key of keys) {
    const value = map.get(key);
    if (typeof value === 'string') map.set(key, new Y.Text(value));
  }
}

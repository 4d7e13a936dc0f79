import type * as Y from 'yjs';
import { ROOT } from '../keys.js';
import type { LooseJSON, Migration } from './migration.js';

/**
 * Version 2 adds `results` (contributions per format or phase and the feedback given). Old plans
 * simply have none yet.
 */
export const addResults: Migration = {
  id: 'plan/002_add_results',
  from: 1,
  upJSON(plan: LooseJSON): LooseJSON {
    return { ...plan, schemaVersion: 2, results: plan['results'] ?? [] };
  },
  downJSON(plan: LooseJSON): LooseJSON {
    const { results: _results, ...rest } = plan;
    return { ...rest, schemaVersion: 1 };
  },
  upDoc(doc: Y.Doc): void {
    // Root maps exist implicitly; touching it documents that v2 docs have the collection.
    doc.getMap(ROOT.results);
  },
};

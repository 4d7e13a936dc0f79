import * as Y from 'yjs';
import { ROOT } from '../keys.js';
import type { LooseJSON, Migration } from './migration.js';

/** A contribution as plan schema 3 kept it inside a result (now in storage's tables). */
export interface InlineContribution {
  id: string;
  /** The phase or format of its result. */
  subjectId: string;
  text: string;
  response: 'open' | 'adopted' | 'partly' | 'rejected';
  reason: string;
}

const RESPONSES = new Set(['open', 'adopted', 'partly', 'rejected']);

function plain(value: unknown): string {
  return value instanceof Y.Text ? value.toString() : typeof value === 'string' ? value : '';
}

/**
 * The contributions a plan document of schema 3 or older holds in its results, in result and
 * list order. The collab-server stores them in tables before it applies migration 004, which
 * removes them from the document.
 */
export function readInlineContributions(doc: Y.Doc): InlineContribution[] {
  const out: InlineContribution[] = [];
  const results = [...doc.getMap<unknown>(ROOT.results).entries()].sort(([a], [b]) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
  for (const [, result] of results) {
    if (!(result instanceof Y.Map)) continue;
    const list = result.get('contributions');
    if (!(list instanceof Y.Array)) continue;
    const subjectId = plain(result.get('subjectId'));
    const seen = new Set<string>();
    for (const item of list.toArray() as unknown[]) {
      if (!(item instanceof Y.Map)) continue;
      const id = plain(item.get('id'));
      if (id === '' || seen.has(id)) continue;
      seen.add(id);
      const response = plain(item.get('response'));
      out.push({
        id,
        subjectId,
        text: plain(item.get('text')),
        response: (RESPONSES.has(response) ? response : 'open') as InlineContribution['response'],
        reason: plain(item.get('reason')),
      });
    }
  }
  return out;
}

/**
 * The contributions a plan in JSON form of schema 3 or older holds in its results (`results[]
 * .contributions[]`), read as `readInlineContributions` reads a document: the result's subject,
 * strings only (anything else counts as empty), the first of repeated ids, unknown responses as
 * open. A current plan, or input that is no plan, has none. The app's plan import stores them in
 * the tables before migration 004 drops them from the JSON.
 */
export function jsonInlineContributions(input: unknown): InlineContribution[] {
  if (typeof input !== 'object' || input === null) return [];
  const version = (input as LooseJSON)['schemaVersion'];
  if (typeof version !== 'number' || version > 3) return [];
  const results = (input as LooseJSON)['results'];
  if (!Array.isArray(results)) return [];
  const out: InlineContribution[] = [];
  for (const result of results as unknown[]) {
    if (typeof result !== 'object' || result === null) continue;
    const list = (result as LooseJSON)['contributions'];
    if (!Array.isArray(list)) continue;
    const subjectId = plain((result as LooseJSON)['subjectId']);
    const seen = new Set<string>();
    for (const item of list as unknown[]) {
      if (typeof item !== 'object' || item === null) continue;
      const fields = item as LooseJSON;
      const id = plain(fields['id']);
      if (id === '' || seen.has(id)) continue;
      seen.add(id);
      const response = plain(fields['response']);
      out.push({
        id,
        subjectId,
        text: plain(fields['text']),
        response: (RESPONSES.has(response) ? response : 'open') as InlineContribution['response'],
        reason: plain(fields['reason']),
      });
    }
  }
  return out;
}

/**
 * Version 4 moves contributions out of the plan: they hold personal data and can number tens of
 * thousands, so they live in storage's tables (issue #18). A result keeps its subject and its
 * feedback text. The collab-server copies the contributions into the tables before this runs on a
 * stored document; a JSON plan of an older version loses them here (`readInlineContributions`
 * reads them from a document first, `jsonInlineContributions` from JSON).
 */
export const contributionsToTables: Migration = {
  id: 'plan/004_contributions_to_tables',
  from: 3,
  upJSON(plan: LooseJSON): LooseJSON {
    const results = Array.isArray(plan['results']) ? (plan['results'] as unknown[]) : undefined;
    return {
      ...plan,
      schemaVersion: 4,
      ...(results && {
        results: results.map((result) => {
          if (typeof result !== 'object' || result === null) return result;
          const { contributions: _contributions, ...rest } = result as LooseJSON;
          return rest;
        }),
      }),
    };
  },
  downJSON(plan: LooseJSON): LooseJSON {
    const results = Array.isArray(plan['results']) ? (plan['results'] as unknown[]) : undefined;
    return {
      ...plan,
      schemaVersion: 3,
      ...(results && {
        results: results.map((result) =>
          typeof result === 'object' && result !== null
            ? { ...(result as LooseJSON), contributions: [] }
            : result,
        ),
      }),
    };
  },
  upDoc(doc: Y.Doc): void {
    for (const result of doc.getMap<unknown>(ROOT.results).values()) {
      if (result instanceof Y.Map && result.has('contributions')) result.delete('contributions');
    }
  },
};

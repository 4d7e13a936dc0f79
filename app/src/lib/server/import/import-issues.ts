/**
 * Words a plan-model import issue for people: the place as the board names it ("Phase 2
 * „Workshop“ › Format 1") and the problem ("Titel fehlt"), from the issue's code and path
 * segments. The words come in as {@link ImportWords}, so this stays testable without the catalog.
 */
import type { PlanIssue, PlanIssueCode } from '@prozesswerkstatt/plan-model';

/** The words of import messages in one language. */
export interface ImportWords {
  file: string;
  meta: string;
  overview: string;
  stakeholder: (n: number, name: string) => string;
  phase: (n: number, name: string) => string;
  format: (n: number, name: string) => string;
  result: (n: number) => string;
  contribution: (n: number) => string;
  item: (n: number) => string;
  /** The label of a field key (e.g. `title` → "Titel"); unknown keys as they are. */
  field: (key: string) => string;
  /** Stands in for the field when the issue is about a whole record. */
  theEntry: string;
  problem: (code: PlanIssueCode | 'other', field: string, issue: PlanIssue) => string;
  issue: (place: string, problem: string) => string;
}

const PLACE_SEPARATOR = ' › ';

/** One readable line per issue. */
export function describeIssues(
  issues: readonly PlanIssue[],
  input: unknown,
  words: ImportWords,
): string[] {
  return issues.map((issue) => describeIssue(issue, input, words));
}

/** "Place: problem" for one issue. */
export function describeIssue(issue: PlanIssue, input: unknown, words: ImportWords): string {
  const segments = issue.segments ?? [];
  const { places, fields } = locate(segments, input, words);
  const field = fields.length > 0 ? fields.join(PLACE_SEPARATOR) : words.theEntry;
  const problem = words.problem(issue.code ?? 'other', field, issue);
  return words.issue(places.length > 0 ? places.join(PLACE_SEPARATOR) : words.file, problem);
}

/** The record places along a path, and the field (plus any list entry) below the last record. */
function locate(
  segments: readonly (string | number)[],
  input: unknown,
  words: ImportWords,
): { places: string[]; fields: string[] } {
  const places: string[] = [];
  const fields: string[] = [];
  let node: unknown = input;
  let inRichText = false;
  for (let i = 0; i < segments.length; i++) {
    const key = segments[i]!;
    const next = segments[i + 1];
    const child = at(node, key);
    if (inRichText) break;
    if (typeof key === 'string' && typeof next === 'number' && fields.length === 0) {
      const record = at(child, next);
      const n = next + 1;
      const name = nameOf(record);
      const place = recordPlace(key, n, name, words);
      if (place !== null) {
        places.push(place);
        node = record;
        i++;
        continue;
      }
    }
    if (typeof key === 'number') {
      fields.push(words.item(key + 1));
    } else if (topSection(key, i, segments, places, fields) === 'meta') {
      places.push(words.meta);
    } else if (topSection(key, i, segments, places, fields) === 'overview') {
      places.push(words.overview);
    } else {
      fields.push(words.field(key));
      // Inside a rich-text field the rest of the path is its internal structure.
      inRichText = isRichText(child);
    }
    node = child;
  }
  return { places, fields };
}

/**
 * `meta` or `overview` when `key` opens that section and the path goes on inside it (a missing
 * section as a whole is a field of the file, "Überblick fehlt").
 */
function topSection(
  key: string | number,
  index: number,
  segments: readonly (string | number)[],
  places: readonly string[],
  fields: readonly string[],
): 'meta' | 'overview' | null {
  if (places.length > 0 || fields.length > 0 || index >= segments.length - 1) return null;
  return key === 'meta' || key === 'overview' ? key : null;
}

function recordPlace(
  collection: string,
  n: number,
  name: string,
  words: ImportWords,
): string | null {
  switch (collection) {
    case 'stakeholders':
      return words.stakeholder(n, name);
    case 'phases':
      return words.phase(n, name);
    case 'formats':
      return words.format(n, name);
    case 'results':
      return words.result(n);
    case 'contributions':
      return words.contribution(n);
    default:
      return null;
  }
}

function at(node: unknown, key: string | number): unknown {
  if (node === null || typeof node !== 'object') return undefined;
  return (node as Record<string | number, unknown>)[key];
}

/** The record's title or name when it is a usable string (shortened), else ''. */
function nameOf(record: unknown): string {
  const value = at(record, 'title') ?? at(record, 'name');
  if (typeof value !== 'string') return '';
  const trimmed = value.trim();
  return trimmed.length > 60 ? `${trimmed.slice(0, 59)}…` : trimmed;
}

function isRichText(value: unknown): boolean {
  return value !== null && typeof value === 'object' && 'delta' in value;
}

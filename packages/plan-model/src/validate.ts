import type { z } from 'zod';
import { PlanValidationError, type PlanIssue, type PlanIssueCode } from './errors.js';

/** Path segments as zod reports them. */
export type PathSegment = PropertyKey;

/**
 * Renders a zod path readably: `phases[2](id=abc).formats[0].title`. When `root` is given, array
 * elements that carry a string `id` are labelled with it, because after a reorder an index alone
 * does not tell the user which record is meant.
 */
export function formatPath(path: readonly PathSegment[], root?: unknown): string {
  let out = '';
  let node: unknown = root;
  for (const segment of path) {
    if (typeof segment === 'number') {
      out += `[${segment}]`;
      node = Array.isArray(node) ? node[segment] : undefined;
      const id = isObject(node) ? node['id'] : undefined;
      if (typeof id === 'string' && id.length <= 64) out += `(id=${id})`;
    } else {
      const key = String(segment);
      out += out === '' ? key : `.${key}`;
      node = isObject(node) ? node[key] : undefined;
    }
  }
  return out;
}

/** True for non-null, non-array objects. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Converts zod issues into readable plan issues (all of them). */
export function issuesFromZod(
  error: z.ZodError,
  root?: unknown,
  prefix: readonly PathSegment[] = [],
): PlanIssue[] {
  return error.issues.map((issue) => {
    const segments = [...prefix, ...issue.path].map((s) => (typeof s === 'number' ? s : String(s)));
    const out: PlanIssue = {
      path: formatPath(segments, root),
      message: issue.message,
      segments,
      code: issueCode(issue, valueAt(root, issue.path)),
    };
    if ('maximum' in issue || 'minimum' in issue) {
      const bound = 'maximum' in issue ? issue.maximum : issue.minimum;
      if (typeof bound === 'number') out.limit = bound;
    }
    if (issue.code === 'unrecognized_keys') out.keys = issue.keys;
    return out;
  });
}

/** The kind of a zod issue; `value` is the input at its path (undefined for a missing key). */
function issueCode(issue: z.core.$ZodIssue, value: unknown): PlanIssueCode {
  // An absent key fails as a type, enum or union mismatch, depending on the schema: all "missing".
  if (value === undefined && issue.code !== 'unrecognized_keys') return 'missing';
  switch (issue.code) {
    case 'invalid_type':
      return value === undefined ? 'missing' : 'invalid_type';
    case 'too_big':
      return issue.origin === 'string'
        ? 'too_long'
        : issue.origin === 'array'
          ? 'too_many'
          : 'too_big';
    case 'too_small':
      if (issue.origin === 'string') return value === '' ? 'missing' : 'too_short';
      return issue.origin === 'array' ? 'too_short' : 'too_small';
    case 'invalid_format':
      return 'invalid_format';
    case 'unrecognized_keys':
      return 'unknown_keys';
    default:
      return 'invalid_value';
  }
}

/** The value at a zod path inside `root` (undefined when any step is missing). */
function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let node = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

/** Parses `value` with `schema` or throws a `PlanValidationError` naming `operation`. */
export function parseInput<S extends z.ZodType>(
  schema: S,
  value: unknown,
  operation: string,
): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new PlanValidationError(operation, issuesFromZod(result.error, value));
  return result.data;
}

import type { z } from 'zod';
import { PlanValidationError, type PlanIssue } from './errors.js';

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
  return error.issues.map((issue) => ({
    path: formatPath([...prefix, ...issue.path], root),
    message: issue.message,
  }));
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

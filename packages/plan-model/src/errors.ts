/** One problem found while validating input: where (a readable path) and why. */
export interface PlanIssue {
  /** Readable location, e.g. `phases[2](id=abc).formats[0].title`; empty for the whole value. */
  path: string;
  /** What is wrong, in English (the app translates by `code`). */
  message: string;
  /** The path as keys and array indexes, for callers that word the place themselves. */
  segments?: readonly (string | number)[];
  /** What kind of problem, for callers that translate; absent when none of the kinds fits. */
  code?: PlanIssueCode;
  /** The bound a `too_long`/`too_short`/`too_big`/`too_small`/`too_many` issue was measured against. */
  limit?: number;
  /** The keys of an `unknown_keys` issue. */
  keys?: readonly string[];
}

/**
 * Kinds of import problems: a value that is `missing`, of the wrong type, outside its bounds,
 * not one of the allowed values or formats, keys the schema does not know, an id used twice, a
 * reference to a record that does not exist, a period that ends before it starts, an
 * unsupported schema version, or not an object.
 */
export type PlanIssueCode =
  | 'missing'
  | 'invalid_type'
  | 'too_long'
  | 'too_short'
  | 'too_big'
  | 'too_small'
  | 'too_many'
  | 'invalid_value'
  | 'invalid_format'
  | 'unknown_keys'
  | 'duplicate_id'
  | 'unknown_reference'
  | 'end_before_start'
  | 'schema_version'
  | 'not_object';

/** Thrown by a write function when its input does not match the schema; nothing was written. */
export class PlanValidationError extends Error {
  /** Every problem found, not only the first. */
  readonly issues: readonly PlanIssue[];

  constructor(operation: string, issues: readonly PlanIssue[]) {
    super(`${operation}: invalid input: ${formatIssues(issues)}`);
    this.name = 'PlanValidationError';
    this.issues = issues;
  }
}

/** Thrown by `planFromJSON` when the JSON is not a valid plan; nothing was written to the doc. */
export class PlanImportError extends Error {
  /** Every problem found, not only the first. */
  readonly issues: readonly PlanIssue[];

  constructor(issues: readonly PlanIssue[]) {
    super(`planFromJSON: invalid plan: ${formatIssues(issues)}`);
    this.name = 'PlanImportError';
    this.issues = issues;
  }
}

/** Issues as one line each, for error messages and logs. */
export function formatIssues(issues: readonly PlanIssue[]): string {
  return issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ');
}

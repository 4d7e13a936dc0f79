/** One problem found while validating input: where (a readable path) and why. */
export interface PlanIssue {
  /** Readable location, e.g. `phases[2](id=abc).formats[0].title`; empty for the whole value. */
  path: string;
  /** What is wrong, in English (the app translates by path/kind if it needs to). */
  message: string;
}

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

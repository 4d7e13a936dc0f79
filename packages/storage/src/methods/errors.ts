/**
 * What the method library's API refuses. Each carries what a caller needs to tell the person (the
 * app words it per language); none is a server fault.
 */

/** No method with this id. */
export class MethodNotFoundError extends Error {
  constructor(readonly id: string) {
    super(`methods: no method ${id}`);
    this.name = 'MethodNotFoundError';
  }
}

/** A write based on a stale read: someone else changed the method meanwhile. */
export class MethodConflictError extends Error {
  constructor(
    readonly id: string,
    /** The method's version now. */
    readonly currentVersion: number,
  ) {
    super(`methods: ${id} was changed by someone else (now version ${currentVersion})`);
    this.name = 'MethodConflictError';
  }
}

/** One problem of a method's input: the path of the field and a code the app words. */
export interface MethodInputIssue {
  path: string;
  code: string;
}

/** Input that breaks the method schema; nothing was written. */
export class MethodInputError extends Error {
  constructor(readonly issues: readonly MethodInputIssue[]) {
    super(
      `methods: invalid input: ${issues
        .slice(0, 5)
        .map((issue) => `${issue.path}: ${issue.code}`)
        .join('; ')}`,
    );
    this.name = 'MethodInputError';
  }
}

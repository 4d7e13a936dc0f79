/**
 * What the results API refuses. Each carries what a caller needs to tell the person (the app
 * words it per language); none is a server fault.
 */

/** A write based on a stale read: someone else changed the row meanwhile. */
export class ResultsConflictError extends Error {
  constructor(
    readonly entity: string,
    readonly id: string,
    /** The row's version now (null when it does not exist any more). */
    readonly currentVersion: number | null,
  ) {
    super(`results: ${entity} ${id} was changed by someone else (now version ${currentVersion})`);
    this.name = 'ResultsConflictError';
  }
}

/** The row does not exist in this plan. */
export class ResultsNotFoundError extends Error {
  constructor(
    readonly entity: string,
    readonly id: string,
  ) {
    super(`results: no ${entity} ${id} in this plan`);
    this.name = 'ResultsNotFoundError';
  }
}

/** One problem of the input, with the path of the field (and the row index for bulk input). */
export interface ResultsInputIssue {
  /** Index of the row in a bulk input; undefined for a single input. */
  index?: number;
  path: string;
  code: string;
  message: string;
}

/** Input that breaks a rule; nothing was written. */
export class ResultsInputError extends Error {
  constructor(readonly issues: readonly ResultsInputIssue[]) {
    super(
      `results: invalid input: ${issues
        .slice(0, 5)
        .map(
          (issue) =>
            `${issue.index === undefined ? '' : `[${issue.index}] `}${issue.path}: ${issue.message}`,
        )
        .join('; ')}`,
    );
    this.name = 'ResultsInputError';
  }
}

/** Releasing is blocked while items lack a decision, or a reason where one is required. */
export class ReleaseBlockedError extends Error {
  constructor(
    readonly withoutDecision: number,
    readonly withoutReason: number,
  ) {
    super(
      `results: release blocked: ${withoutDecision} item(s) without decision, ${withoutReason} without reason`,
    );
    this.name = 'ReleaseBlockedError';
  }
}

/** The second signature must come from another person than the request. */
export class FourEyesError extends Error {
  constructor() {
    super('results: a release must be signed off by another person than the one who requested it');
    this.name = 'FourEyesError';
  }
}

/** The release request is not open any more, or answers changed after it was requested. */
export class ReleaseStateError extends Error {
  constructor(readonly reason: 'not_requested' | 'changed_since_request' | 'already_requested') {
    super(`results: release not possible: ${reason}`);
    this.name = 'ReleaseStateError';
  }
}

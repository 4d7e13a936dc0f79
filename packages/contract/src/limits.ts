/**
 * How long each field people type into may be. The editor, the forms and the server all check
 * against these numbers, so a limit is changed here and nowhere else.
 */

/**
 * The longest text each plain text field of the plan accepts, in UTF-16 code units (what
 * `String.length` and an `<input>` count). One line of words (titles, names, a place) gets 500, a
 * few paragraphs (expected output, resources, a contribution and its answer) get 5000. These are
 * the limits schema version 2 already enforced: a lower one would make stored plans and approved
 * versions invalid, and plan-model never cuts a user's text to fit. Documented in plan-model's
 * README table.
 */
export const TEXT_LIMITS = {
  meta: { title: 500, requestingUnit: 500, facilitator: 500 },
  stakeholder: { name: 500, contactRole: 500 },
  phase: { title: 500 },
  format: {
    title: 500,
    method: 500,
    placeOrTool: 500,
    responsible: 500,
    expectedOutput: 5000,
    resources: 5000,
  },
  contribution: { text: 5000, reason: 5000 },
} as const;

/**
 * How long each rich-text field may be, in characters of its text (letters, spaces and
 * punctuation, not paragraph or line breaks and not formatting). The numbers follow what each
 * field is for:
 * - overview fields (occasion, goals, scope of influence, constraints, open questions) describe
 *   the whole process: up to 20,000 characters, about eight printed pages;
 * - a format's description (agenda, method, materials): 10,000, about four pages;
 * - a phase's goal: a few sentences or a short list, 5,000;
 * - notes on a stakeholder, shown in a table cell: 2,000, about half a page.
 *
 * Why limits at all: every character travels to every open board and is kept in each version;
 * a field of a megabyte (a stray paste) would make the plan slow for everyone and could exceed the
 * collab-server's message limit, which refuses the whole update.
 */
export const RICH_TEXT_LIMITS = {
  overview: 20_000,
  formatDescription: 10_000,
  phaseGoal: 5_000,
  stakeholderNotes: 2_000,
} as const;

/** From this share of a field's limit on, the editor shows how many characters are used. */
export const RICH_TEXT_WARN_RATIO = 0.8;

/** Longest comment body, in characters. */
export const COMMENT_BODY_MAX_LENGTH = 5000;

/** Longest plan title and requesting unit on the app's forms (the document's own bound is larger). */
export const PLAN_TEXT_MAX_LENGTH = 200;

/** Longest version label. */
export const VERSION_LABEL_MAX_LENGTH = 120;

/** Longest version note. */
export const VERSION_NOTE_MAX_LENGTH = 2000;

/** Longest reason for rejecting a version. */
export const REJECTION_REASON_MAX_LENGTH = 2000;

/** Longest reason for marking a guideline check item as not applicable. */
export const GUIDELINE_REASON_MAX_LENGTH = 2000;

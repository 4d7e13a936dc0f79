/**
 * Participation results (issue #18): the storage API the app's results pages call. Every write
 * takes a {@link ResultsContext} (the database and the event sink) and emits one
 * {@link ResultEvent} after its commit; reads take a Kysely connection. Roles are the caller's
 * business (the app checks them before calling).
 */
export * from './context.js';
export * from './errors.js';
export * from './rows.js';
export * from './contributions.js';
export * from './bulk-import.js';
export * from './list.js';
export * from './replies.js';
export * from './clusters.js';
export * from './themes.js';
export * from './coverage.js';
export * from './coverage-items.js';
export * from './releases.js';
export * from './public-view.js';
export * from './pseudonymise.js';
export * from './public-themes.js';
export * from './measures.js';
export * from './measures-import.js';
export * from './summaries.js';
export * from './version-decisions.js';
export * from './inline-contributions.js';
export type { ReplyFields } from './reply-write.js';

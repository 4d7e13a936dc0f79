/**
 * `@prozesswerkstatt/method-library`: participation and facilitation methods as data — the
 * schema every method follows, and the search and filters the library pages and the board's
 * picker share. The seed texts are the `./seed` entry; the database holds the network's edits.
 */
export * from './schema.js';
export * from './filter.js';
export * from './format-prefill.js';

/**
 * Ports of the product under test. Away from the defaults (3000 app, 1234 collab, 5173 vite dev);
 * `PW_APP_PORT` moves both (collab = app + 1), so two checkouts can run their browser tests at once.
 */
export const APP_PORT = Number(process.env['PW_APP_PORT'] ?? 3100);
/** Port of the collab-server under test. */
export const COLLAB_PORT = APP_PORT + 1;
/** Origin of the app under test. */
export const APP_ORIGIN = `http://127.0.0.1:${APP_PORT}`;
/** URL of the collab-server under test, as the collab-token endpoint names it. */
export const COLLAB_URL = `ws://127.0.0.1:${COLLAB_PORT}`;

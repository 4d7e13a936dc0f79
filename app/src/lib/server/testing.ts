/**
 * `@prozesswerkstatt/app/server-testing`: the app's server functions that the cross-package
 * tests in `tests/` drive directly against a real collab-server (the version workflow and the
 * comment event bus), so those tests import the app by name instead of reaching into its
 * source folders. Nothing here is for the running app.
 */
export { commentEvents, type CommentEvent } from './comment-events.js';
export {
  approveVersion,
  bindingVersionId,
  listDecisions,
  rejectVersion,
  submitVersion,
} from './versions/approvals.js';
export { mirrorPlanStatus } from './versions/plan-status.js';
export { restoreVersion } from './versions/restore.js';
export { checkIntegrity } from './versions/snapshot.js';
export { displayedStatus, getVersionRow, renameVersion, saveVersion } from './versions/versions.js';

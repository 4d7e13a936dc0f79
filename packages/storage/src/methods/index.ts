/**
 * The facilitators' method library (issue #19): methods of the whole network with their history,
 * seeded from `@prozesswerkstatt/method-library`. Roles are the caller's business (the app lets
 * signed-in people read and facilitators write).
 */
export * from './errors.js';
export {
  createMethod,
  getMethod,
  listMethodRevisions,
  listMethods,
  methodIdFromName,
  updateMethod,
  validMethodContent,
  type MethodExecutor,
  type MethodRecord,
  type MethodRevision,
  type MethodsContext,
  type MethodUpdate,
} from './methods.js';
export { contentHash, seedMethods, type SeedResult } from './seed.js';

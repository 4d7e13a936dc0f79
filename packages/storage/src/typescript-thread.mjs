// The entry of a thread started from the package's TypeScript sources (tests; see
// `start-thread.ts`). The built package starts its compiled modules directly and never loads this.
// jiti compiles the module and what it imports as they load, in this thread (no loader thread).
import { workerData } from 'node:worker_threads';
import { createJiti } from 'jiti';

await createJiti(import.meta.url).import(workerData.typescriptThreadSource);

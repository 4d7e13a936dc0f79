// The entry of the thread when started from the package's TypeScript sources (tests; see
// `in-thread.ts`). The built package starts `suggest-thread.js` directly and never loads this.
import { workerData } from 'node:worker_threads';
import { createJiti } from 'jiti';

await createJiti(import.meta.url).import(workerData.typescriptThreadSource);

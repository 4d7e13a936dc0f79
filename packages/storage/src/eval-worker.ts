import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

const requireHere = createRequire(import.meta.url);

/**
 * Starts a worker thread from source text (`eval`) rather than from a file, so that it runs the same
 * from the TypeScript sources (tests) and from `dist/`. The packages it needs are resolved here,
 * from this package, and passed in `workerData.modules` by name.
 */
export function startEvalWorker(
  source: string,
  modules: readonly string[],
  workerData: Record<string, unknown>,
): Worker {
  const paths = Object.fromEntries(modules.map((name) => [name, requireHere.resolve(name)]));
  // No inherited flags: `--input-type=module`, say, would make the CommonJS source a module.
  return new Worker(source, {
    eval: true,
    execArgv: [],
    workerData: { ...workerData, modules: paths },
  });
}

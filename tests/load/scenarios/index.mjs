// Registry of load scenarios. A scenario is { name, description, defaults(quick), run(context) }
// and returns a result with at least `latencies` (ms), `latencyMs` (summary), `undelivered`,
// `generator` and `server` (see one-doc-one-writer.mjs). Add new scenarios here.
import oneDocOneWriter from './one-doc-one-writer.mjs';

export const scenarios = [oneDocOneWriter];

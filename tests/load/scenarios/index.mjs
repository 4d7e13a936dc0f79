// Registry of load scenarios. A scenario is
//   { name, description, defaults(quick), run(context), [variants(options)], [kinds],
//     [launchOptions(kind, variant)], [ownServers], [target({ ours, baseline })],
//     [describeRun(run)], [conclude(variantReports, log)], [manual], [summarize(runs, log)] }
// and `run` returns a result with at least `latencies` (ms), `latencyMs` (summary),
// `undelivered`, `expectedDeliveries`, `received`, `windowMs`, `generator` and `server` (see
// lib/measure.mjs buildResult), or `{ skipped: reason }`; a scenario that measures no server
// (`ownServers`, its own `summarize` replacing the latency tables) returns what it reports.
// Add new scenarios here.
import coldLoad from './cold-load.mjs';
import fanOut from './fan-out.mjs';
import idleRss from './idle-rss.mjs';
import importRows from './import-rows.mjs';
import joinStorm from './join-storm.mjs';
import manyDocuments from './many-documents.mjs';
import redisInstances from './redis-instances.mjs';
import resultsInbox from './results-inbox.mjs';
import presence from './presence.mjs';
import oneDocOneWriter from './one-doc-one-writer.mjs';
import themeSuggestions from './theme-suggestions.mjs';

export const scenarios = [
  oneDocOneWriter,
  fanOut,
  manyDocuments,
  presence,
  coldLoad,
  joinStorm,
  redisInstances,
  idleRss,
  themeSuggestions,
  importRows,
  resultsInbox,
];

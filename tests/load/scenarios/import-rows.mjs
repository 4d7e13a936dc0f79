// Scenario: participation import, end to end. Our generic CSV with 10,000 and 100,000
// contributions, a mein.berlin ideas export (XLSX) and a Decidim proposals export (CSV) with
// 10,000 each (600 characters of text per row; layouts in lib/import-files.mjs) are read with
// @prozesswerkstatt/participation-import's streaming reader and written with storage's
// insertContributions into a fresh SQLite database (one transaction, as the app's import confirm
// does), each in its own process. Reports rows per second (read, write, both), peak JS heap and
// peak RSS. No server runs. `--quick`: 500 rows of each layout.
import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { round } from '../lib/stats.mjs';

const run = promisify(execFile);
const here = dirname(fileURLToPath(import.meta.url));

/** @param {boolean} quick */
function defaults(quick) {
  const runs = quick
    ? [
        ['generic-csv', 500],
        ['meinberlin-xlsx', 500],
        ['decidim-csv', 500],
      ]
    : [
        ['generic-csv', 10_000],
        ['generic-csv', 100_000],
        ['meinberlin-xlsx', 10_000],
        ['decidim-csv', 10_000],
      ];
  return { runs, textChars: 600 };
}

/** @param {ReturnType<typeof defaults>} options */
function variants(options) {
  return options.runs.map(([layout, rows]) => ({
    label: `${layout} ${rows} rows`,
    layout,
    rows,
    textChars: options.textChars,
  }));
}

/**
 * @param {object} context
 * @param {{ rows: number, layout: string, textChars: number }} context.options
 * @param {(line: string) => void} context.log
 */
async function runImport({ options, log }) {
  const { stdout } = await run(
    process.execPath,
    [
      '--expose-gc',
      join(here, '..', 'import-rows-child.mjs'),
      '--rows',
      String(options.rows),
      '--layout',
      options.layout,
      '--text-chars',
      String(options.textChars),
    ],
    { maxBuffer: 1 << 20, timeout: 15 * 60_000 },
  );
  const result = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}');
  log(
    `  ${options.layout} ${options.rows} rows (${round(result.fileMb, 1)} MB, read as ` +
      `${result.format}): ` +
      `${round(result.seconds, 2)} s (read ${round(result.parseSeconds, 2)} s, ` +
      `SQLite insert ${round(result.insertSeconds, 2)} s), ` +
      `${Math.round(result.rowsPerSecond)} rows/s, CPU ${round(result.cpuSeconds, 2)} s, ` +
      `peak heap ${round(result.peakHeapMb, 1)} MB, peak RSS ${round(result.maxRssMb, 1)} MB`,
  );
  return { label: 'participation-import', ...result };
}

export default {
  name: 'import-rows',
  description:
    'participation import into SQLite: rows/s and peak memory; generic CSV 10,000 and 100,000 rows, mein.berlin XLSX and Decidim CSV 10,000 rows',
  defaults,
  variants,
  kinds: ['ours'],
  ownServers: true,
  run: runImport,
  /**
   * One line per run instead of the latency tables.
   *
   * @param {any[]} runs
   * @param {(line: string) => void} log
   */
  summarize(runs, log) {
    const ok = runs.filter((r) => !r.error);
    const tenThousand = ok.filter((r) => r.rows === 10_000);
    const slowest = Math.max(...tenThousand.map((r) => r.seconds));
    const target =
      tenThousand.length > 0
        ? {
            text: `10,000 rows imported in < 10 s (slowest ${round(slowest, 2)} s)`,
            holds: slowest < 10,
          }
        : null;
    if (target) log(`target "${target.text}": ${target.holds ? 'HOLDS' : 'DOES NOT HOLD'}`);
    return { runs, perServer: {}, ratio: null, target };
  },
};

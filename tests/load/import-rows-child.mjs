// Child process of the `import-rows` scenario: writes a file of N contributions in one of the
// layouts of lib/import-files.mjs (generic CSV or XLSX, mein.berlin XLSX, Decidim CSV) to a
// temporary file (not measured), then imports it end to end as the app's confirm does: reads it
// with @prozesswerkstatt/participation-import's streaming reader into storage rows (toStorageRow),
// then writes them with storage's insertContributions (one transaction, duplicate check) into a
// fresh SQLite database. Prints one JSON line: rows/s for reading, writing and both, peak heap and
// peak RSS. Its own process, so the memory numbers are the import's alone.
//
//   node --expose-gc tests/load/import-rows-child.mjs --rows 10000 --layout generic-csv
//     [--text-chars 600] [--parse-only]      (--type csv|xlsx: the generic layout, as before)
import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readContributions, toStorageRow } from '@prozesswerkstatt/participation-import';
import { getDatabase, insertContributions, openStorage } from '@prozesswerkstatt/storage';
import { IMPORT_LAYOUTS, writeImportFile } from './lib/import-files.mjs';

const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: '10000' },
    layout: { type: 'string' },
    type: { type: 'string', default: 'csv' },
    'text-chars': { type: 'string', default: '600' },
    // Collect garbage before each heap sample: what the reader retains, not what is pending.
    'retained-heap': { type: 'boolean', default: false },
    // Reading only, as before storage was wired (to compare with older figures).
    'parse-only': { type: 'boolean', default: false },
  },
});
const rows = Number(args.rows);
const layout = /** @type {keyof typeof IMPORT_LAYOUTS} */ (args.layout ?? `generic-${args.type}`);
const type = IMPORT_LAYOUTS[layout];
if (!type) throw new Error(`unknown layout "${layout}" (known: ${Object.keys(IMPORT_LAYOUTS)})`);
const textChars = Number(args['text-chars']);
/**
 * A fresh SQLite storage in `dir` with one plan to import into.
 *
 * @param {string} dir
 */
async function openPlanStorage(dir) {
  const storage = await openStorage({ dataDir: join(dir, 'data') });
  const db = getDatabase(storage);
  await db
    .insertInto('users')
    .values({ id: 'bench', email: 'bench@example.org', name: 'Bench', password_hash: 'x' })
    .execute();
  await db
    .insertInto('plans')
    .values({ id: 'plan', doc_name: 'plans/plan', title: 'Bench', facilitator_id: 'bench' })
    .execute();
  return { storage, db };
}

const dir = mkdtempSync(join(tmpdir(), 'import-bench-'));
const path = join(dir, `bench.${type}`);
const store = !args['parse-only'];
const target = store ? await openPlanStorage(dir) : null;
try {
  await writeImportFile(layout, path, rows, textChars);
  const bytes = statSync(path).size;

  globalThis.gc?.();
  const before = process.memoryUsage();
  let peakHeap = before.heapUsed;
  let peakRss = before.rss;
  let good = 0;
  let reports = 0;
  /** @type {string | null} */
  let format = null;
  /** @type {ReturnType<typeof toStorageRow>[]} */
  const storageRows = [];
  const sample = () => {
    reports += 1;
    if (args['retained-heap']) globalThis.gc?.();
    const now = process.memoryUsage();
    peakHeap = Math.max(peakHeap, now.heapUsed);
    peakRss = Math.max(peakRss, now.rss);
  };
  const cpuBefore = process.cpuUsage();
  const started = process.hrtime.bigint();
  for await (const row of readContributions(createReadStream(path, { highWaterMark: 64 * 1024 }), {
    fileType: type,
    totalBytes: bytes,
    maxRows: rows,
    progressEveryRows: args['retained-heap'] ? 10_000 : 1000,
    onProgress: sample,
    onHeader: (header) => (format = header.format),
  })) {
    if (!row.value) continue;
    good += 1;
    if (store) {
      storageRows.push(
        toStorageRow(row.value, {
          subjectId: null,
          receivedAtFallback: '2024-03-05',
          sourceSystemFallback: 'generic',
        }),
      );
    }
  }
  const parseSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  let created = 0;
  if (target) {
    const result = await insertContributions({ db: target.db }, 'plan', storageRows, 'bench', {
      // insertContributions reports every 400 rows; sample every 1,000 or so like the reader.
      onProgress: (done, total) => {
        if (done % 2000 === 0 || done === total) sample();
      },
    });
    created = result.createdIds.length;
    if (created !== rows) throw new Error(`stored ${created} of ${rows} rows`);
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  if (good !== rows) throw new Error(`read ${good} good rows of ${rows}`);
  console.log(
    JSON.stringify({
      rows,
      layout,
      type,
      // The layout the reader recognised from the header (proves the file is read as meant).
      format,
      fileMb: bytes / 2 ** 20,
      stored: store,
      // Reading and checking the file; then writing (zero when --parse-only); `seconds` is both.
      parseSeconds,
      insertSeconds: seconds - parseSeconds,
      seconds,
      rowsPerSecond: rows / seconds,
      // CPU time of the reader: on a loaded machine wall-clock time includes waiting for a core.
      cpuSeconds,
      heapBeforeMb: before.heapUsed / 2 ** 20,
      peakHeapMb: peakHeap / 2 ** 20,
      peakRssMb: peakRss / 2 ** 20,
      maxRssMb: process.resourceUsage().maxRSS / 1024,
      progressReports: reports,
    }),
  );
} finally {
  await target?.storage.close();
  rmSync(dir, { recursive: true, force: true });
}

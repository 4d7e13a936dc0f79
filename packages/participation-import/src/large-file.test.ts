/**
 * Fault test: 10,000-row files stream with bounded memory and report progress. The files are
 * ~20 MB (2,000 characters per contribution); were the reader to hold the file or its rows, the
 * heap would grow by more than the file. The retained heap (after a full collection) is sampled
 * at every progress report.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';
import type { ImportProgress } from './progress.js';
import { readContributions, type FileType } from './read-contributions.js';
import { fileStream, largeCsv, writeLargeXlsx } from './testing/large-file.js';

const ROWS = 10_000;
const TEXT_CHARS = 2_000;
const BAD_ROW = 5_000;
// A full collection before each heap sample, so the numbers are what is retained, not garbage
// the collector has not reached yet.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const retainedHeap = () => {
  gc();
  return process.memoryUsage().heapUsed;
};

const dir = mkdtempSync(join(tmpdir(), 'participation-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function readAll(input: AsyncIterable<Uint8Array>, fileType: FileType, totalBytes?: number) {
  const reports: ImportProgress[] = [];
  const before = retainedHeap();
  let peak = before;
  let good = 0;
  const bad: { line: number; codes: string[] }[] = [];
  const lastLines: number[] = [];
  for await (const row of readContributions(input, {
    fileType,
    ...(totalBytes === undefined ? {} : { totalBytes }),
    progressEveryRows: 500,
    onProgress: (progress) => {
      reports.push(progress);
      peak = Math.max(peak, retainedHeap());
    },
  })) {
    if (row.value) good += 1;
    else bad.push({ line: row.line, codes: row.issues.map((i) => i.code) });
    lastLines.push(row.line);
    if (lastLines.length > 2) lastLines.shift();
  }
  return { reports, growthMb: (peak - before) / 2 ** 20, good, bad, lastLines };
}

describe('a 10,000-row import', () => {
  it(
    'streams a ~20 MB CSV with bounded heap, progress and the bad row reported',
    { timeout: 180_000 },
    async () => {
      const { reports, growthMb, good, bad, lastLines } = await readAll(
        largeCsv({ rows: ROWS, textChars: TEXT_CHARS, badRow: BAD_ROW }),
        'csv',
      );
      const total = reports.at(-1)!;
      console.log(
        `CSV: ${(total.bytes / 2 ** 20).toFixed(1)} MB, retained heap growth ${growthMb.toFixed(1)} MB`,
      );
      expect(good).toBe(ROWS - 1);
      expect(bad).toEqual([{ line: BAD_ROW + 1, codes: ['invalid_format'] }]);
      expect(lastLines).toEqual([ROWS, ROWS + 1]);
      // Reports every 500 rows, rows and bytes only growing, a final one marked done.
      expect(reports.map((r) => r.rows)).toEqual([
        ...Array.from({ length: ROWS / 500 }, (_, i) => (i + 1) * 500),
        ROWS,
      ]);
      expect(reports.at(-1)!.done).toBe(true);
      expect(reports.every((r, i) => i === 0 || r.bytes >= reports[i - 1]!.bytes)).toBe(true);
      expect(total.bytes).toBeGreaterThan(ROWS * TEXT_CHARS);
      // The file is ~20 MB; what the reader retains stays a few MB (one row, the reference log).
      expect(growthMb).toBeLessThan(8);
    },
  );

  it('streams a ~20 MB XLSX with bounded heap and progress', { timeout: 180_000 }, async () => {
    const path = join(dir, 'large.xlsx');
    await writeLargeXlsx(path, { rows: ROWS, textChars: TEXT_CHARS, badRow: BAD_ROW });
    const size = statSync(path).size;
    const { reports, growthMb, good, bad } = await readAll(fileStream(path), 'xlsx', size);
    console.log(
      `XLSX: ${(size / 2 ** 20).toFixed(1)} MB zipped, retained heap growth ${growthMb.toFixed(1)} MB`,
    );
    expect(good).toBe(ROWS - 1);
    expect(bad).toEqual([{ line: BAD_ROW + 1, codes: ['invalid_format'] }]);
    expect(reports.at(-1)).toMatchObject({ rows: ROWS, bytes: size, totalBytes: size, done: true });
    expect(reports).toHaveLength(ROWS / 500 + 1);
    // Unzipped, the sheet holds ~20 MB of text; what the reader retains stays a few MB.
    expect(growthMb).toBeLessThan(8);
  });
});

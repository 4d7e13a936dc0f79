/**
 * The import as the endpoints run it, on a real database: read a file, preview it (writes
 * nothing), confirm it (all or nothing). Fault tests: one bad row in the middle writes nothing
 * unless it was acknowledged; importing the same file again creates no duplicates; a 10,000-row
 * file streams through with bounded memory and reports progress.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { genericHeader, type ImportProgress } from '@prozesswerkstatt/participation-import';
import type { SqlDocumentStorage } from '@prozesswerkstatt/storage';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db.js';
import { createPlan } from '../../plans.js';
import { describeEachDialect, openTestStorage, testAccount } from '../../test-database.js';
import type { SessionUser } from '../../users.js';
import { ResultEventBus, resultsContext } from '../result-events.js';
import type { ResultSubject } from '../result-subjects.js';
import type { ImportOptions } from './import-options.js';
import { confirmImport, previewImport } from './import-outcome.js';
import { readImport } from './read-import.js';

const CSV: ImportOptions = { fileType: 'csv', format: 'auto', subjectId: 'p1' };
const SUBJECTS: ResultSubject[] = [
  { id: 'p1', kind: 'phase', title: 'Auftakt', phaseTitle: 'Auftakt' },
  { id: 'f1', kind: 'format', title: 'Werkstatt', phaseTitle: 'Auftakt' },
];
const HEADER = genericHeader('de').join(';');

/** A generic CSV row (columns as `genericHeader`): letter, reference, date, subject, text. */
function row(ref: string, date: string, subject: string, text: string): string {
  const cells = ['Brief', 'Post', ref, date, 'Person', '', '', '', 'nein', '0', subject, '', text];
  return [...cells, '', '', '', '', '', ''].join(';');
}

function csv(lines: string[]): Uint8Array[] {
  return [new TextEncoder().encode(`${[HEADER, ...lines].join('\r\n')}\r\n`)];
}

const read = (file: Uint8Array[], options = CSV) =>
  readImport(file, options, { subjects: SUBJECTS, today: '2026-12-07' });

await describeEachDialect('results import', (openStorage) => {
  let db: Db;
  let storage: SqlDocumentStorage;
  let close: () => Promise<void>;
  let editor: SessionUser;
  let planId: string;
  beforeEach(async () => {
    ({ db, storage, close } = await openStorage());
    editor = await testAccount(db, 'Edda');
    planId = await createPlan(db, storage, editor, { title: 'Spielplatz', requestingUnit: '' });
  });
  afterEach(() => close());

  const stored = () =>
    db.selectFrom('contributions').select(['source_ref', 'subject_id']).execute();

  it('previews what would be created, duplicates and bad rows by line, writing nothing', async () => {
    const ctx = resultsContext(db, new ResultEventBus());
    await confirmImport(
      ctx,
      planId,
      await read(csv([row('B-1', '2026-01-05', '', 'Alt')])),
      editor.id,
      0,
    );
    const file = await read(
      csv([
        row('B-1', '2026-01-05', '', 'Alt, schon importiert'),
        row('B-2', '2026-01-06', 'werkstatt', 'Neu'),
        row('B-3', '2026-02-31', '', 'Unmögliches Datum'),
        row('B-2', '2026-01-07', '', 'Wiederholt'),
        row('B-4', '', 'Abschluss', 'Ohne Datum, unbekannte Phase'),
      ]),
    );
    const preview = await previewImport(db, planId, file);
    expect(preview).toMatchObject({ dataRows: 5, create: 2, unmatchedSubjects: 1 });
    expect(preview.duplicates).toEqual([{ line: 2, sourceRef: 'B-1', stored: true }]);
    expect(preview.bad.map((bad) => [bad.line, bad.issues.map((issue) => issue.code)])).toEqual([
      [4, ['invalid_format']],
      [5, ['duplicate_in_file']],
    ]);
    expect(await stored()).toHaveLength(1);
    // The subject column is matched by title; a date-less row gets today, an unknown phase the default.
    expect(file.rows.map((r) => [r.sourceRef, r.subjectId, r.receivedAt])).toEqual([
      ['B-1', 'p1', '2026-01-05'],
      ['B-2', 'f1', '2026-01-06'],
      ['B-4', 'p1', '2026-12-07'],
    ]);
  });

  it('writes nothing when one bad row in the middle was not acknowledged', async () => {
    const ctx = resultsContext(db, new ResultEventBus());
    const lines = Array.from({ length: 9 }, (_, i) => row(`R-${i}`, '2026-01-05', '', `Text ${i}`));
    lines[4] = row('R-4', 'gestern', '', 'Kaputtes Datum');
    const file = await read(csv(lines));
    const refused = await confirmImport(ctx, planId, file, editor.id, 0);
    expect(refused).toMatchObject({ ok: false, bad: [{ line: 6 }] });
    expect(await stored()).toEqual([]);
    // Acknowledged: the other eight are written, the bad one left out.
    expect(await confirmImport(ctx, planId, file, editor.id, 1)).toEqual({
      ok: true,
      created: 8,
      duplicates: 0,
      skipped: 1,
    });
    expect(await stored()).toHaveLength(8);
  });

  it('creates no duplicates when the same file is imported again, and hashes it the same', async () => {
    const ctx = resultsContext(db, new ResultEventBus());
    const lines = [row('D-1', '2026-01-05', '', 'Eins'), row('D-2', '2026-01-05', '', 'Zwei')];
    const first = await read(csv(lines));
    expect(await confirmImport(ctx, planId, first, editor.id, 0)).toMatchObject({ created: 2 });
    const again = await read(csv(lines));
    expect(again.hash).toBe(first.hash);
    expect((await read(csv(lines), { ...CSV, subjectId: null })).hash).not.toBe(first.hash);
    const preview = await previewImport(db, planId, again);
    expect(preview.create).toBe(0);
    expect(preview.duplicates.every((duplicate) => duplicate.stored)).toBe(true);
    expect(await confirmImport(ctx, planId, again, editor.id, 0)).toEqual({
      ok: true,
      created: 0,
      duplicates: 2,
      skipped: 0,
    });
    expect(await stored()).toHaveLength(2);
  });
});

describe('a 10,000-row results import (sqlite)', () => {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const retainedHeap = () => {
    gc();
    return process.memoryUsage().heapUsed;
  };
  const ROWS = 10_000;
  const TEXT = 'Mehr Schatten auf dem Spielplatz und Bänke am Rand. '.repeat(20);

  /** The file as 100-row chunks, made as they are pulled; counts how many were pulled. */
  function generated(pulled: { chunks: number }): AsyncIterable<Uint8Array> {
    const encoder = new TextEncoder();
    return (async function* () {
      yield encoder.encode(`${HEADER}\r\n`);
      for (let start = 0; start < ROWS; start += 100) {
        pulled.chunks += 1;
        const lines = [];
        for (let i = start; i < start + 100; i += 1) {
          lines.push(row(`L-${i}`, '2026-01-05', '', `${i}: ${TEXT}`));
        }
        yield encoder.encode(`${lines.join('\r\n')}\r\n`);
      }
    })();
  }

  it(
    'streams with bounded memory, reports progress, and imports every row',
    { timeout: 120_000 },
    async () => {
      const { db, storage, close } = await openTestStorage();
      try {
        const editor = await testAccount(db, 'Edda');
        const planId = await createPlan(db, storage, editor, { title: 'Groß', requestingUnit: '' });
        const pulled = { chunks: 0 };
        const reports: (ImportProgress & { pulled: number })[] = [];
        const before = retainedHeap();
        let peak = before;
        const file = await readImport(generated(pulled), CSV, {
          subjects: SUBJECTS,
          today: '2026-12-07',
          onProgress: (progress) => {
            reports.push({ ...progress, pulled: pulled.chunks });
            peak = Math.max(peak, retainedHeap());
          },
        });
        const fileMb = (reports.at(-1)?.bytes ?? 0) / 2 ** 20;
        expect(file.rows).toHaveLength(ROWS);
        // A report every 1,000 rows and a last one; each came while the file was still arriving.
        expect(reports.map((report) => report.rows)).toEqual([
          ...Array.from({ length: 10 }, (_, i) => (i + 1) * 1000),
          ROWS,
        ]);
        expect(reports[0]!.pulled).toBeLessThan(ROWS / 100 / 2);
        const written: number[] = [];
        const outcome = await confirmImport(
          resultsContext(db, new ResultEventBus()),
          planId,
          file,
          editor.id,
          0,
          (done) => {
            written.push(done);
            peak = Math.max(peak, retainedHeap());
          },
        );
        expect(outcome).toMatchObject({ ok: true, created: ROWS });
        expect(written.at(-1)).toBe(ROWS);
        // The file is ~10.7 MB. What stays in memory are the rows to write (storage's insert takes
        // them as one array, for one transaction), as JS strings: measured 23 MB, about twice the
        // file in UTF-16; never the file's bytes besides. Holding the bytes too would pass 3x.
        const growthMb = (peak - before) / 2 ** 20;
        expect(fileMb).toBeGreaterThan(10);
        expect(growthMb).toBeLessThan(3 * fileMb);
      } finally {
        await close();
      }
    },
  );
});

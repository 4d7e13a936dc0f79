/**
 * Large generic files for the fault test and the benchmark, produced as streams so the test
 * itself never holds the file: `rows` contributions of about `textChars` characters each, with
 * one bad row (an impossible date) at `badRow` if given.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { PassThrough, type Readable } from 'node:stream';
import type { ImportedContribution } from '../contribution.js';
import { writeGenericCsv, writeGenericXlsx } from '../write-contributions.js';

/** Options of the generated file. */
export interface LargeFileOptions {
  rows: number;
  /** Approximate length of each text (default 1,000). */
  textChars?: number;
  /** 1-based data row that gets an invalid date (its file line is `badRow + 1`). */
  badRow?: number;
}

const WORDS = ['Radweg', 'Spielplatz', 'Bäume', 'Lärm', 'Beleuchtung', 'Bänke', 'Tempo 30', 'Müll'];

/** The i-th generated contribution (1-based). */
export function generatedContribution(i: number, textChars: number): ImportedContribution {
  let text = `Beitrag ${i}: `;
  for (let w = i; text.length < textChars; w += 3) text += `${WORDS[w % WORDS.length]} `;
  return {
    channel: i % 3 === 0 ? 'letter' : 'workshop',
    sourceSystem: 'Generator',
    sourceRef: `G-${i}`,
    receivedAt: '2024-03-05',
    authorKind: 'person',
    pseudonym: `Person ${i % 97}`,
    authorName: null,
    authorContact: null,
    contactConsent: false,
    cosignerCount: i % 5,
    subjectRef: 'Phase 1',
    title: null,
    text: text.trim(),
    labels: [WORDS[i % WORDS.length]!],
    sourceUrl: null,
    status: null,
    response: null,
    reason: null,
    inReplyTo: null,
    metrics: {},
  };
}

function* contributions(options: LargeFileOptions): Generator<ImportedContribution> {
  for (let i = 1; i <= options.rows; i += 1)
    yield generatedContribution(i, options.textChars ?? 1000);
}

/** A generic CSV of `rows` contributions as a stream of chunks (nothing written to disk). */
export function largeCsv(options: LargeFileOptions): AsyncIterable<Uint8Array> {
  const out = new PassThrough();
  void writeGenericCsv(contributions(options), out).catch((error: unknown) =>
    out.destroy(error as Error),
  );
  return badRowFilter(out, options);
}

/** Writes a generic XLSX of `rows` contributions to `path` (inline strings, as ours are). */
export async function writeLargeXlsx(path: string, options: LargeFileOptions): Promise<void> {
  const rows = function* () {
    for (const row of contributions(options)) {
      const i = Number(row.sourceRef!.slice(2));
      yield i === options.badRow ? { ...row, receivedAt: '2024-02-31' } : row;
    }
  };
  await writeGenericXlsx(rows(), createWriteStream(path));
}

/** The file at `path` as a stream. */
export function fileStream(path: string): Readable {
  return createReadStream(path, { highWaterMark: 64 * 1024 });
}

/** Replaces the date of the bad row (CSV): `2024-03-05` on its line becomes `2024-02-31`. */
async function* badRowFilter(input: AsyncIterable<Buffer>, options: LargeFileOptions) {
  if (options.badRow === undefined) {
    yield* input;
    return;
  }
  const marker = Buffer.from(`;G-${options.badRow};2024-03-05;`);
  const replacement = Buffer.from(`;G-${options.badRow};2024-02-31;`);
  let carry = Buffer.alloc(0);
  for await (const chunk of input) {
    const joined = Buffer.concat([carry, chunk]);
    const at = joined.indexOf(marker);
    if (at !== -1) replacement.copy(joined, at);
    const keep = Math.min(marker.length, joined.length);
    carry = Buffer.from(joined.subarray(joined.length - keep));
    yield joined.subarray(0, joined.length - keep);
  }
  yield carry;
}

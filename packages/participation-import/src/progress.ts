/**
 * Progress of a running import: rows and bytes read so far. The listener is called every
 * `everyRows` rows (default 1000) and once at the end, so a page can show a bar for large files
 * without a call per row.
 */

/** What has been read so far. */
export interface ImportProgress {
  /** Data rows read (header and empty rows not counted), good or bad. */
  rows: number;
  /** Bytes of the file consumed by the reader so far. */
  bytes: number;
  /** The file's size when the caller knows it (for a percentage), else null. */
  totalBytes: number | null;
  /** True on the last call, after the final row. */
  done: boolean;
}

/** Receives progress reports. */
export type ProgressListener = (progress: ImportProgress) => void;

/** Counts rows and bytes and reports them to an optional listener. */
export class ProgressMeter {
  private rows = 0;
  private bytes = 0;
  private readonly listener: ProgressListener | undefined;
  private readonly totalBytes: number | null;
  private readonly everyRows: number;

  /**
   * @param listener called with each report; nothing is reported without one
   * @param totalBytes the file size, if known
   * @param everyRows rows between two reports (default 1000, at least 1)
   */
  constructor(listener?: ProgressListener, totalBytes: number | null = null, everyRows = 1000) {
    this.listener = listener;
    this.totalBytes = totalBytes;
    this.everyRows = Math.max(1, Math.floor(everyRows));
  }

  /** Adds bytes the reader consumed. */
  addBytes(count: number): void {
    this.bytes += count;
  }

  /** Counts one data row; reports every `everyRows` rows. */
  addRow(): void {
    this.rows += 1;
    if (this.rows % this.everyRows === 0) this.report(false);
  }

  /** Reports the final numbers. */
  finish(): void {
    this.report(true);
  }

  /** The numbers so far. */
  snapshot(done = false): ImportProgress {
    return { rows: this.rows, bytes: this.bytes, totalBytes: this.totalBytes, done };
  }

  private report(done: boolean): void {
    this.listener?.(this.snapshot(done));
  }
}

/**
 * A file as chunks of bytes or text: a Node stream, a web `ReadableStream` (async iterable in
 * Node 20), an async generator, or simply an array of buffers.
 */
export type FileChunks = AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;

/** The input's chunks as bytes, each counted on the meter as the reader takes it. */
export async function* countedBytes(
  input: FileChunks,
  meter: ProgressMeter,
): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder();
  for await (const chunk of input) {
    const bytes = typeof chunk === 'string' ? encoder.encode(chunk) : chunk;
    meter.addBytes(bytes.byteLength);
    yield bytes;
  }
}

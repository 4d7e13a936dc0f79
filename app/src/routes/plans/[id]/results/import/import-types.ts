/** What the import page keeps between the server's answers (see `import-messages.ts`). */

export interface ProgressState {
  /** Bytes of the file sent, and its size. */
  uploaded: number;
  size: number;
  /** Data rows the server has read, and the bytes of the file it has consumed. */
  rows: number;
  read: number;
  /** Rows written by a confirmed import, once it writes. */
  written: { done: number; total: number } | null;
}

export interface PreviewData {
  hash: string;
  format: string;
  dataRows: number;
  create: number;
  duplicates: {
    count: number;
    stored: number;
    list: { line: number; sourceRef: string; stored: boolean }[];
  };
  bad: { count: number; list: { line: number; messages: string[] }[] };
  warnings: { count: number; list: string[] };
  unmatchedSubjects: number;
}

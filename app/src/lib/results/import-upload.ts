/**
 * Sends a file to the results import (preview or confirm) with XMLHttpRequest, whose upload
 * events give real upload progress (fetch has none for request bodies), and reads the answer's
 * JSON lines as they arrive: the server reports rows read and rows written while it works.
 */

/** The kind of file by its name's extension (what the dialog preselects), else ''. */
export function fileTypeOfName(name: string): 'csv' | 'xlsx' | 'json' | '' {
  const extension = /\.([a-z]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
  if (extension === 'csv' || extension === 'txt') return 'csv';
  return extension === 'xlsx' || extension === 'json' ? extension : '';
}

/** One line of the server's answer (see `import-request.ts`). */
export type ImportLine = { kind: string } & Record<string, unknown>;

export interface UploadHandlers {
  /** Bytes of the file sent so far. */
  onUpload: (loaded: number, total: number) => void;
  /** Each line of the answer, in order. */
  onLine: (line: ImportLine) => void;
}

/** Splits the complete lines off `buffer`; returns them and the incomplete rest. */
export function completeLines(buffer: string): { lines: ImportLine[]; rest: string } {
  const end = buffer.lastIndexOf('\n');
  if (end < 0) return { lines: [], rest: buffer };
  const lines = buffer
    .slice(0, end)
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as ImportLine);
  return { lines, rest: buffer.slice(end + 1) };
}

/** An upload the server refused before reading (role, size, options): its message. */
export class UploadRefused extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'UploadRefused';
  }
}

/** Posts `file` as the raw body to `url`; resolves when the answer is complete. */
export function uploadFile(url: string, file: Blob, handlers: UploadHandlers): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    let consumed = 0;
    let pending = '';
    const take = () => {
      const text = request.responseText;
      const { lines, rest } = completeLines(pending + text.slice(consumed));
      consumed = text.length;
      pending = rest;
      lines.forEach(handlers.onLine);
    };
    request.open('POST', url);
    request.setRequestHeader('content-type', 'application/octet-stream');
    request.setRequestHeader('accept', 'application/json');
    request.upload.addEventListener('progress', (event) =>
      handlers.onUpload(event.loaded, event.lengthComputable ? event.total : file.size),
    );
    // A small file may be sent before any progress event: its end is reported all the same.
    request.upload.addEventListener('load', () => handlers.onUpload(file.size, file.size));
    request.addEventListener('progress', () => {
      if (request.status === 200) take();
    });
    request.addEventListener('load', () => {
      if (request.status !== 200) {
        let message = request.statusText;
        try {
          message = (JSON.parse(request.responseText) as { message?: string }).message ?? message;
        } catch {
          // Not JSON (e.g. a proxy's page): the status text says enough.
        }
        reject(new UploadRefused(request.status, message));
        return;
      }
      take();
      if (pending.trim() !== '') handlers.onLine(JSON.parse(pending) as ImportLine);
      resolve();
    });
    request.addEventListener('error', () => reject(new UploadRefused(0, '')));
    request.send(file);
  });
}

/**
 * Downloads a file through `fetch`, reporting progress from `Content-Length` while the body
 * streams, then hands it to the browser as a download from a Blob URL. A failed request throws a
 * `DownloadError` carrying the server's message (SvelteKit sends `{ message }` for errors when
 * asked for JSON).
 */

/** Why a download failed; `message` is shown to the user as it is. */
export class DownloadError extends Error {
  constructor(
    message: string,
    /** HTTP status, or 0 when the server could not be reached. */
    readonly status: number,
  ) {
    super(message);
    this.name = 'DownloadError';
  }
}

/** Progress of one download: bytes so far and the total (null when the server sent none). */
export interface DownloadProgress {
  loaded: number;
  total: number | null;
}

/** A fetched file. */
export interface DownloadedFile {
  blob: Blob;
  fileName: string;
}

/**
 * Fetches `url` and reads its body chunk by chunk, calling `onProgress` after each. Error texts
 * for an unreachable server and an error without a message come from `messages`.
 */
export async function fetchWithProgress(
  url: string,
  onProgress: (progress: DownloadProgress) => void,
  messages: { network: string; status: (status: number) => string },
): Promise<DownloadedFile> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: 'application/json, */*;q=0.5' } });
  } catch {
    throw new DownloadError(messages.network, 0);
  }
  if (!response.ok)
    throw new DownloadError(await errorMessage(response, messages), response.status);
  const length = Number(response.headers.get('content-length'));
  const total = Number.isFinite(length) && length > 0 ? length : null;
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let loaded = 0;
  onProgress({ loaded, total });
  if (response.body) {
    const reader = response.body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        loaded += value.byteLength;
        onProgress({ loaded, total });
      }
    } catch {
      throw new DownloadError(messages.network, 0);
    }
  }
  const type = response.headers.get('content-type') ?? 'application/octet-stream';
  return {
    blob: new Blob(chunks, { type }),
    fileName: fileNameOf(response.headers.get('content-disposition')) ?? 'download',
  };
}

async function errorMessage(
  response: Response,
  messages: { status: (status: number) => string },
): Promise<string> {
  try {
    const body: unknown = await response.json();
    if (typeof body === 'object' && body !== null && 'message' in body) {
      const message = (body as { message: unknown }).message;
      if (typeof message === 'string' && message.trim() !== '') return message;
    }
  } catch {
    // Not JSON: fall back to the status.
  }
  return messages.status(response.status);
}

/** The file name of a `Content-Disposition` header: `filename*` (UTF-8) before `filename`. */
export function fileNameOf(header: string | null): string | null {
  if (header === null) return null;
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // Malformed encoding: try the plain name.
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"/i.exec(header) ?? /filename\s*=\s*([^;]+)/i.exec(header);
  return plain?.[1]?.trim() || null;
}

/** Offers `file` to the user as a download (a temporary Blob URL on a clicked link). */
export function saveFile(file: DownloadedFile): void {
  const url = URL.createObjectURL(file.blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke after the browser has started the download.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

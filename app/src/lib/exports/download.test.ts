import { afterEach, describe, expect, it } from 'vitest';
import { DownloadError, fetchWithProgress, fileNameOf } from './download.js';

const messages = { network: 'offline', status: (s: number) => `status ${s}` };

function serve(response: Response): void {
  globalThis.fetch = async () => response;
}

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

describe('fetchWithProgress', () => {
  it('reports progress up to Content-Length and keeps the file name', async () => {
    const chunks = [new Uint8Array(3), new Uint8Array(5)];
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(chunk);
        controller.close();
      },
    });
    serve(
      new Response(body, {
        headers: {
          'content-length': '8',
          'content-type': 'text/markdown',
          'content-disposition': 'attachment; filename="a.md"; filename*=UTF-8\'\'Gr%C3%BCn.md',
        },
      }),
    );
    const seen: string[] = [];
    const file = await fetchWithProgress(
      '/x',
      (p) => seen.push(`${p.loaded}/${p.total}`),
      messages,
    );
    expect(seen).toEqual(['0/8', '3/8', '8/8']);
    expect(file.fileName).toBe('Grün.md');
    expect(file.blob.size).toBe(8);
  });

  it('throws the server message, or the status, or the network message', async () => {
    serve(Response.json({ message: 'Version beschädigt' }, { status: 409 }));
    await expect(fetchWithProgress('/x', () => {}, messages)).rejects.toEqual(
      new DownloadError('Version beschädigt', 409),
    );
    serve(new Response('<html>', { status: 502 }));
    await expect(fetchWithProgress('/x', () => {}, messages)).rejects.toThrow('status 502');
    globalThis.fetch = async () => {
      throw new TypeError('failed');
    };
    await expect(fetchWithProgress('/x', () => {}, messages)).rejects.toThrow('offline');
  });

  it('reads plain and extended file names', () => {
    expect(fileNameOf('attachment; filename="plan.docx"')).toBe('plan.docx');
    expect(fileNameOf(null)).toBeNull();
  });
});

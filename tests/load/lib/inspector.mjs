// A tiny client of a Node process' inspector (Chrome DevTools Protocol over a WebSocket), so the
// soak can force a full garbage collection inside the server and read its heap afterwards: what
// is still on the heap then is retained, not garbage waiting for the collector.
import { WebSocket } from 'ws';

/**
 * Connects to the inspector the child opened with `--inspect=127.0.0.1:<port>`.
 *
 * @param {number} port
 */
export async function connectInspector(port) {
  const targets = /** @type {Array<{ webSocketDebuggerUrl: string }>} */ (
    await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()
  );
  const url = targets[0]?.webSocketDebuggerUrl;
  if (!url) throw new Error(`no inspector target on port ${port}`);
  const socket = new WebSocket(url);
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  let nextId = 1;
  /** @type {Map<number, { resolve: (value: any) => void, reject: (error: Error) => void }>} */
  const waiting = new Map();
  socket.on('message', (data) => {
    const message = JSON.parse(String(data));
    const entry = waiting.get(message.id);
    if (!entry) return;
    waiting.delete(message.id);
    if (message.error) entry.reject(new Error(message.error.message));
    else entry.resolve(message.result);
  });

  /**
   * @param {string} method
   * @param {object} [params]
   */
  const call = (method, params = {}) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, { resolve, reject });
      socket.send(JSON.stringify({ id, method, params }));
    });

  return {
    /** Full, synchronous garbage collection in the inspected process. */
    collectGarbage: () => call('HeapProfiler.collectGarbage'),
    /**
     * `process.memoryUsage()` of the inspected process, in MB.
     *
     * @returns {Promise<{ rss: number, heapTotal: number, heapUsed: number, external: number, arrayBuffers: number }>}
     */
    async memoryUsage() {
      const result = /** @type {{ result: { value: string } }} */ (
        await call('Runtime.evaluate', {
          expression: 'JSON.stringify(process.memoryUsage())',
          returnByValue: true,
        })
      );
      const usage = JSON.parse(result.result.value);
      /** @type {any} */
      const mb = {};
      for (const [key, bytes] of Object.entries(usage)) mb[key] = Math.round(bytes / 1e5) / 10;
      return mb;
    },
    close: () => socket.close(),
  };
}

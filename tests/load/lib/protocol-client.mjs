// A light-weight y-websocket protocol client: one `ws` socket and one Y.Doc, no awareness, no
// reconnect, no BroadcastChannel. It does what a stock WebsocketProvider does on the wire for a
// silent participant (sync step 1, answer the server's step 1, apply updates) at a fraction of the
// cost, so one load-generator process can hold hundreds of them.
//
// Arrival times are taken in the socket's 'message' handler, before any decoding; decoding and
// applying happen afterwards in a setImmediate batch. So the time one client spends applying an
// update is not charged to the next client's latency.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';

const MESSAGE_SYNC = 0;
const MESSAGE_AUTH = 2;

/** Shared map in which the bench writes `String(seq) -> send time`. */
export const BENCH_MAP = 'bench';

export class ProtocolClient {
  /**
   * @param {string} url
   * @param {object} [options]
   * @param {(seq: number, arrivalMs: number, client: ProtocolClient) => void} [options.onSeq]
   *   called once per bench key that first appears in this client's document
   */
  constructor(url, options = {}) {
    this.doc = new Y.Doc();
    this.map = this.doc.getMap(BENCH_MAP);
    this.onSeq = options.onSeq;
    /** @type {Array<number | Buffer>} alternating arrival time and frame */
    this.inbox = [];
    this.scheduled = false;
    this.currentArrival = 0;
    this.synced = false;
    /** @type {{ code: number, reason: string } | null} */
    this.closed = null;
    /** @type {string[]} */
    this.denied = [];
    this.framesIn = 0;

    this.map.observe((event) => {
      if (event.transaction.origin !== this) return;
      for (const key of event.keysChanged) this.onSeq?.(Number(key), this.currentArrival, this);
    });
    // Local writes (origin null) go to the server; remote ones (origin this) do not go back.
    this.doc.on('update', (/** @type {Uint8Array} */ update, /** @type {unknown} */ origin) => {
      if (origin === this) return;
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      syncProtocol.writeUpdate(encoder, update);
      this.send(encoding.toUint8Array(encoder));
    });

    this.ws = new WebSocket(url, { perMessageDeflate: false });
    this.ws.binaryType = 'nodebuffer';
    /** @type {Promise<void>} */
    this.whenSynced = new Promise((resolve, reject) => {
      this.resolveSynced = resolve;
      this.ws.once('unexpected-response', (_req, res) =>
        reject(new Error(`connection refused: HTTP ${res.statusCode}`)),
      );
      this.ws.once('error', reject);
      this.ws.once('close', (code, reason) =>
        reject(new Error(`closed before sync: ${code} ${reason.toString()}`)),
      );
    });
    this.whenSynced.catch(() => {});
    this.ws.on('error', () => {});
    this.ws.on('open', () => {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      syncProtocol.writeSyncStep1(encoder, this.doc);
      this.send(encoding.toUint8Array(encoder));
    });
    this.ws.on('message', (/** @type {Buffer} */ data) => {
      this.inbox.push(performance.now(), data);
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(this.processInbox);
      }
    });
    this.ws.on('close', (code, reason) => {
      this.closed = { code, reason: reason.toString() };
    });
  }

  /** @param {Uint8Array} message */
  send(message) {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(message);
  }

  processInbox = () => {
    this.scheduled = false;
    const inbox = this.inbox;
    this.inbox = [];
    for (let i = 0; i < inbox.length; i += 2) {
      this.currentArrival = /** @type {number} */ (inbox[i]);
      this.handle(/** @type {Buffer} */ (inbox[i + 1]));
    }
  };

  /** @param {Buffer} data */
  handle(data) {
    this.framesIn += 1;
    const decoder = decoding.createDecoder(
      new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
    );
    const type = decoding.readVarUint(decoder);
    if (type === MESSAGE_SYNC) {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      const syncType = syncProtocol.readSyncMessage(decoder, encoder, this.doc, this);
      if (encoding.length(encoder) > 1) this.send(encoding.toUint8Array(encoder));
      if (syncType === syncProtocol.messageYjsSyncStep2 && !this.synced) {
        this.synced = true;
        this.resolveSynced?.();
      }
    } else if (type === MESSAGE_AUTH) {
      decoding.readVarUint(decoder);
      this.denied.push(decoding.readVarString(decoder));
    }
    // Awareness (1) and query-awareness (3) are not part of this client's job.
  }

  /**
   * Writes one bench key as a local change; the update goes to the server synchronously.
   *
   * @param {number} seq
   * @param {number} value
   */
  write(seq, value) {
    this.map.set(String(seq), value);
  }

  close() {
    if (this.ws.readyState === WebSocket.OPEN || this.ws.readyState === WebSocket.CONNECTING) {
      this.ws.terminate();
    }
    this.doc.destroy();
  }
}

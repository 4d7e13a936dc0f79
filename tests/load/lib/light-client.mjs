// A light protocol client for the large scenarios (hundreds to thousands of connections in one
// load-generator process): a RawWebSocket and no Y.Doc at all.
//
// - Writes are Yjs updates crafted byte by byte: `bench[key] = value` on a root Y.Map, one Item
//   per write with this client's id and clock (what Yjs itself encodes for a new map key).
// - Incoming updates are not applied: the bench key is read from the update's first bytes (one
//   Item inserted into a root map, the shape every server here relays or re-encodes); anything
//   else (merged updates, several structs) falls back to Y.decodeUpdate.
// - Presence is y-protocols awareness, encoded and decoded by hand (client id, clock, JSON).
// - The sync handshake: step 1 with an empty state vector on open, an empty step 2 as answer to
//   the server's step 1; the server's step 2 resolves `whenSynced` (and is kept if asked for).
// - `hocuspocus: { docName, token }` switches to Hocuspocus' framing: every message is prefixed
//   with the document name, and an auth message goes first.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { RawWebSocket } from './raw-websocket.mjs';

const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const MESSAGE_AUTH = 2;
const MESSAGE_SYNC_REPLY = 4; // Hocuspocus: a sync message that asks for no step 1 back
const SYNC_STEP1 = 0;
const SYNC_STEP2 = 1;
const SYNC_UPDATE = 2;
const CONTENT_ANY = 8;
const ITEM_HAS_PARENT_SUB = 0x20;
const ITEM_HAS_ORIGIN = 0x80 | 0x40;

/** Root map the bench writes into (the same as ProtocolClient's). */
export const BENCH_MAP = 'bench';

/** A random 32-bit client id, as Yjs picks them (and y-protocols awareness ids). */
const randomClientId = () => (Math.random() * 0x100000000) >>> 0;

/**
 * @typedef {object} LightClientOptions
 * @property {(key: string, arrivalMs: number) => void} [onKey] per bench key received in an update
 * @property {(clientId: number, clock: number, arrivalMs: number) => void} [onAwareness] per
 *   awareness entry received
 * @property {(update: Uint8Array, arrivalMs: number) => void} [onSyncStep2] the server's step 2
 *   (a view into the socket buffer: copy what you keep), for scenarios that look at the state
 * @property {{ docName: string, token: string }} [hocuspocus]
 */

export class LightClient {
  /**
   * @param {string} url
   * @param {LightClientOptions} [options]
   */
  constructor(url, options = {}) {
    this.options = options;
    this.clientId = randomClientId();
    this.clock = 0;
    this.awarenessClock = 0;
    this.synced = false;
    this.syncedAt = NaN;
    this.framesIn = 0;
    this.bytesIn = 0;
    /** @type {string[]} */
    this.denied = [];
    /** @type {Uint8Array | null} */
    this.prefix = null;
    if (options.hocuspocus) {
      const encoder = encoding.createEncoder();
      encoding.writeVarString(encoder, options.hocuspocus.docName);
      this.prefix = encoding.toUint8Array(encoder);
    }
    /** @type {Promise<void>} */
    this.whenSynced = new Promise((resolve, reject) => {
      this.resolveSynced = resolve;
      this.rejectSynced = reject;
    });
    this.whenSynced.catch(() => {});
    this.ws = new RawWebSocket(url, {
      onMessage: (payload, arrival) => this.handle(payload, arrival),
      onClose: (code, reason) => this.rejectSynced?.(new Error(`closed: ${code} ${reason}`)),
    });
    this.ws.whenOpen.then(
      () => {
        if (options.hocuspocus) {
          const encoder = encoding.createEncoder();
          encoding.writeVarUint(encoder, MESSAGE_AUTH);
          encoding.writeVarUint(encoder, 0); // token
          encoding.writeVarString(encoder, options.hocuspocus.token);
          this.send(encoding.toUint8Array(encoder));
        }
        this.send(Uint8Array.of(MESSAGE_SYNC, SYNC_STEP1, 1, 0)); // empty state vector
      },
      (error) => this.rejectSynced?.(error),
    );
  }

  get closed() {
    return this.ws.closed;
  }

  /** @param {Uint8Array} message */
  send(message) {
    if (!this.prefix) {
      this.ws.send(message);
      return;
    }
    const framed = new Uint8Array(this.prefix.length + message.length);
    framed.set(this.prefix, 0);
    framed.set(message, this.prefix.length);
    this.ws.send(framed);
  }

  /**
   * @param {Uint8Array} data
   * @param {number} arrival
   */
  handle(data, arrival) {
    this.framesIn += 1;
    this.bytesIn += data.length;
    const decoder = decoding.createDecoder(data);
    if (this.prefix) decoding.readVarString(decoder);
    const type = decoding.readVarUint(decoder);
    if (type === MESSAGE_SYNC || type === MESSAGE_SYNC_REPLY) {
      const sub = decoding.readVarUint(decoder);
      if (sub === SYNC_UPDATE) {
        this.readKeys(decoding.readVarUint8Array(decoder), arrival);
      } else if (sub === SYNC_STEP1) {
        // Nothing of ours the server lacks: writes start only after the sync (empty update).
        if (type === MESSAGE_SYNC) this.send(Uint8Array.of(MESSAGE_SYNC, SYNC_STEP2, 2, 0, 0));
      } else if (sub === SYNC_STEP2) {
        const update = decoding.readVarUint8Array(decoder);
        if (this.options.onSyncStep2) this.options.onSyncStep2(update, arrival);
        if (!this.synced) {
          this.synced = true;
          this.syncedAt = arrival;
          this.resolveSynced?.();
        }
      }
    } else if (type === MESSAGE_AWARENESS) {
      if (!this.options.onAwareness) return;
      const inner = decoding.createDecoder(decoding.readVarUint8Array(decoder));
      const count = decoding.readVarUint(inner);
      for (let i = 0; i < count; i += 1) {
        const clientId = decoding.readVarUint(inner);
        const clock = decoding.readVarUint(inner);
        const length = decoding.readVarUint(inner);
        inner.pos += length; // the JSON state is not needed
        this.options.onAwareness(clientId, clock, arrival);
      }
    } else if (type === MESSAGE_AUTH) {
      const sub = decoding.readVarUint(decoder);
      if (sub === 0) this.denied.push(decoding.readVarString(decoder));
    }
  }

  /**
   * Reports the bench keys an update inserts.
   *
   * @param {Uint8Array} update
   * @param {number} arrival
   */
  readKeys(update, arrival) {
    const onKey = this.options.onKey;
    if (!onKey) return;
    const decoder = decoding.createDecoder(update);
    const clients = decoding.readVarUint(decoder);
    if (clients === 1 && decoding.readVarUint(decoder) === 1) {
      decoding.readVarUint(decoder); // client
      decoding.readVarUint(decoder); // clock
      const info = decoding.readUint8(decoder);
      if ((info & ITEM_HAS_ORIGIN) === 0 && info & ITEM_HAS_PARENT_SUB) {
        if (decoding.readVarUint(decoder) === 1 && decoding.readVarString(decoder) === BENCH_MAP) {
          onKey(decoding.readVarString(decoder), arrival);
          return;
        }
      }
    }
    // Not the single-insert shape: decode properly.
    for (const struct of Y.decodeUpdate(update).structs) {
      if (struct instanceof Y.Item && typeof struct.parentSub === 'string') {
        onKey(struct.parentSub, arrival);
      }
    }
  }

  /**
   * Sends `bench[key] = value` as a Yjs update (one new Item in the root map).
   *
   * @param {string} key a key this client has not written before
   * @param {number} value
   */
  writeKey(key, value) {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    encoding.writeVarUint(encoder, SYNC_UPDATE);
    const update = encoding.createEncoder();
    encoding.writeVarUint(update, 1); // one client
    encoding.writeVarUint(update, 1); // one struct
    encoding.writeVarUint(update, this.clientId);
    encoding.writeVarUint(update, this.clock);
    encoding.writeUint8(update, CONTENT_ANY | ITEM_HAS_PARENT_SUB);
    encoding.writeVarUint(update, 1); // parent is a root type, by name
    encoding.writeVarString(update, BENCH_MAP);
    encoding.writeVarString(update, key);
    encoding.writeVarUint(update, 1); // ContentAny of one value
    encoding.writeAny(update, value);
    encoding.writeVarUint(update, 0); // empty delete set
    encoding.writeVarUint8Array(encoder, encoding.toUint8Array(update));
    this.clock += 1;
    this.send(encoding.toUint8Array(encoder));
  }

  /**
   * Sends this client's presence (y-protocols awareness, next clock).
   *
   * @param {string} stateJson
   * @returns {number} the clock sent
   */
  sendAwareness(stateJson) {
    this.awarenessClock += 1;
    const inner = encoding.createEncoder();
    encoding.writeVarUint(inner, 1);
    encoding.writeVarUint(inner, this.clientId);
    encoding.writeVarUint(inner, this.awarenessClock);
    encoding.writeVarString(inner, stateJson);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(encoder, encoding.toUint8Array(inner));
    this.send(encoding.toUint8Array(encoder));
    return this.awarenessClock;
  }

  /**
   * Drops the connection. `graceful`: a close frame and FIN instead, so everything sent so far
   * is read by the server first (a reset would discard what the server had not read yet).
   */
  close(graceful = false) {
    if (graceful) this.ws.close();
    else this.ws.terminate();
  }
}

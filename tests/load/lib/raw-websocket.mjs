// A minimal WebSocket client on a plain TCP socket, for load generators that hold hundreds of
// connections in one process. Compared with `ws` it skips the per-message stream machinery: one
// `data` event is parsed in place into frames, and all frames of that chunk share one arrival
// time (taken before any parsing). Binary frames only; no extensions (no permessage-deflate);
// outgoing frames use an all-zero mask (RFC 6455 wants a random one against proxy cache
// poisoning, which does not apply to 127.0.0.1; servers do not check it and it saves the XOR).
import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';

const OP_CONTINUATION = 0x0;
const OP_BINARY = 0x2;
const OP_TEXT = 0x1;
const OP_CLOSE = 0x8;
const OP_PING = 0x9;

/**
 * @typedef {object} RawWebSocketHandlers
 * @property {(payload: Uint8Array, arrivalMs: number) => void} onMessage payload is a view into
 *   the socket buffer: use it synchronously or copy it
 * @property {(code: number, reason: string) => void} [onClose]
 */

export class RawWebSocket {
  /**
   * @param {string} url ws://host:port/path?query
   * @param {RawWebSocketHandlers} handlers
   */
  constructor(url, handlers) {
    const target = new URL(url);
    this.handlers = handlers;
    this.open = false;
    /** @type {{ code: number, reason: string } | null} */
    this.closed = null;
    /** @type {Buffer[]} */
    this.chunks = [];
    this.buffered = 0;
    /** bytes needed before the next parse attempt can make progress */
    this.needed = 0;
    this.handshakeDone = false;
    /** @type {Buffer[]} fragments of a message split over several frames */
    this.fragments = [];
    this.socket = connect({ host: target.hostname, port: Number(target.port) });
    this.socket.setNoDelay(true);
    const key = randomBytes(16).toString('base64');
    /** @type {Promise<void>} */
    this.whenOpen = new Promise((resolve, reject) => {
      this.resolveOpen = resolve;
      this.rejectOpen = reject;
    });
    this.whenOpen.catch(() => {});
    this.socket.once('connect', () => {
      this.socket.write(
        `GET ${target.pathname}${target.search} HTTP/1.1\r\n` +
          `Host: ${target.host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
          `Sec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
      );
    });
    this.socket.on('data', (chunk) => this.onData(chunk));
    this.socket.on('error', (error) => {
      this.rejectOpen?.(error);
    });
    this.socket.on('close', () => {
      this.open = false;
      if (!this.closed) this.closed = { code: 1006, reason: 'connection lost' };
      this.rejectOpen?.(new Error(`closed before open: ${this.closed.code}`));
      this.handlers.onClose?.(this.closed.code, this.closed.reason);
    });
  }

  /** @param {Buffer} chunk */
  onData(chunk) {
    const arrival = performance.now();
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    if (this.buffered < this.needed) return;
    let buffer = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks);
    this.chunks = [];
    this.buffered = 0;
    if (!this.handshakeDone) {
      const end = buffer.indexOf('\r\n\r\n');
      if (end < 0) {
        this.chunks.push(buffer);
        this.buffered = buffer.length;
        return;
      }
      const head = buffer.subarray(0, end).toString('latin1');
      const status = Number(/^HTTP\/1\.1 (\d+)/.exec(head)?.[1] ?? 0);
      if (status !== 101) {
        const error = new Error(`connection refused: HTTP ${status}`);
        this.closed = { code: 1006, reason: `HTTP ${status}` };
        this.rejectOpen?.(error);
        this.socket.destroy();
        return;
      }
      this.handshakeDone = true;
      this.open = true;
      this.resolveOpen?.();
      this.rejectOpen = undefined;
      buffer = buffer.subarray(end + 4);
    }
    let offset = 0;
    this.needed = 0;
    while (buffer.length - offset >= 2) {
      const b0 = buffer[offset];
      const b1 = buffer[offset + 1];
      let length = b1 & 0x7f;
      let header = 2;
      if (length === 126) {
        if (buffer.length - offset < 4) break;
        length = buffer.readUInt16BE(offset + 2);
        header = 4;
      } else if (length === 127) {
        if (buffer.length - offset < 10) break;
        length = Number(buffer.readBigUInt64BE(offset + 2));
        header = 10;
      }
      if (b1 & 0x80) header += 4; // servers do not mask; skip a mask key if one came anyway
      if (buffer.length - offset < header + length) {
        this.needed = header + length;
        break;
      }
      const payload = buffer.subarray(offset + header, offset + header + length);
      offset += header + length;
      this.onFrame(b0 & 0x80, b0 & 0x0f, payload, arrival);
    }
    if (offset < buffer.length) {
      const rest = buffer.subarray(offset);
      this.chunks.push(rest);
      this.buffered = rest.length;
    }
  }

  /**
   * @param {number} fin
   * @param {number} opcode
   * @param {Buffer} payload
   * @param {number} arrival
   */
  onFrame(fin, opcode, payload, arrival) {
    if (opcode === OP_BINARY || opcode === OP_TEXT || opcode === OP_CONTINUATION) {
      if (!fin) {
        this.fragments.push(Buffer.from(payload));
        return;
      }
      if (this.fragments.length > 0) {
        this.fragments.push(payload);
        payload = Buffer.concat(this.fragments);
        this.fragments = [];
      }
      this.handlers.onMessage(payload, arrival);
    } else if (opcode === OP_CLOSE) {
      const code = payload.length >= 2 ? payload.readUInt16BE(0) : 1005;
      this.closed = { code, reason: payload.subarray(2).toString('utf8') };
      this.open = false;
      this.socket.end();
    } else if (opcode === OP_PING) {
      this.writeFrame(0xa, payload);
    }
  }

  /**
   * @param {number} opcode
   * @param {Uint8Array} payload
   */
  writeFrame(opcode, payload) {
    const length = payload.length;
    const header = length < 126 ? 6 : length < 65536 ? 8 : 14;
    const frame = Buffer.allocUnsafe(header + length);
    frame[0] = 0x80 | opcode;
    if (length < 126) {
      frame[1] = 0x80 | length;
    } else if (length < 65536) {
      frame[1] = 0x80 | 126;
      frame.writeUInt16BE(length, 2);
    } else {
      frame[1] = 0x80 | 127;
      frame.writeBigUInt64BE(BigInt(length), 2);
    }
    frame.writeUInt32BE(0, header - 4); // zero mask key: payload goes out unchanged
    frame.set(payload, header);
    this.socket.write(frame);
  }

  /** @param {Uint8Array} message */
  send(message) {
    if (this.open) this.writeFrame(OP_BINARY, message);
  }

  /** Drops the connection at once (the server sees a TCP close without a close frame). */
  terminate() {
    this.open = false;
    this.socket.destroy();
  }

  /** Polite close: a close frame, then end. */
  close(code = 1000) {
    if (!this.open) return this.terminate();
    const payload = Buffer.alloc(2);
    payload.writeUInt16BE(code, 0);
    this.writeFrame(OP_CLOSE, payload);
    this.open = false;
    this.socket.end();
    setTimeout(() => this.socket.destroy(), 1000).unref();
  }
}

/** FIN bit set, opcode 2 (binary): one complete binary message in one frame. */
const FIN_BINARY = 0x82;

/**
 * The WebSocket frame (RFC 6455, section 5.2) a server sends for one binary message: FIN, opcode
 * binary, no mask (servers never mask), the payload length in 7, 16 or 64 bits, then the payload,
 * all in one buffer.
 *
 * A broadcast is framed once and the same bytes are written to every peer's socket, instead of
 * `ws` building a header, an options object and a two-buffer write for each peer: with hundreds of
 * peers per update that per-peer work is a good part of the server's time.
 */
export function encodeBinaryFrame(payload: Uint8Array): Buffer {
  const length = payload.byteLength;
  const headerLength = length < 126 ? 2 : length <= 0xffff ? 4 : 10;
  const frame = Buffer.allocUnsafe(headerLength + length);
  frame[0] = FIN_BINARY;
  if (headerLength === 2) {
    frame[1] = length;
  } else if (headerLength === 4) {
    frame[1] = 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 127;
    frame.writeBigUInt64BE(BigInt(length), 2);
  }
  frame.set(payload, headerLength);
  return frame;
}

import { Receiver } from 'ws';
import { describe, expect, it } from 'vitest';
import { encodeBinaryFrame } from './websocket-frame.js';

/** Parses frames with `ws`'s own client-side receiver, as a browser's WebSocket would. */
function receive(frame: Buffer): Buffer[] {
  const messages: Buffer[] = [];
  const receiver = new Receiver({ isServer: false, binaryType: 'nodebuffer' });
  receiver.on('message', (data: Buffer, isBinary: boolean) => {
    expect(isBinary).toBe(true);
    messages.push(data);
  });
  receiver.on('error', (error: Error) => {
    throw error;
  });
  receiver.write(frame);
  return messages;
}

describe('encodeBinaryFrame', () => {
  it.each([0, 1, 125, 126, 127, 65_535, 65_536, 200_000])(
    'frames a %i-byte payload so a client reads it back whole',
    (length) => {
      const payload = Uint8Array.from({ length }, (_, i) => (i * 7) % 251);
      const frame = encodeBinaryFrame(payload);
      const header = length < 126 ? 2 : length <= 0xffff ? 4 : 10;
      expect(frame.byteLength).toBe(header + length);
      expect(frame[0]).toBe(0x82);
      expect(frame[1]! & 0x80).toBe(0); // never masked
      const messages = receive(frame);
      expect(messages).toHaveLength(1);
      expect(Buffer.compare(messages[0]!, Buffer.from(payload))).toBe(0);
    },
  );
});

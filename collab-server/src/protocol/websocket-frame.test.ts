import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';
import { describe, expect, it } from 'vitest';
import { encodeBinaryFrame } from './websocket-frame.js';

const LENGTHS = [0, 1, 125, 126, 127, 65_535, 65_536, 200_000];

const payloadOf = (length: number): Uint8Array =>
  Uint8Array.from({ length }, (_, i) => (i * 7 + length) % 251);

describe('encodeBinaryFrame', () => {
  it('uses the 7-, 16- and 64-bit length forms, unmasked, FIN and binary', () => {
    for (const length of LENGTHS) {
      const frame = encodeBinaryFrame(payloadOf(length));
      const header = length < 126 ? 2 : length <= 0xffff ? 4 : 10;
      expect(frame.byteLength).toBe(header + length);
      expect(frame[0]).toBe(0x82);
      expect(frame[1]! & 0x80).toBe(0);
    }
  });

  it('writes frames a real WebSocket client reads back whole, in order', async () => {
    const wss = new WebSocketServer({ noServer: true });
    const server = createServer();
    server.on('upgrade', (req, socket, head) => {
      // As the collab-server does: ws completes the handshake, frames go to the raw socket.
      wss.handleUpgrade(req, socket, head, () => {
        for (const length of LENGTHS) socket.write(encodeBinaryFrame(payloadOf(length)));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const received = await new Promise<Buffer[]>((resolve, reject) => {
        const client = new WebSocket(`ws://127.0.0.1:${port}/`);
        const messages: Buffer[] = [];
        client.on('message', (data: Buffer, isBinary: boolean) => {
          if (!isBinary) reject(new Error('text frame'));
          messages.push(data);
          if (messages.length === LENGTHS.length) {
            client.close();
            resolve(messages);
          }
        });
        client.on('error', reject);
      });
      expect(received.map((message) => message.byteLength)).toEqual(LENGTHS);
      received.forEach((message, i) => {
        expect(Buffer.compare(message, Buffer.from(payloadOf(LENGTHS[i]!)))).toBe(0);
      });
    } finally {
      for (const client of wss.clients) client.terminate();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

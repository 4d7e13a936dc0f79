import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { waitUntil } from './wait.js';

/** Outcome of an upgrade the server refused. */
export interface Refusal {
  status: number;
  body: string;
}

/** Tries to open a socket and returns the HTTP refusal, or null if the upgrade succeeded. */
export function tryUpgrade(url: string): Promise<Refusal | null> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    socket.on('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: body.trim() }));
    });
    socket.on('open', () => {
      socket.close();
      resolve(null);
    });
    socket.on('error', (error) => {
      if (!error.message.includes('Unexpected server response')) reject(error);
    });
  });
}

/** A protocol-level client for crafting frames a stock client would never send. */
export class RawClient {
  readonly received: Uint8Array[] = [];
  closeEvent: { code: number; reason: string } | null = null;

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data: Buffer) => this.received.push(new Uint8Array(data)));
    socket.on('close', (code, reason) => (this.closeEvent = { code, reason: reason.toString() }));
    socket.on('error', () => undefined);
  }

  /** Opens a socket and waits for the upgrade. */
  static async open(url: string): Promise<RawClient> {
    const socket = new WebSocket(url);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    return new RawClient(socket);
  }

  send(frame: Uint8Array | string): void {
    if (this.socket.readyState === WebSocket.OPEN) this.socket.send(frame);
  }

  /** Sends a document update as a sync `update` message. */
  sendUpdate(update: Uint8Array): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0);
    syncProtocol.writeUpdate(encoder, update);
    this.send(encoding.toUint8Array(encoder));
  }

  /** Waits until the server closed the connection and returns code and reason. */
  async closed(timeoutMs = 5_000): Promise<{ code: number; reason: string }> {
    await waitUntil(() => this.closeEvent !== null, { timeoutMs, what: 'server close' });
    return this.closeEvent!;
  }

  /**
   * Sends a sync step 1 and waits for the server's step 2 in answer. The server handles one
   * connection's frames in order, so whatever this client sent before has been handled (refused,
   * taken or ignored) once the answer is here: a positive signal to wait for instead of a sleep.
   */
  async roundTrip(): Promise<void> {
    const answers = () => this.received.filter((f) => f[0] === 0 && f[1] === 1).length;
    const before = answers();
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0);
    syncProtocol.writeSyncStep1(encoder, new Y.Doc());
    this.send(encoding.toUint8Array(encoder));
    await waitUntil(() => answers() > before || this.closeEvent !== null, {
      what: 'the answer to a sync step 1',
    });
  }

  /** Reasons of every permission-denied auth message received so far. */
  permissionDenials(): string[] {
    return this.received.flatMap((frame) => {
      const decoder = decoding.createDecoder(frame);
      if (decoding.readVarUint(decoder) !== 2 || decoding.readVarUint(decoder) !== 0) return [];
      return [decoding.readVarString(decoder)];
    });
  }

  close(): void {
    this.socket.close();
  }
}

/** A small real update: `key` set to `value` in the map named `map`. */
export function mapUpdate(map: string, key: string, value: unknown): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap(map).set(key, value);
  return Y.encodeStateAsUpdate(doc);
}

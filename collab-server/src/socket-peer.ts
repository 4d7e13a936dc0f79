import type { Duplex } from 'node:stream';
import { WebSocket } from 'ws';
import type { VerifiedCollabToken } from '@prozesswerkstatt/contract/token';
import type { CollabLimits } from './config.js';
import type { CollabMetrics } from './metrics.js';
import type { Peer } from './peer.js';
import {
  CloseCode,
  closeReason,
  mayEditPlan,
  type CloseCodeValue,
} from '@prozesswerkstatt/contract';
import { encodeBinaryFrame } from './protocol/websocket-frame.js';

let nextPeerId = 1;

/**
 * The frame of each message, built at its first send: a room hands the same message object to
 * every peer of a broadcast, so it is framed once however many peers there are.
 */
const frames = new WeakMap<Uint8Array, Buffer>();

function frameOf(message: Uint8Array): Buffer {
  let frame = frames.get(message);
  if (!frame) frames.set(message, (frame = encodeBinaryFrame(message)));
  return frame;
}

/**
 * A {@link Peer} backed by a `ws` socket, with back-pressure on slow readers.
 *
 * Messages are written as ready-made frames straight to the TCP socket under it (`wire`); `ws`
 * keeps handling everything else (reading, ping, close). That is safe because without
 * per-message compression `ws` writes each of its own frames to the socket at once and whole,
 * so frames never interleave, and its `bufferedAmount` counts what is waiting in the socket.
 */
export class SocketPeer implements Peer {
  readonly id = nextPeerId++;
  readonly canWrite: boolean;
  awarenessClientId: number | null = null;
  /** Set by the ping timer, cleared by each pong. */
  alive = true;
  /**
   * Set when an access change closes this connection: messages that arrive before the close
   * handshake ends were sent without the right to, and are dropped.
   */
  revoked = false;

  constructor(
    readonly socket: WebSocket,
    private readonly wire: Duplex,
    readonly auth: VerifiedCollabToken,
    private readonly limits: CollabLimits,
    private readonly metrics: CollabMetrics,
  ) {
    this.canWrite = mayEditPlan(auth.role);
  }

  send(message: Uint8Array): void {
    if (this.socket.readyState !== WebSocket.OPEN) return;
    if (this.socket.bufferedAmount > this.limits.maxBufferedBytes) {
      // Growing the queue without bound would let one slow client exhaust server memory; after
      // reconnecting it gets one compact sync step 2 instead of the backlog.
      this.metrics.error('slow_reader');
      this.close(CloseCode.TryAgainLater, 'client reads too slowly; reconnect to re-sync');
      return;
    }
    this.wire.write(frameOf(message));
    this.metrics.traffic.messagesOut++;
    this.metrics.traffic.bytesOut += message.byteLength;
  }

  close(code: CloseCodeValue, reason: string): void {
    if (this.socket.readyState === WebSocket.OPEN) this.socket.close(code, closeReason(reason));
  }
}

import { WebSocket } from 'ws';
import { canWritePlan, type AuthContext } from './auth.js';
import type { CollabLimits } from './config.js';
import type { CollabMetrics } from './metrics.js';
import type { Peer } from './peer.js';
import { CloseCode, closeReason, type CloseCodeValue } from './protocol/close-codes.js';

let nextPeerId = 1;

/** A {@link Peer} backed by a `ws` socket, with back-pressure on slow readers. */
export class SocketPeer implements Peer {
  readonly id = nextPeerId++;
  readonly canWrite: boolean;
  awarenessClientId: number | null = null;
  /** Set by the ping timer, cleared by each pong. */
  alive = true;

  constructor(
    readonly socket: WebSocket,
    readonly auth: AuthContext,
    private readonly limits: CollabLimits,
    private readonly metrics: CollabMetrics,
  ) {
    this.canWrite = canWritePlan(auth.role);
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
    this.socket.send(message, { binary: true });
    this.metrics.traffic.messagesOut++;
    this.metrics.traffic.bytesOut += message.byteLength;
  }

  close(code: CloseCodeValue, reason: string): void {
    if (this.socket.readyState === WebSocket.OPEN) this.socket.close(code, closeReason(reason));
  }
}

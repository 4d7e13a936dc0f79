import type { ServiceCaller } from '@prozesswerkstatt/contract/token';
import type { Peer } from './peer.js';
import type { CloseCodeValue } from '@prozesswerkstatt/contract';

/** Peer ids of service calls count down from -1, apart from sockets' ids. */
let nextServiceId = -1;

/**
 * The app, writing through the internal API (a restore, a status change), seen by a room as a
 * writer without a socket: its update goes the same way as an editor's (stored, applied, relayed
 * to every client, published to other instances). A storage failure "closes" it, which the API
 * reports as an error instead of closing a socket.
 */
export class ServicePeer implements Peer {
  readonly id = nextServiceId--;
  readonly canWrite = true;
  readonly isService = true;
  awarenessClientId: number | null = null;
  readonly auth;
  /** The reason of a close by the room (a storage failure), if any. */
  failure: string | null = null;

  constructor(caller: ServiceCaller) {
    this.auth = {
      userId: caller.userId,
      name: 'app',
      docName: caller.docName,
      role: 'editor' as const,
      expiresAt: Number.MAX_SAFE_INTEGER,
      issuedAt: null,
    };
  }

  send(): void {}

  close(_code: CloseCodeValue, reason: string): void {
    this.failure = reason;
  }
}

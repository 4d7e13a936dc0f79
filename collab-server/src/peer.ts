import type { CloseCodeValue } from '@prozesswerkstatt/contract';
import type { VerifiedCollabToken } from '@prozesswerkstatt/contract/token';

/**
 * One client as a document room sees it. The room never touches sockets: it sends bytes and
 * closes, which keeps it testable and free of transport details.
 */
export interface Peer {
  /** Sequence number for logs. */
  readonly id: number;
  readonly auth: VerifiedCollabToken;
  /** Whether the role may change the plan; decided once from the token. */
  readonly canWrite: boolean;
  /**
   * True for the app writing through the internal API (a restore, a status change): stored and
   * relayed like any edit, but not a person's contribution to the plan.
   */
  readonly isService?: boolean;
  /**
   * The awareness client id this peer speaks for, bound at its first awareness message; it may
   * not set or clear presence of any other id.
   */
  awarenessClientId: number | null;
  /** Queues a message; drops it silently if the peer is already gone. */
  send(message: Uint8Array): void;
  /** Closes the connection with a code and a reason the client can show. */
  close(code: CloseCodeValue, reason: string): void;
}

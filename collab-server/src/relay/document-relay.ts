import type { AccessChange } from '../access/access-change.js';

/** What travels between instances for one document. */
export type RelayMessage =
  | { kind: 'update'; update: Uint8Array; sentAt: number }
  | { kind: 'awareness'; update: Uint8Array; sentAt: number };

/** Receives the messages other instances publish for one document. */
export type RelayHandler = (message: RelayMessage) => void;

/** Receives an access change another instance was told of, with when it was made (ms). */
export type AccessHandler = (change: AccessChange, at: number) => void;

/**
 * Fan-out between collab-server instances. An instance publishes only what its own clients sent
 * and it has already stored; the others apply it to their copy of the document without storing it
 * again, so every update is persisted exactly once.
 */
export interface DocumentRelay {
  /**
   * Whether other instances may store updates of the same documents. Then the stored log can hold
   * edits whose relayed copy has not arrived here yet, and a snapshot must read it (see
   * `CollabHub.snapshot`).
   */
  readonly acrossInstances: boolean;
  /**
   * Starts receiving messages for a document. Resolves once the subscription is active, so a
   * caller that subscribes first and loads from storage second cannot miss an update.
   */
  subscribe(docName: string, handler: RelayHandler): Promise<void>;
  /** Stops receiving messages for a document. */
  unsubscribe(docName: string): Promise<void>;
  /** Sends a stored document update to the other instances. */
  publishUpdate(docName: string, update: Uint8Array): void;
  /** Sends an awareness update (y-protocols encoding) to the other instances. */
  publishAwareness(docName: string, update: Uint8Array): void;
  /**
   * Sends an access change (a role change, a removal, a plan's deletion) to every other instance,
   * whether or not it has the document loaded: each closes its affected connections.
   */
  publishAccess(change: AccessChange, at: number): void;
  /** Registers the receiver of other instances' access changes. */
  onAccess(handler: AccessHandler): void;
  /**
   * Registers a callback for when the relay reconnects after an outage: messages published
   * meanwhile are lost, so loaded documents must catch up from storage.
   */
  onResume(callback: () => void): void;
  close(): Promise<void>;
}

/** A single instance: nothing to relay. */
export const noRelay: DocumentRelay = {
  acrossInstances: false,
  subscribe: async () => undefined,
  unsubscribe: async () => undefined,
  publishUpdate: () => undefined,
  publishAwareness: () => undefined,
  publishAccess: () => undefined,
  onAccess: () => undefined,
  onResume: () => undefined,
  close: async () => undefined,
};

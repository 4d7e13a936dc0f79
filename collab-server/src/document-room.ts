import type { DocumentStorage } from '@prozesswerkstatt/storage';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { CollabLimits } from './config.js';
import type { Logger } from './logger.js';
import type { CollabMetrics } from './metrics.js';
import type { Peer } from './peer.js';
import type { DocumentRelay, RelayMessage } from './relay/document-relay.js';
import type { RoomActivity } from './versions/plan-activity.js';
import { CloseCode } from '@prozesswerkstatt/contract';
import { stampPresence } from './presence-stamp.js';
import {
  encodeAwareness,
  encodePermissionDenied,
  encodeSyncStep1,
  encodeSyncStep1FromStateVector,
  encodeSyncStep2,
  encodeSyncStep2FromUpdate,
  encodeUpdate,
  type AwarenessEntry,
  type ClientMessage,
} from './protocol/messages.js';

/** What a room needs from its server. */
export interface RoomDeps {
  storage: DocumentStorage;
  metrics: CollabMetrics;
  logger: Logger;
  limits: CollabLimits;
  relay: DocumentRelay;
  /** Activity log and automatic checkpoints; absent without a SQL database (in-memory storage). */
  activity?: RoomActivity;
}

/**
 * Origin of changes that came from another instance through the relay: already stored there, so
 * applied and passed on to local peers, but neither stored nor published again.
 */
export const relayOrigin = Symbol('relay');

/** Who caused a change to a room's document or awareness. */
export type TransactionOrigin = Peer | typeof relayOrigin | null;

interface PendingUpdate {
  update: Uint8Array;
  from: Peer;
}

/**
 * One loaded document and the peers editing it.
 *
 * Invariant: `doc` only ever contains updates that storage has acknowledged. Incoming updates
 * wait in `pending`, are appended to storage in order (one batch at a time, so writes to one
 * document are serialized), and only then applied to `doc` and relayed to the other peers.
 * So nothing reaches another client — neither as a broadcast nor inside a sync step 2 — before it
 * is durable, and a failed write leaves `doc` exactly as storage has it.
 */
export class DocumentRoom {
  private readonly ydoc: Y.Doc;
  /**
   * The stored state until something needs the document itself. A client joining an unchanged
   * document gets these very bytes as its sync step 2, so the first sync after a cold load costs
   * a read from storage; sync step 1 and diffs for reconnecting clients are computed from the
   * bytes too. Applying them waits until an update arrives or someone reads `doc`.
   */
  private unappliedState: Uint8Array | null;
  readonly awareness: awarenessProtocol.Awareness;
  readonly peers = new Set<Peer>();
  private pending: PendingUpdate[] = [];
  private draining: Promise<void> | null = null;
  /** Updates queued so far, and how many of them are stored and applied (or refused) by now. */
  private queuedCount = 0;
  private settledCount = 0;
  /** `flushed` callers, each waiting for the updates queued before its call; in call order. */
  private readonly flushWaiters: { upTo: number; resolve: () => void }[] = [];
  private compacting: Promise<void> | null = null;
  private appendsSinceCompaction: number;
  /** Presence client ids changed since the last presence frame. */
  private readonly changedPresence = new Set<number>();
  private presenceTimer: NodeJS.Timeout | null = null;
  /** Sync step 2 for a joiner with an empty document, reused until the next change. */
  private fullStateMessage: Uint8Array | null = null;

  constructor(
    readonly name: string,
    state: Uint8Array | null,
    storedEntries: number,
    private readonly deps: RoomDeps,
  ) {
    this.ydoc = new Y.Doc({ gc: true });
    this.unappliedState = state;
    if (state) this.fullStateMessage = encodeSyncStep2FromUpdate(state);
    this.appendsSinceCompaction = storedEntries;
    this.awareness = new awarenessProtocol.Awareness(this.ydoc);
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.broadcastAwareness);
  }

  /** The document, with the stored state applied. */
  get doc(): Y.Doc {
    if (this.unappliedState) {
      const state = this.unappliedState;
      this.unappliedState = null;
      Y.applyUpdate(this.ydoc, state);
    }
    return this.ydoc;
  }

  /** Adds a peer and starts the sync: readers are never asked for their state. */
  join(peer: Peer): void {
    this.peers.add(peer);
    if (peer.canWrite) peer.send(this.syncStep1());
    const clients = [...this.awareness.getStates().keys()];
    if (clients.length > 0) {
      peer.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients)));
    }
  }

  /** Removes a peer and its presence. */
  leave(peer: Peer): void {
    if (!this.peers.delete(peer)) return;
    const clientId = peer.awarenessClientId;
    if (clientId !== null && this.awareness.getStates().has(clientId)) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [clientId], null);
      // Encoded after the removal, this carries the "gone" state for the other instances.
      const removal = awarenessProtocol.encodeAwarenessUpdate(this.awareness, [clientId]);
      this.deps.relay.publishAwareness(this.name, removal);
    }
  }

  /** Handles one decoded message of a peer that has joined. */
  receive(peer: Peer, message: ClientMessage): void {
    switch (message.kind) {
      case 'sync-step1':
        peer.send(this.syncStep2For(message.stateVector));
        return;
      case 'sync-step2':
      case 'update':
        this.receiveUpdate(peer, message.update, message.empty);
        return;
      case 'awareness':
        this.receiveAwareness(peer, message.entries);
        return;
      case 'query-awareness': {
        const clients = [...this.awareness.getStates().keys()];
        peer.send(
          encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients)),
        );
        return;
      }
      case 'auth':
        return;
    }
  }

  /**
   * Resolves once every update received so far has been stored and applied (or refused). Updates
   * that arrive later are not waited for: under steady editing the queue never runs empty, and a
   * snapshot that waited for that would wait as long as anyone keeps typing.
   */
  flushed(): Promise<void> {
    const upTo = this.queuedCount;
    if (this.settledCount >= upTo) return Promise.resolve();
    return new Promise((resolve) => this.flushWaiters.push({ upTo, resolve }));
  }

  /** Waits for writes and a running compaction; call before dropping the room. */
  async settle(): Promise<void> {
    await this.flushed();
    await this.compacting;
  }

  /** Whether the log has grown by more than one entry since the last compaction. */
  get hasUncompactedAppends(): boolean {
    return this.appendsSinceCompaction > 1;
  }

  /** Compacts the log if anything was appended since the last compaction. */
  async compactNow(): Promise<void> {
    await this.compacting;
    if (this.hasUncompactedAppends) this.startCompaction();
    await this.compacting;
  }

  /** Frees the document and the awareness timer. */
  destroy(): void {
    if (this.presenceTimer) clearTimeout(this.presenceTimer);
    this.awareness.off('update', this.broadcastAwareness);
    this.awareness.destroy();
    this.ydoc.destroy();
  }

  private syncStep2For(stateVector: Uint8Array): Uint8Array {
    // A state vector of one zero byte means "I have nothing": the common case of a joiner.
    if (stateVector.length === 1 && stateVector[0] === 0) {
      this.fullStateMessage ??= encodeSyncStep2(this.doc);
      return this.fullStateMessage;
    }
    if (this.unappliedState) {
      return encodeSyncStep2FromUpdate(Y.diffUpdate(this.unappliedState, stateVector));
    }
    return encodeSyncStep2(this.doc, stateVector);
  }

  /** Sync step 1 (our state vector), read from the stored bytes while they are not applied. */
  private syncStep1(): Uint8Array {
    if (this.unappliedState) {
      return encodeSyncStep1FromStateVector(Y.encodeStateVectorFromUpdate(this.unappliedState));
    }
    return encodeSyncStep1(this.doc);
  }

  /**
   * An update the app writes through the internal API (already decoded and not empty): queued,
   * stored, applied and relayed exactly like an editor's. Await {@link flushed} for it to land.
   */
  writeFromService(peer: Peer, update: Uint8Array): void {
    this.receiveUpdate(peer, update, false);
  }

  private receiveUpdate(peer: Peer, update: Uint8Array, empty: boolean): void {
    // An empty update is what a reader's client answers with when it has nothing new; not a write.
    if (empty) return;
    if (!peer.canWrite) {
      this.deps.metrics.refusedWrites.inc({ role: peer.auth.role });
      peer.send(encodePermissionDenied(`role "${peer.auth.role}" may not change this plan`));
      return;
    }
    // Copy: the frame may be a view into a larger socket buffer that must not stay alive.
    this.pending.push({ update: update.slice(), from: peer });
    this.queuedCount += 1;
    if (!this.draining) this.draining = this.drain();
  }

  private async drain(): Promise<void> {
    try {
      while (this.pending.length > 0) {
        const batch = this.pending;
        this.pending = [];
        try {
          await this.persistAndApply(batch);
        } finally {
          this.markSettled(batch.length);
        }
      }
    } finally {
      this.draining = null;
    }
  }

  private markSettled(updates: number): void {
    this.settledCount += updates;
    while (this.flushWaiters.length > 0 && this.flushWaiters[0]!.upTo <= this.settledCount) {
      this.flushWaiters.shift()!.resolve();
    }
  }

  private async persistAndApply(batch: PendingUpdate[]): Promise<void> {
    const { storage, metrics, logger } = this.deps;
    const stopTimer = metrics.persistSeconds.startTimer();
    try {
      await storage.appendUpdates(
        this.name,
        batch.map((item) => item.update),
      );
    } catch (error) {
      metrics.error('persist_failed');
      logger.error({ err: error, doc: this.name, updates: batch.length }, 'storing updates failed');
      // Nothing of the batch was applied, so memory still equals storage. The senders still hold
      // their changes; closing makes their clients reconnect and send them again.
      for (const peer of new Set(batch.map((item) => item.from))) {
        peer.close(
          CloseCode.InternalError,
          'storage failure: changes not saved, reconnect to resend',
        );
      }
      return;
    } finally {
      stopTimer();
    }
    this.appendsSinceCompaction += batch.length;
    for (const { update, from } of batch) this.apply(update, from);
    // The app's own writes (status, restore) are logged by the app as what they are.
    const editors = batch
      .filter((item) => !item.from.isService)
      .map((item) => item.from.auth.userId);
    if (editors.length > 0) this.deps.activity?.edited(this.name, () => this.doc, editors);
    this.compactIfDue();
  }

  /**
   * Applies a stored update and relays the very bytes received: they are decoded and durable
   * already, and re-encoding what the document emits would cost time on every keystroke. (A sync
   * step 2 is computed against the server's state vector, so it carries little the others have.)
   */
  private apply(update: Uint8Array, from: Peer): void {
    try {
      Y.applyUpdate(this.doc, update, from);
    } catch (error) {
      this.deps.metrics.error('apply_failed');
      this.deps.logger.error(
        { err: error, doc: this.name, peer: from.id },
        'applying update failed',
      );
      return;
    }
    this.relayToPeers(update, from);
    this.deps.relay.publishUpdate(this.name, update);
  }

  /** Applies what another instance stored and published, and passes it on to local peers. */
  receiveRelayed(message: RelayMessage): void {
    try {
      if (message.kind === 'awareness') {
        awarenessProtocol.applyAwarenessUpdate(this.awareness, message.update, relayOrigin);
        return;
      }
      Y.applyUpdate(this.doc, message.update, relayOrigin);
    } catch (error) {
      this.deps.metrics.error('relay_apply_failed');
      this.deps.logger.error({ err: error, doc: this.name }, 'applying relayed message failed');
      return;
    }
    this.relayToPeers(message.update, relayOrigin);
  }

  /**
   * Applies what other instances stored and this room has not seen, and passes it on to local
   * peers: after the relay was cut off (messages published meanwhile are lost), and before a
   * snapshot. The document reports exactly what was new; when nothing was, no one is sent anything.
   * (On PostgreSQL the read may also see a batch of this room that is committed but not applied
   * yet; it then reaches the peers twice, which Yjs ignores.)
   */
  async catchUpFromStorage(): Promise<void> {
    const state = await this.deps.storage.loadDocument(this.name);
    if (!state) return;
    const missed: Uint8Array[] = [];
    const collect = (update: Uint8Array): void => {
      missed.push(update);
    };
    const doc = this.doc;
    doc.on('update', collect);
    try {
      Y.applyUpdate(doc, state, relayOrigin);
    } finally {
      doc.off('update', collect);
    }
    for (const update of missed) this.relayToPeers(update, relayOrigin);
  }

  private relayToPeers(update: Uint8Array, from: TransactionOrigin): void {
    this.fullStateMessage = null;
    const message = encodeUpdate(update);
    for (const peer of this.peers) if (peer !== from) peer.send(message);
  }

  /**
   * Starts a background compaction when `compactAfterUpdates` entries were appended since the
   * last one (also right after loading a long log, so the next load is cheap).
   */
  compactIfDue(): void {
    if (this.appendsSinceCompaction >= this.deps.limits.compactAfterUpdates) this.startCompaction();
  }

  private startCompaction(): void {
    if (this.compacting) return;
    this.appendsSinceCompaction = 0;
    const started = performance.now();
    this.compacting = this.deps.storage
      .compact(this.name)
      .then((result) => {
        this.deps.logger.debug(
          { doc: this.name, ...result, ms: Math.round(performance.now() - started) },
          'compacted',
        );
      })
      .catch((error: unknown) => {
        this.deps.metrics.error('persist_failed');
        this.deps.logger.error({ err: error, doc: this.name }, 'compaction failed');
      })
      .finally(() => {
        this.compacting = null;
      });
  }

  private receiveAwareness(peer: Peer, entries: AwarenessEntry[]): void {
    if (!this.claimAwareness(peer, entries)) {
      this.deps.metrics.error('awareness_refused');
      return;
    }
    const stamped = stampPresence(entries, peer.auth);
    awarenessProtocol.applyAwarenessUpdate(this.awareness, stamped, peer);
    this.deps.relay.publishAwareness(this.name, stamped);
  }

  /** A peer may speak only for the one client id it announced first, and not for another peer's. */
  private claimAwareness(peer: Peer, entries: AwarenessEntry[]): boolean {
    for (const { clientId } of entries) {
      if (peer.awarenessClientId === null) {
        const takenByOther = [...this.peers].some(
          (other) => other !== peer && other.awarenessClientId === clientId,
        );
        if (takenByOther) return false;
        peer.awarenessClientId = clientId;
      } else if (clientId !== peer.awarenessClientId) {
        return false;
      }
    }
    return true;
  }

  /**
   * Presence is merged and sent at most every `presenceIntervalMs`: with hundreds of people in a
   * plan, relaying every cursor move to everyone at once would cost n² frames per second. One frame
   * carries the latest state of every client that changed in the interval.
   */
  private readonly broadcastAwareness = (change: {
    added: number[];
    updated: number[];
    removed: number[];
  }): void => {
    for (const id of change.added) this.changedPresence.add(id);
    for (const id of change.updated) this.changedPresence.add(id);
    for (const id of change.removed) this.changedPresence.add(id);
    this.presenceTimer ??= setTimeout(this.flushPresence, this.deps.limits.presenceIntervalMs);
  };

  private readonly flushPresence = (): void => {
    this.presenceTimer = null;
    const clients = [...this.changedPresence];
    this.changedPresence.clear();
    if (clients.length === 0 || this.peers.size === 0) return;
    const message = encodeAwareness(
      awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients),
    );
    for (const peer of this.peers) peer.send(message);
  };
}

import type { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';
import type { ServiceCaller, VerifiedCollabToken } from '@prozesswerkstatt/contract/token';
import { DocumentRoom, type RoomDeps } from './document-room.js';
import type { RelayMessage } from './relay/document-relay.js';
import { CloseCode } from '@prozesswerkstatt/contract';
import {
  MalformedMessageError,
  readClientMessage,
  UnknownMessageTypeError,
  type ClientMessage,
} from './protocol/messages.js';
import { TokenBucket } from './rate-limiter.js';
import { SocketPeer } from './socket-peer.js';
import { ServicePeer } from './service-peer.js';
import * as Y from 'yjs';
import { migrateStoredDocument } from './stored-migration.js';
import { closeFor, type AccessChange, type AccessClose } from './access/access-change.js';
import { AccessRevocations } from './access/access-revocations.js';

/** `setTimeout` takes at most 2^31-1 ms; a longer token is re-checked at that bound instead. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Owns the loaded documents and attaches authenticated sockets to them. Knows nothing of HTTP:
 * `http-server.ts` authenticates the upgrade and hands the socket over.
 */
export class CollabHub {
  private readonly rooms = new Map<string, DocumentRoom>();
  /** Loads in progress, so concurrent joiners share one read of storage. */
  private readonly loading = new Map<string, Promise<DocumentRoom>>();
  /** Unloads in progress; a joiner waits for them before loading the document afresh. */
  private readonly unloading = new Map<string, Promise<void>>();
  private readonly idleTimers = new Map<string, NodeJS.Timeout>();
  private readonly peers = new Set<SocketPeer>();
  private readonly revocations = new AccessRevocations();
  private readonly pingTimer: NodeJS.Timeout;
  private stopping = false;

  constructor(private readonly deps: RoomDeps) {
    this.pingTimer = setInterval(() => this.pingAll(), deps.limits.pingIntervalMs);
    this.pingTimer.unref();
    deps.relay.onResume(() => {
      deps.metrics.relayResumes.inc();
      for (const room of this.rooms.values()) {
        room.catchUpFromStorage().catch((error: unknown) => {
          deps.logger.error({ err: error, doc: room.name }, 'catching up from storage failed');
        });
      }
    });
    deps.relay.onAccess((change, at) => this.applyAccessChange(change, at));
  }

  /** Number of documents currently in memory. */
  get loadedDocuments(): number {
    return this.rooms.size;
  }

  /** The loaded room of a document, if any (for tests and diagnostics). */
  room(name: string): DocumentRoom | undefined {
    return this.rooms.get(name);
  }

  /**
   * Serves one authenticated socket. Messages are decoded and checked at once; until the document
   * is loaded they wait in a bounded queue, so nothing is answered from a half-loaded document.
   * `wire` is the TCP socket under `socket`, for writing ready-made frames (see `SocketPeer`).
   */
  handleConnection(socket: WebSocket, auth: VerifiedCollabToken, wire: Duplex): void {
    const { limits, metrics, logger } = this.deps;
    const peer = new SocketPeer(socket, wire, auth, limits, metrics);
    const bucket = new TokenBucket(limits.messagesPerSecond, limits.messageBurst);
    const log = logger.child({ peer: peer.id, doc: auth.docName, user: auth.userId });
    let room: DocumentRoom | null = null;
    const waiting: ClientMessage[] = [];
    this.peers.add(peer);
    metrics.connections.inc();
    const refusal = this.revocations.refusalFor(auth);
    if (refusal) {
      // A token issued before a change of this member's access, still unexpired.
      this.revoke(peer, refusal);
      log.info({ code: refusal.code }, 'connection opened with a token a change revoked');
    }
    const expiry = setTimeout(
      () => peer.close(CloseCode.TokenExpired, 'token expired; fetch a new token and reconnect'),
      Math.min(MAX_TIMER_MS, Math.max(0, auth.expiresAt * 1000 - Date.now())),
    );
    expiry.unref();

    socket.on('pong', () => (peer.alive = true));
    socket.on('error', (error: Error & { code?: string }) => {
      metrics.error(
        error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH' ? 'message_too_large' : 'socket_error',
      );
      log.warn({ err: error }, 'socket error');
    });
    socket.on('close', () => {
      clearTimeout(expiry);
      this.peers.delete(peer);
      metrics.connections.dec();
      if (room) this.leave(room, peer);
    });
    socket.on('message', (data: Buffer, isBinary: boolean) => {
      metrics.traffic.messagesIn++;
      metrics.traffic.bytesIn += data.byteLength;
      if (peer.revoked) return;
      const message = this.admit(peer, bucket, data, isBinary);
      if (!message) return;
      if (!room) {
        if (waiting.length >= limits.maxQueuedBeforeLoad) {
          peer.close(CloseCode.TryAgainLater, 'too many messages before the document was loaded');
        } else {
          waiting.push(message);
        }
        return;
      }
      this.deliver(room, peer, message);
    });

    this.acquire(auth.docName).then(
      (loaded) => {
        if (socket.readyState !== socket.OPEN || peer.revoked) {
          this.scheduleUnloadIfIdle(loaded);
          return;
        }
        room = loaded;
        room.join(peer);
        this.deps.activity?.joined(loaded.name, auth);
        for (const message of waiting.splice(0)) this.deliver(room, peer, message);
      },
      (error: unknown) => {
        metrics.error('load_failed');
        log.error({ err: error }, 'loading document failed');
        peer.close(CloseCode.InternalError, 'the document could not be loaded; try again later');
      },
    );
  }

  /**
   * Applies an access change the app made here: closes the affected connections of this instance
   * and tells the other instances (which do the same for theirs).
   */
  changeAccess(change: AccessChange): void {
    const at = Date.now();
    this.applyAccessChange(change, at);
    this.deps.relay.publishAccess(change, at);
  }

  /**
   * Closes every open connection `change` hits with its named code, and remembers the change so
   * that a token issued before it cannot open a new connection in the old role.
   */
  applyAccessChange(change: AccessChange, at: number): void {
    this.revocations.record(change, at);
    let closed = 0;
    for (const peer of this.peers) {
      const close = closeFor(change, peer.auth);
      if (!close || peer.revoked) continue;
      this.revoke(peer, close);
      closed++;
    }
    this.deps.logger.info({ change, closed }, 'access changed');
  }

  private revoke(peer: SocketPeer, close: AccessClose): void {
    peer.revoked = true;
    peer.close(close.code, close.reason);
  }

  /** Checks size, rate and shape of a frame; closes the connection and returns null if bad. */
  private admit(
    peer: SocketPeer,
    bucket: TokenBucket,
    data: Buffer,
    isBinary: boolean,
  ): ClientMessage | null {
    const { metrics, limits } = this.deps;
    if (!isBinary) {
      metrics.error('unsupported_data');
      peer.close(CloseCode.UnsupportedData, 'text frames are not supported; send binary frames');
      return null;
    }
    if (data.byteLength > limits.maxMessageBytes) {
      metrics.error('message_too_large');
      peer.close(
        CloseCode.MessageTooLarge,
        `message larger than the limit of ${limits.maxMessageBytes} bytes`,
      );
      return null;
    }
    if (!bucket.take()) {
      metrics.error('rate_limited');
      peer.close(CloseCode.PolicyViolation, 'message rate limit exceeded');
      return null;
    }
    try {
      return readClientMessage(data);
    } catch (error) {
      if (error instanceof UnknownMessageTypeError) {
        metrics.error('unknown_message_type');
        peer.close(CloseCode.PolicyViolation, error.message);
      } else {
        metrics.error('malformed_message');
        const detail = error instanceof MalformedMessageError ? error.message : 'malformed message';
        peer.close(CloseCode.MalformedMessage, detail);
      }
      return null;
    }
  }

  private deliver(room: DocumentRoom, peer: SocketPeer, message: ClientMessage): void {
    try {
      room.receive(peer, message);
    } catch (error) {
      // A bug must cost one connection, never the process or the other clients.
      this.deps.metrics.error('apply_failed');
      this.deps.logger.error({ err: error, doc: room.name, peer: peer.id }, 'message failed');
      peer.close(CloseCode.InternalError, 'the server could not process a message');
    }
  }

  /**
   * The document's authoritative state for the app: waits until every update the room received
   * before this call is stored and applied, then encodes the whole state. Loads the document if
   * needed (and lets it unload again when nobody is connected).
   *
   * With several instances, an edit another instance has stored may still be on its way through
   * the relay; a version saved now must not miss it, so the room first catches up from storage.
   */
  async snapshot(name: string): Promise<Uint8Array> {
    // A room this call loads reads storage after the call began (and after subscribing).
    const readStorageNow = !this.rooms.has(name) && !this.loading.has(name);
    const room = await this.acquire(name);
    try {
      await room.flushed();
      if (this.deps.relay.acrossInstances && !readStorageNow) await room.catchUpFromStorage();
      return Y.encodeStateAsUpdate(room.doc);
    } finally {
      this.scheduleUnloadIfIdle(room);
    }
  }

  /**
   * Writes an update on behalf of the app (a restore, a status change) the way an editor's is
   * written: stored first, then applied, sent to every client and relayed to other instances.
   * Resolves when it is stored; rejects when storage failed (nothing was applied then).
   */
  async applyServiceUpdate(name: string, update: Uint8Array, caller: ServiceCaller): Promise<void> {
    const room = await this.acquire(name);
    try {
      const peer = new ServicePeer(caller);
      room.writeFromService(peer, update);
      await room.flushed();
      if (peer.failure !== null) throw new Error(`storing the update failed: ${peer.failure}`);
    } finally {
      this.scheduleUnloadIfIdle(room);
    }
  }

  private async acquire(name: string): Promise<DocumentRoom> {
    if (this.stopping) throw new Error('server is shutting down');
    this.cancelIdleTimer(name);
    const loaded = this.rooms.get(name);
    if (loaded) return loaded;
    let pending = this.loading.get(name);
    if (!pending) {
      pending = this.load(name).finally(() => this.loading.delete(name));
      this.loading.set(name, pending);
    }
    return pending;
  }

  /**
   * Subscribes to other instances' messages first and reads storage second: an update stored
   * elsewhere is then either in what we read or among the messages buffered meanwhile.
   */
  private async load(name: string): Promise<DocumentRoom> {
    await this.unloading.get(name);
    const { storage, metrics, relay } = this.deps;
    const stopTimer = metrics.loadSeconds.startTimer();
    let room: DocumentRoom | null = null;
    const early: RelayMessage[] = [];
    await relay.subscribe(name, (message) =>
      room ? room.receiveRelayed(message) : early.push(message),
    );
    try {
      const [stored, entries] = await Promise.all([
        storage.loadDocument(name),
        storage.countUpdates(name),
      ]);
      const { state, appended } = await migrateStoredDocument(storage, name, stored);
      room = new DocumentRoom(name, state, entries + appended, this.deps);
    } catch (error) {
      await relay.unsubscribe(name);
      throw error;
    } finally {
      stopTimer();
    }
    for (const message of early) room.receiveRelayed(message);
    room.compactIfDue();
    this.rooms.set(name, room);
    metrics.documentsLoaded.set(this.rooms.size);
    return room;
  }

  private leave(room: DocumentRoom, peer: SocketPeer): void {
    room.leave(peer);
    this.scheduleUnloadIfIdle(room);
  }

  private scheduleUnloadIfIdle(room: DocumentRoom): void {
    if (room.peers.size > 0 || this.stopping || this.idleTimers.has(room.name)) return;
    const timer = setTimeout(() => {
      this.idleTimers.delete(room.name);
      if (room.peers.size === 0) void this.unload(room);
    }, this.deps.limits.idleUnloadMs);
    timer.unref();
    this.idleTimers.set(room.name, timer);
  }

  private cancelIdleTimer(name: string): void {
    const timer = this.idleTimers.get(name);
    if (timer) clearTimeout(timer);
    this.idleTimers.delete(name);
  }

  /** Stores what is pending, compacts, and frees the document. */
  private async unload(room: DocumentRoom): Promise<void> {
    if (this.rooms.get(room.name) !== room) return;
    this.rooms.delete(room.name);
    this.deps.metrics.documentsLoaded.set(this.rooms.size);
    const done = (async () => {
      await room.flushed();
      await this.deps.activity?.unloading(room.name, () => room.doc);
      await this.deps.relay.unsubscribe(room.name);
      await room.compactNow();
      room.destroy();
    })()
      .catch((error: unknown) => {
        this.deps.logger.error({ err: error, doc: room.name }, 'unloading document failed');
      })
      .finally(() => this.unloading.delete(room.name));
    this.unloading.set(room.name, done);
    await done;
  }

  private pingAll(): void {
    for (const peer of this.peers) {
      if (!peer.alive) {
        peer.socket.terminate();
        continue;
      }
      peer.alive = false;
      peer.socket.ping();
    }
  }

  /**
   * Graceful stop: close every connection (clients reconnect elsewhere), wait until their last
   * messages are stored, compact the documents' logs for up to `shutdownCompactMs`, then free all
   * documents. Storage stays open; its owner closes it.
   */
  async shutdown(closeTimeoutMs = 5_000): Promise<void> {
    this.stopping = true;
    clearInterval(this.pingTimer);
    for (const timer of this.idleTimers.values()) clearTimeout(timer);
    this.idleTimers.clear();
    const closed = [...this.peers].map(
      (peer) =>
        new Promise<void>((resolve) => {
          peer.socket.once('close', () => resolve());
          peer.close(CloseCode.GoingAway, 'server is shutting down');
          setTimeout(() => {
            peer.socket.terminate();
            resolve();
          }, closeTimeoutMs).unref();
        }),
    );
    await Promise.all(closed);
    await Promise.allSettled(this.loading.values());
    await Promise.allSettled(this.unloading.values());
    const compactUntil = performance.now() + this.deps.limits.shutdownCompactMs;
    const uncompacted: string[] = [];
    for (const room of this.rooms.values()) {
      await room.settle();
      await this.deps.activity?.unloading(room.name, () => room.doc);
      // The next start loads what is left here; a long log would make that first load slow.
      if (performance.now() < compactUntil) await room.compactNow();
      else if (room.hasUncompactedAppends) uncompacted.push(room.name);
      room.destroy();
    }
    if (uncompacted.length > 0) {
      this.deps.logger.warn(
        { docs: uncompacted.length, first: uncompacted[0], ms: this.deps.limits.shutdownCompactMs },
        'shutdown: time for compacting used up, logs of these documents left uncompacted',
      );
    }
    await this.deps.activity?.close();
    this.rooms.clear();
    this.deps.metrics.documentsLoaded.set(0);
  }
}

/**
 * Live comment events: "something changed in thread T of plan P". Subscribers (the SSE streams of
 * open boards) refetch the plan's threads; an event carries no content, so nothing a member may
 * not see travels through it. In-process by default; with `REDIS_URL` every instance also
 * publishes to and listens on Redis pub/sub, so a comment written through one app instance reaches
 * boards connected to another.
 */
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { Redis } from 'ioredis';
import { appConfig } from './config.js';

/** What happened; `reason` lets a board announce it without refetching to find out. */
export interface CommentEvent {
  planId: string;
  threadId: string;
  reason: 'created' | 'replied' | 'edited' | 'deleted' | 'status' | 'reanchored';
  /** Who did it (a board does not announce its own user's changes). */
  actorId: string;
}

export type CommentListener = (event: CommentEvent) => void;

export interface CommentEventBusOptions {
  /** Redis to share events with other instances; none: this process only. */
  redisUrl?: string;
  /** Channel prefix (tests use a unique one per run). */
  channelPrefix?: string;
  /**
   * How long a publish waits for the first connection to Redis (the bus is created on first use,
   * so its first events would otherwise find the connection still opening). Default 3 s.
   */
  connectWaitMs?: number;
}

export class CommentEventBus {
  private readonly local = new EventEmitter();
  private readonly instanceId = randomUUID();
  private readonly channel: string;
  private readonly publisher?: Redis;
  private readonly subscriber?: Redis;
  /** Settles when the publisher first connected, or when waiting for that is over. */
  private publisherStarted: Promise<void> = Promise.resolve();

  constructor(options: CommentEventBusOptions = {}) {
    // Every open board is one listener; the default limit of 10 would only warn.
    this.local.setMaxListeners(0);
    this.channel = `${options.channelPrefix ?? 'prozesswerkstatt:'}comments`;
    if (options.redisUrl) {
      const settings = { maxRetriesPerRequest: null } as const;
      // Events are best effort (a board refetches when its stream reopens): while Redis is away a
      // publish fails at once instead of queueing without bound until it is back.
      this.publisher = new Redis(options.redisUrl, { ...settings, enableOfflineQueue: false });
      const publisher = this.publisher;
      this.publisherStarted = new Promise((resolve) => {
        publisher.once('ready', () => resolve());
        setTimeout(resolve, options.connectWaitMs ?? 3000).unref();
      });
      this.subscriber = new Redis(options.redisUrl, settings);
      for (const connection of [this.publisher, this.subscriber]) {
        // ioredis reconnects by itself; a board that misses events refetches on reconnect.
        connection.on('error', (error: Error) =>
          console.warn('comment events: redis', error.message),
        );
      }
      void this.subscriber.subscribe(this.channel);
      this.subscriber.on('message', (_channel: string, message: string) => this.receive(message));
    }
  }

  /** Resolves once Redis (if any) is subscribed; for tests and start-up checks. */
  async ready(): Promise<void> {
    if (!this.subscriber) return;
    await this.subscriber.subscribe(this.channel);
  }

  /** Tells this instance's subscribers at once, and the other instances through Redis. */
  /** Never throws: a failed publish to Redis (e.g. during an outage) is logged, not raised. */
  publish(event: CommentEvent): void {
    this.local.emit(event.planId, event);
    if (!this.publisher) return;
    const failed = (error: unknown) =>
      console.warn(
        'comment events: publish failed',
        error instanceof Error ? error.message : String(error),
      );
    const publisher = this.publisher;
    const message = JSON.stringify({ from: this.instanceId, event });
    // Only the very first connection is waited for; later, while Redis is away, it fails at once.
    void this.publisherStarted.then(() => publisher.publish(this.channel, message)).catch(failed);
  }

  /** Calls `listener` for every event of `planId` until the returned function is called. */
  subscribe(planId: string, listener: CommentListener): () => void {
    this.local.on(planId, listener);
    return () => this.local.off(planId, listener);
  }

  private receive(message: string): void {
    try {
      const { from, event } = JSON.parse(message) as { from: string; event: CommentEvent };
      if (from === this.instanceId || typeof event?.planId !== 'string') return;
      this.local.emit(event.planId, event);
    } catch {
      // Not ours: another writer on the channel. Ignore it.
    }
  }

  async close(): Promise<void> {
    this.local.removeAllListeners();
    // A connection that is not up (Redis away) would wait for it to `quit`; just drop it.
    await Promise.all(
      [this.publisher, this.subscriber].map(async (connection) => {
        if (connection?.status === 'ready') await connection.quit().catch(() => undefined);
        connection?.disconnect();
      }),
    );
  }
}

let bus: CommentEventBus | undefined;

/** The app's one bus, created on first use from `REDIS_URL`. */
export function commentEvents(): CommentEventBus {
  if (bus === undefined) {
    const created = new CommentEventBus({ redisUrl: appConfig().REDIS_URL });
    // adapter-node emits this once the HTTP server has closed; open Redis connections would
    // otherwise keep the process alive after SIGTERM.
    process.once('sveltekit:shutdown', () => void created.close());
    bus = created;
  }
  return bus;
}

/** Closers of the open event streams, ended when the process is asked to stop. */
const openStreams = new Set<() => void>();
let shutdownHooked = false;

/**
 * Tracks an open event stream so a SIGTERM/SIGINT ends it: the HTTP server's graceful shutdown
 * waits for active connections, and a stream never finishes by itself. Browsers reconnect (to
 * another instance, or this one once it is back). Returns the untrack function.
 */
export function trackStream(close: () => void): () => void {
  if (!shutdownHooked) {
    shutdownHooked = true;
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      process.once(signal, () => {
        for (const end of [...openStreams]) end();
      });
    }
  }
  openStreams.add(close);
  return () => openStreams.delete(close);
}

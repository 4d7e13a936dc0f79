/**
 * Live plan events: "something changed in plan P" (a comment thread, a contribution, a measure).
 * Subscribers are the SSE streams of open pages, which refetch what they may see; an event
 * carries ids, never content, so nothing a member may not read travels through it. In-process by
 * default; with `REDIS_URL` every instance also publishes to and listens on one Redis pub/sub
 * channel per feature, so a write through one app instance reaches pages connected to another.
 * Comments (`comment-events.ts`) and results (`results/result-events.ts`) are two buses of this
 * one kind.
 */
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { Redis } from 'ioredis';
import { appConfig } from './config.js';

/** What every plan event has: the plan it concerns (the key subscribers listen on). */
export interface PlanEvent {
  planId: string;
}

export interface PlanEventBusOptions {
  /** Redis to share events with other instances; none: this process only. */
  redisUrl?: string;
  /** Channel prefix (tests use a unique one per run). Default `prozesswerkstatt:`. */
  channelPrefix?: string;
  /**
   * How long a publish waits for the first connection to Redis (the bus is created on first use,
   * so its first events would otherwise find the connection still opening). Default 3 s.
   */
  connectWaitMs?: number;
}

/** The feature a bus serves: its Redis channel (after the prefix) and its name in the log. */
export interface PlanEventFeature {
  /** `comments`, `results`: the channel is `<prefix><channel>`. */
  channel: string;
  /** Starts each log line, e.g. `comment events`. */
  logName: string;
}

export class PlanEventBus<E extends PlanEvent> {
  private readonly local = new EventEmitter();
  private readonly instanceId = randomUUID();
  private readonly channel: string;
  private readonly logName: string;
  private readonly publisher?: Redis;
  private readonly subscriber?: Redis;
  /** Settles when the publisher first connected, or when waiting for that is over. */
  private publisherStarted: Promise<void> = Promise.resolve();

  constructor(feature: PlanEventFeature, options: PlanEventBusOptions = {}) {
    // Every open page is one listener; the default limit of 10 would only warn.
    this.local.setMaxListeners(0);
    this.channel = `${options.channelPrefix ?? 'prozesswerkstatt:'}${feature.channel}`;
    this.logName = feature.logName;
    if (options.redisUrl) {
      const settings = { maxRetriesPerRequest: null } as const;
      // Events are best effort (a page refetches when its stream reopens): while Redis is away a
      // publish fails at once instead of queueing without bound until it is back.
      this.publisher = new Redis(options.redisUrl, { ...settings, enableOfflineQueue: false });
      const publisher = this.publisher;
      this.publisherStarted = new Promise((resolve) => {
        publisher.once('ready', () => resolve());
        setTimeout(resolve, options.connectWaitMs ?? 3000).unref();
      });
      this.subscriber = new Redis(options.redisUrl, settings);
      for (const connection of [this.publisher, this.subscriber]) {
        // ioredis reconnects by itself; a page that misses events refetches on reconnect.
        connection.on('error', (error: Error) =>
          console.warn(`${this.logName}: redis`, error.message),
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

  /**
   * Tells this instance's subscribers at once, and the other instances through Redis. Never
   * throws: a failed publish to Redis (e.g. during an outage) is logged, not raised.
   */
  publish(event: E): void {
    this.local.emit(event.planId, event);
    if (!this.publisher) return;
    const failed = (error: unknown) =>
      console.warn(
        `${this.logName}: publish failed`,
        error instanceof Error ? error.message : String(error),
      );
    const publisher = this.publisher;
    const message = JSON.stringify({ from: this.instanceId, event });
    // Only the very first connection is waited for; later, while Redis is away, it fails at once.
    void this.publisherStarted.then(() => publisher.publish(this.channel, message)).catch(failed);
  }

  /** Calls `listener` for every event of `planId` until the returned function is called. */
  subscribe(planId: string, listener: (event: E) => void): () => void {
    this.local.on(planId, listener);
    return () => this.local.off(planId, listener);
  }

  private receive(message: string): void {
    try {
      const { from, event } = JSON.parse(message) as { from: string; event: E };
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

/**
 * The app's one bus of a feature, made on first use by `create` from `REDIS_URL` and closed when
 * the server shuts down. Returns the getter.
 */
export function appBus<B extends { close(): Promise<void> }>(
  create: (options: PlanEventBusOptions) => B,
): () => B {
  let bus: B | undefined;
  return () => {
    if (bus === undefined) {
      const created = create({ redisUrl: appConfig().REDIS_URL });
      // adapter-node emits this once the HTTP server has closed; open Redis connections would
      // otherwise keep the process alive after SIGTERM.
      process.once('sveltekit:shutdown', () => void created.close());
      bus = created;
    }
    return bus;
  };
}

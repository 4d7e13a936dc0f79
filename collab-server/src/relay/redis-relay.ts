import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Logger } from '../logger.js';
import type { CollabMetrics } from '../metrics.js';
import { parseAccessChange, type AccessChange } from '../access/access-change.js';
import type { AccessHandler, DocumentRelay, RelayHandler, RelayMessage } from './document-relay.js';
import { decodeRelayFrame, encodeRelayFrame } from './relay-frame.js';

/** Channel of one document; the prefix keeps us apart from other users of the same Redis. */
const channelOf = (docName: string) => `prozesswerkstatt:doc:${docName}`;

/**
 * One channel for the access changes of all documents, which every instance subscribes to from
 * the start: a change must reach connections on instances that have not loaded the document yet
 * as a record (see `AccessRevocations`). JSON: `{ from, at, change }`.
 */
const ACCESS_CHANNEL = 'prozesswerkstatt:access';

/**
 * Relay over Redis pub/sub: one connection publishes, one subscribes (a subscribed Redis
 * connection can do nothing else). ioredis reconnects by itself and re-subscribes; messages
 * published while an instance was cut off are lost to it, which `onResume` makes good.
 */
export class RedisRelay implements DocumentRelay {
  readonly acrossInstances = true;
  private readonly instanceId = randomBytes(16);
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly handlers = new Map<string, RelayHandler>();
  private readonly resumeCallbacks: (() => void)[] = [];
  private readonly accessHandlers: AccessHandler[] = [];
  private readonly accessSubscribed: Promise<unknown>;
  private wasReady = false;

  constructor(
    url: string,
    private readonly metrics: CollabMetrics,
    private readonly logger: Logger,
  ) {
    const options = { maxRetriesPerRequest: null, lazyConnect: false } as const;
    this.publisher = new Redis(url, options);
    this.subscriber = new Redis(url, options);
    for (const [role, connection] of [
      ['publisher', this.publisher],
      ['subscriber', this.subscriber],
    ] as const) {
      connection.on('error', (error: Error) => {
        metrics.error('redis');
        logger.warn({ err: error, role }, 'redis connection error');
      });
    }
    this.subscriber.on('ready', () => {
      if (this.wasReady) {
        logger.info('redis relay resumed; loaded documents catch up from storage');
        for (const callback of this.resumeCallbacks) callback();
      }
      this.wasReady = true;
    });
    this.subscriber.on('messageBuffer', (channel: Buffer, frame: Buffer) =>
      channel.toString() === ACCESS_CHANNEL
        ? this.receiveAccess(frame)
        : this.receive(channel.toString(), frame),
    );
    // ioredis subscribes again by itself after a reconnect.
    this.accessSubscribed = this.subscriber.subscribe(ACCESS_CHANNEL);
  }

  /** Waits until both connections are ready (start-up fails loudly if Redis is unreachable). */
  async ready(timeoutMs = 10_000): Promise<void> {
    const waitFor = (connection: Redis) =>
      connection.status === 'ready'
        ? Promise.resolve()
        : new Promise<void>((resolve, reject) => {
            const timer = setTimeout(
              () => reject(new Error(`redis not ready after ${timeoutMs} ms`)),
              timeoutMs,
            );
            connection.once('ready', () => {
              clearTimeout(timer);
              resolve();
            });
          });
    await Promise.all([waitFor(this.publisher), waitFor(this.subscriber)]);
    await this.accessSubscribed;
  }

  async subscribe(docName: string, handler: RelayHandler): Promise<void> {
    this.handlers.set(docName, handler);
    await this.subscriber.subscribe(channelOf(docName));
  }

  async unsubscribe(docName: string): Promise<void> {
    this.handlers.delete(docName);
    await this.subscriber.unsubscribe(channelOf(docName));
  }

  publishUpdate(docName: string, update: Uint8Array): void {
    this.publish(docName, { kind: 'update', update, sentAt: Date.now() });
  }

  publishAwareness(docName: string, update: Uint8Array): void {
    this.publish(docName, { kind: 'awareness', update, sentAt: Date.now() });
  }

  publishAccess(change: AccessChange, at: number): void {
    const message = JSON.stringify({ from: this.instanceId.toString('hex'), at, change });
    this.publisher.publish(ACCESS_CHANNEL, message).catch((error: unknown) => {
      this.metrics.error('redis');
      this.logger.error(
        { err: error, change },
        'publishing an access change failed; other instances close those connections at token expiry',
      );
    });
  }

  onAccess(handler: AccessHandler): void {
    this.accessHandlers.push(handler);
  }

  onResume(callback: () => void): void {
    this.resumeCallbacks.push(callback);
  }

  async close(): Promise<void> {
    this.handlers.clear();
    await Promise.allSettled([this.subscriber.quit(), this.publisher.quit()]);
  }

  private publish(docName: string, message: RelayMessage): void {
    const frame = encodeRelayFrame(this.instanceId, message);
    this.publisher.publish(channelOf(docName), frame).catch((error: unknown) => {
      this.metrics.error('redis');
      this.logger.warn({ err: error, doc: docName }, 'redis publish failed');
    });
  }

  private receiveAccess(frame: Buffer): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(frame.toString('utf8'));
    } catch {
      return;
    }
    if (typeof parsed !== 'object' || parsed === null) return;
    const { from, at, change } = parsed as { from?: unknown; at?: unknown; change?: unknown };
    if (from === this.instanceId.toString('hex') || typeof at !== 'number') return;
    const accessChange = parseAccessChange(change);
    if (!accessChange) return;
    for (const handler of this.accessHandlers) handler(accessChange, at);
  }

  private receive(channel: string, frame: Buffer): void {
    const decoded = decodeRelayFrame(frame);
    if (!decoded || decoded.instanceId.equals(this.instanceId)) return;
    const docName = channel.slice(channelOf('').length);
    const handler = this.handlers.get(docName);
    if (!handler) return;
    this.metrics.relayLagSeconds.observe(Math.max(0, Date.now() - decoded.message.sentAt) / 1000);
    handler(decoded.message);
  }
}

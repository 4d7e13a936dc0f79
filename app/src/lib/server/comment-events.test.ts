import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CommentEventBus, type CommentEvent } from './comment-events.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

function event(planId: string, threadId = 't1'): CommentEvent {
  return { planId, threadId, reason: 'created', actorId: 'u1' };
}

/** Resolves with the next event `bus` delivers for `planId`. */
function nextEvent(bus: CommentEventBus, planId: string): Promise<CommentEvent> {
  return new Promise((resolve) => {
    const stop = bus.subscribe(planId, (received) => {
      stop();
      resolve(received);
    });
  });
}

describe('comment event bus', () => {
  const buses: CommentEventBus[] = [];
  afterEach(async () => {
    await Promise.all(buses.splice(0).map((bus) => bus.close()));
  });

  it('delivers to subscribers of the same plan only, until they unsubscribe', () => {
    const bus = new CommentEventBus();
    buses.push(bus);
    const seen: string[] = [];
    const stop = bus.subscribe('p1', (e) => seen.push(e.threadId));
    bus.subscribe('p2', (e) => seen.push(`other ${e.threadId}`));
    bus.publish(event('p1', 'a'));
    stop();
    bus.publish(event('p1', 'b'));
    expect(seen).toEqual(['a']);
  });

  it('shares events between instances through the real Redis, once each', async () => {
    const channelPrefix = `pw-test-${randomUUID()}:`;
    const a = new CommentEventBus({ redisUrl: REDIS_URL, channelPrefix });
    const b = new CommentEventBus({ redisUrl: REDIS_URL, channelPrefix });
    const elsewhere = new CommentEventBus({
      redisUrl: REDIS_URL,
      channelPrefix: `${channelPrefix}x:`,
    });
    buses.push(a, b, elsewhere);
    await Promise.all([a.ready(), b.ready(), elsewhere.ready()]);

    const onA: CommentEvent[] = [];
    const onElsewhere: CommentEvent[] = [];
    a.subscribe('p1', (e) => onA.push(e));
    elsewhere.subscribe('p1', (e) => onElsewhere.push(e));
    const atB = nextEvent(b, 'p1');
    a.publish(event('p1', 'from-a'));
    expect(await atB).toEqual(event('p1', 'from-a'));

    const backAtA = nextEvent(a, 'p1');
    b.publish(event('p1', 'from-b'));
    await backAtA;
    // A got its own event once (locally, not again through Redis) and B's once.
    expect(onA.map((e) => e.threadId)).toEqual(['from-a', 'from-b']);
    expect(onElsewhere).toEqual([]);
  });

  it('publishes locally and logs, without queueing or throwing, while Redis is unreachable', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      // Nothing listens on port 1: the connection is refused and keeps retrying.
      const bus = new CommentEventBus({ redisUrl: 'redis://127.0.0.1:1', connectWaitMs: 100 });
      buses.push(bus);
      const seen: CommentEvent[] = [];
      bus.subscribe('p1', (e) => seen.push(e));
      expect(() => bus.publish(event('p1'))).not.toThrow();
      expect(seen).toEqual([event('p1')]);
      // The publish fails once the first connection is not there in time (no offline queue),
      // and says so in the log.
      await vi.waitFor(
        () =>
          expect(warn).toHaveBeenCalledWith('comment events: publish failed', expect.any(String)),
        { timeout: 2000 },
      );
    } finally {
      warn.mockRestore();
    }
  });
});

import { describe, expect, it } from 'vitest';
import { decodeRelayFrame, encodeRelayFrame } from './relay-frame.js';

describe('relay frames', () => {
  const instance = Uint8Array.from({ length: 16 }, (_, i) => i);

  it('round-trip kind, instance, time and payload', () => {
    for (const kind of ['update', 'awareness'] as const) {
      const frame = encodeRelayFrame(instance, {
        kind,
        update: Uint8Array.of(7, 8, 9),
        sentAt: 1_700_000_000_123.5,
      });
      const decoded = decodeRelayFrame(frame);
      expect(decoded?.message).toEqual({
        kind,
        sentAt: 1_700_000_000_123.5,
        update: Buffer.of(7, 8, 9),
      });
      expect([...decoded!.instanceId]).toEqual([...instance]);
    }
  });

  it('ignores frames that are not ours', () => {
    expect(decodeRelayFrame(Buffer.from('hello'))).toBeNull();
    const frame = encodeRelayFrame(instance, {
      kind: 'update',
      update: Uint8Array.of(1),
      sentAt: 0,
    });
    frame[0] = 9;
    expect(decodeRelayFrame(frame)).toBeNull();
  });
});

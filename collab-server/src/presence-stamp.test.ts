import * as decoding from 'lib0/decoding';
import { describe, expect, it } from 'vitest';
import type { VerifiedCollabToken } from '@prozesswerkstatt/contract/token';
import { stampPresence } from './presence-stamp.js';

const viewer: VerifiedCollabToken = {
  userId: 'u-viewer',
  name: 'Vera',
  docName: 'plans/p',
  role: 'viewer',
  issuedAt: 0,
  expiresAt: 0,
};

function decode(update: Uint8Array): { clientId: number; clock: number; state: unknown }[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  return Array.from({ length: count }, () => ({
    clientId: decoding.readVarUint(decoder),
    clock: decoding.readVarUint(decoder),
    state: JSON.parse(decoding.readVarString(decoder)) as unknown,
  }));
}

describe('stampPresence', () => {
  it('overwrites the claimed identity and keeps the other fields', () => {
    const claimed = {
      name: 'Boss',
      color: '#123456',
      user: { id: 'u-boss', name: 'Boss', role: 'facilitator', colorIndex: 5 },
    };
    const [entry] = decode(stampPresence([{ clientId: 7, clock: 3, state: claimed }], viewer));
    expect(entry).toEqual({
      clientId: 7,
      clock: 3,
      state: {
        name: 'Vera',
        color: '#123456',
        user: { id: 'u-viewer', name: 'Vera', role: 'viewer', colorIndex: 5 },
      },
    });
  });

  it('keeps a removal a removal and replaces a state that is no object', () => {
    const entries = decode(
      stampPresence(
        [
          { clientId: 1, clock: 2, state: null },
          { clientId: 1, clock: 3, state: [1, 2] },
          { clientId: 1, clock: 4, state: { user: 'Boss' } },
        ],
        viewer,
      ),
    );
    const user = { id: 'u-viewer', name: 'Vera', role: 'viewer' };
    expect(entries.map((e) => e.state)).toEqual([
      null,
      { name: 'Vera', user },
      { name: 'Vera', user },
    ]);
  });
});

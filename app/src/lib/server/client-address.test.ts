import { describe, expect, it } from 'vitest';
import { UNKNOWN_CLIENT, clientAddress } from './client-address.js';

describe('clientAddress', () => {
  it('passes the adapter’s address on and maps a missing header to one shared key', () => {
    expect(clientAddress(() => ' 10.1.2.3 ')).toBe('10.1.2.3');
    expect(clientAddress(() => '')).toBe(UNKNOWN_CLIENT);
    expect(
      clientAddress(() => {
        throw new Error('Address header was specified but is absent from request');
      }),
    ).toBe(UNKNOWN_CLIENT);
  });
});

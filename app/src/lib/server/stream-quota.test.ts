import { describe, expect, it } from 'vitest';
import { StreamQuota } from './stream-quota.js';

describe('StreamQuota', () => {
  it('refuses a stream beyond the limit per user and frees slots on release', () => {
    const quota = new StreamQuota(2);
    const first = quota.acquire('ada');
    const second = quota.acquire('ada');
    expect(first).not.toBeNull();
    expect(second).not.toBeNull();
    expect(quota.acquire('ada')).toBeNull();
    expect(quota.acquire('bob')).not.toBeNull();

    first!();
    first!();
    expect(quota.openFor('ada')).toBe(1);
    expect(quota.acquire('ada')).not.toBeNull();
    expect(quota.acquire('ada')).toBeNull();
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { announceMemberChange } from './live-access.js';

describe('announceMemberChange', () => {
  const before = { ...process.env };
  afterEach(() => {
    process.env = { ...before };
    vi.restoreAllMocks();
  });

  it('never fails the committed change when the collab-server is away, and logs it', async () => {
    process.env.COLLAB_INTERNAL_URL = 'http://127.0.0.1:9';
    process.env.COLLAB_AUTH_SECRET = 's'.repeat(40);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await expect(
      announceMemberChange({ docName: 'plans/a' }, 'fac', 'ed', 'viewer'),
    ).resolves.toBeUndefined();
    expect(warn).toHaveBeenCalledOnce();
    expect(String(warn.mock.calls[0]?.[0])).toContain('ed is now viewer in plans/a');
  });
});

import { describe, expect, it } from 'vitest';
import { readStoredUserAgent, storedUserAgent, summarizeUserAgent } from './user-agent-summary.js';

describe('summarizeUserAgent', () => {
  it('names common browsers and systems', () => {
    expect(
      summarizeUserAgent(
        'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
      ),
    ).toEqual({ browser: 'Chrome', system: 'Linux' });
    expect(
      summarizeUserAgent(
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0',
      ),
    ).toEqual({ browser: 'Firefox', system: 'Windows' });
    expect(
      summarizeUserAgent(
        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
      ),
    ).toEqual({ browser: 'Safari', system: 'iOS' });
    expect(
      summarizeUserAgent(
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
      ).browser,
    ).toBe('Edge');
  });

  it('keeps nothing of an unknown or hostile header', () => {
    expect(summarizeUserAgent('curl/8.5.0')).toEqual({ browser: null, system: null });
    expect(storedUserAgent('\u202E<script>evil</script>')).toBeNull();
    expect(storedUserAgent(undefined)).toBeNull();
  });

  it('stores browser and system and reads them back', () => {
    const stored = storedUserAgent('Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Firefox/133.0');
    expect(stored).toBe('Firefox|Linux');
    expect(readStoredUserAgent(stored)).toEqual({ browser: 'Firefox', system: 'Linux' });
    expect(readStoredUserAgent(null)).toEqual({ browser: null, system: null });
  });
});

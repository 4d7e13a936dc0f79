import { describe, expect, it } from 'vitest';
import { readEnvConfig, resolveLimits } from './config.js';

const secret = 'x'.repeat(32);

describe('readEnvConfig', () => {
  it('applies defaults and reads limits', () => {
    const config = readEnvConfig({ COLLAB_AUTH_SECRET: secret, COLLAB_MAX_MESSAGE_BYTES: '1024' });
    expect(config).toMatchObject({ host: '127.0.0.1', port: 1234, dataDir: './data' });
    expect(resolveLimits(config.limits).maxMessageBytes).toBe(1024);
    expect(resolveLimits(config.limits).messagesPerSecond).toBe(200);
    expect(resolveLimits(config.limits).checkpointIntervalMs).toBe(600_000);
    const quick = readEnvConfig({
      COLLAB_AUTH_SECRET: secret,
      COLLAB_CHECKPOINT_INTERVAL_MS: '5000',
    });
    expect(resolveLimits(quick.limits).checkpointIntervalMs).toBe(5000);
  });

  it('names the variable at fault', () => {
    expect(() => readEnvConfig({})).toThrow(/COLLAB_AUTH_SECRET/);
    expect(() => readEnvConfig({ COLLAB_AUTH_SECRET: secret, PORT: 'x' })).toThrow(/PORT/);
    expect(() =>
      readEnvConfig({ COLLAB_AUTH_SECRET: secret, COLLAB_IDLE_UNLOAD_MS: '-1' }),
    ).toThrow(/COLLAB_IDLE_UNLOAD_MS/);
  });

  it('takes 0 only where it means "none": compacting on shutdown', () => {
    const none = readEnvConfig({ COLLAB_AUTH_SECRET: secret, COLLAB_SHUTDOWN_COMPACT_MS: '0' });
    expect(resolveLimits(none.limits).shutdownCompactMs).toBe(0);
    expect(resolveLimits({}).shutdownCompactMs).toBe(10_000);
    expect(() =>
      readEnvConfig({ COLLAB_AUTH_SECRET: secret, COLLAB_SHUTDOWN_COMPACT_MS: '-1' }),
    ).toThrow(/COLLAB_SHUTDOWN_COMPACT_MS must be a non-negative integer/);
    expect(() => readEnvConfig({ COLLAB_AUTH_SECRET: secret, COLLAB_IDLE_UNLOAD_MS: '0' })).toThrow(
      /COLLAB_IDLE_UNLOAD_MS must be a positive integer/,
    );
  });
});

import { describe, expect, it } from 'vitest';
import { appEnv } from './app-env.js';
import { collabServerEnv } from './collab-server-env.js';
import { ConfigError, configReader, parseEnv } from './parse-env.js';
import { startEnv } from './start-env.js';

const secret = 's'.repeat(32);

describe('parseEnv', () => {
  it('gives each process its defaults, treating blank values as unset', () => {
    expect(parseEnv('app', appEnv, { HOST: ' ', PORT: '' })).toMatchObject({
      HOST: '0.0.0.0',
      PORT: 3000,
      DATA_DIR: './data',
      REGISTRATION_LIMIT_PER_HOUR: 30,
      XFF_DEPTH: 1,
    });
    expect(
      parseEnv('collab-server', collabServerEnv, { COLLAB_AUTH_SECRET: secret }),
    ).toMatchObject({ HOST: '127.0.0.1', PORT: 1234, DATA_DIR: './data', LOG_LEVEL: 'info' });
    expect(parseEnv('start', startEnv, {})).toMatchObject({ HOST: '127.0.0.1', COLLAB_PORT: 1234 });
    expect(parseEnv('start', startEnv, {}).PORT).toBeUndefined();
  });

  it('names every variable at fault and what it must be, but never shows a secret', () => {
    const parse = (): unknown =>
      parseEnv('app', appEnv, {
        PORT: 'eighty',
        ORIGIN: 'localhost:3000',
        COLLAB_AUTH_SECRET: 'too short',
        REGISTRATION_LIMIT_PER_HOUR: '0',
      });
    expect(parse).toThrow(ConfigError);
    expect(parse).toThrow(
      'app: PORT must be an integer between 0 and 65535, got "eighty"; ' +
        'ORIGIN must be a URL starting with http:// or https://, got "localhost:3000"; ' +
        'COLLAB_AUTH_SECRET must be at least 32 characters long; ' +
        'REGISTRATION_LIMIT_PER_HOUR must be a positive integer, got "0"',
    );
  });

  it('requires the secret of the collab-server, which has nowhere to generate one', () => {
    expect(() => parseEnv('collab-server', collabServerEnv, {})).toThrow(
      'collab-server: COLLAB_AUTH_SECRET must be set to at least 32 characters',
    );
  });
});

describe('configReader', () => {
  it('parses again only when one of its variables changed', () => {
    const read = configReader('app', appEnv);
    const env: Record<string, string | undefined> = { PORT: '4000', UNRELATED: 'a' };
    const first = read(env);
    env.UNRELATED = 'b';
    expect(read(env)).toBe(first);
    env.PORT = '4001';
    expect(read(env).PORT).toBe(4001);
    env.PORT = 'x';
    expect(() => read(env)).toThrow(/PORT/);
  });
});

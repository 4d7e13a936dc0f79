import { describe, expect, it } from 'vitest';
import {
  cacheNames,
  isBoardPage,
  isSignedOutPage,
  isStorableBoardResponse,
  readWorkerMessage,
} from './cache-policy';

const origin = 'http://127.0.0.1:3000';
const url = (path: string, base = origin) => new URL(path, base);

describe('isBoardPage', () => {
  it('accepts the board of a plan in both languages', () => {
    expect(isBoardPage(url('/plans/abc_DEF-1'), origin)).toBe(true);
    expect(isBoardPage(url('/en/plans/abc?thread=t1'), origin)).toBe(true);
  });

  it('refuses every other page, API route and foreign origin', () => {
    for (const path of [
      '/',
      '/plans/new',
      '/plans/import',
      '/plans/abc/collab-token',
      '/plans/abc/comments',
      '/plans/abc/export/json',
      '/plans/abc/members',
      '/login',
      '/logout',
    ]) {
      expect(isBoardPage(url(path), origin), path).toBe(false);
    }
    expect(isBoardPage(url('/plans/abc', 'http://example.org'), origin)).toBe(false);
  });
});

describe('isSignedOutPage', () => {
  it('recognises the login and registration pages', () => {
    expect(isSignedOutPage(url('/login?redirectTo=/plans/a'), origin)).toBe(true);
    expect(isSignedOutPage(url('/en/register'), origin)).toBe(true);
    expect(isSignedOutPage(url('/plans/a'), origin)).toBe(false);
  });
});

describe('isStorableBoardResponse', () => {
  it('stores only a direct 200 from the own origin', () => {
    expect(isStorableBoardResponse({ status: 200, redirected: false, type: 'basic' })).toBe(true);
    expect(isStorableBoardResponse({ status: 200, redirected: true, type: 'basic' })).toBe(false);
    expect(isStorableBoardResponse({ status: 404, redirected: false, type: 'basic' })).toBe(false);
    expect(isStorableBoardResponse({ status: 0, redirected: false, type: 'opaque' })).toBe(false);
  });
});

describe('cacheNames', () => {
  it('names both caches after the build version', () => {
    expect(cacheNames('123')).toEqual({ shell: 'shell-123', pages: 'pages-123' });
  });
});

describe('readWorkerMessage', () => {
  it('reads the two messages a page may send', () => {
    expect(readWorkerMessage({ type: 'clear-private' })).toEqual({ type: 'clear-private' });
    expect(readWorkerMessage({ type: 'keep-board', url: '/plans/a' })).toEqual({
      type: 'keep-board',
      url: '/plans/a',
    });
  });

  it('ignores anything else', () => {
    for (const data of [null, 'clear-private', { type: 'keep-board' }, { type: 'other' }, 3]) {
      expect(readWorkerMessage(data)).toBeNull();
    }
  });
});

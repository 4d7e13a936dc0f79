import { describe, expect, it } from 'vitest';
import { isProtectedRoute, safeNext } from './protected-routes.js';

describe('protected routes', () => {
  it('protects plans, admin and invitations, nothing else', () => {
    for (const id of [
      '/plans/new',
      '/plans/[id]',
      '/plans/[id]/collab-token',
      '/admin',
      '/invite/[token]',
      '/methods',
      '/methods/[id]/edit',
    ]) {
      expect(isProtectedRoute(id), id).toBe(true);
    }
    for (const id of [
      '/',
      '/login',
      '/register',
      '/healthz',
      '/plansomething',
      '/methodsx',
      null,
    ]) {
      expect(isProtectedRoute(id), String(id)).toBe(false);
    }
  });
});

describe('safeNext', () => {
  it('keeps same-site paths with query and fragment', () => {
    expect(safeNext('/plans/abc?x=1#y')).toBe('/plans/abc?x=1#y');
    expect(safeNext('/en/invite/tok')).toBe('/en/invite/tok');
  });

  it('turns anything that could leave the site into /', () => {
    for (const next of [
      null,
      '',
      'https://evil.example/',
      '//evil.example/',
      '/\\evil.example/',
      '/\t/evil.example/',
      '/\n/evil.example',
      'javascript:alert(1)',
    ]) {
      expect(safeNext(next), JSON.stringify(next)).toBe('/');
    }
  });

  it('refuses the reported attack: a path that resolves to //host (decoded as by the query)', () => {
    const next = new URLSearchParams('next=%2F..%2F%2Fevil.example%2Fx').get('next');
    expect(next).toBe('/..//evil.example/x');
    expect(safeNext(next)).toBe('/');
  });

  it('refuses dot segments, encoded slashes and backslashes that lead off the site', () => {
    for (const next of [
      '/..//evil.example/x',
      '/../..//evil.example/x',
      '/./..//evil.example',
      '/%2e%2e//evil.example/x',
      '/.%2e//evil.example/x',
      '/%2F%2Fevil.example/x',
      '/%2f/evil.example',
      '/%252F%252Fevil.example',
      '/%5Cevil.example',
      '/%5C%5Cevil.example',
      '\\\\evil.example',
      '/\\/evil.example',
      '/..%2F%2Fevil.example',
      '/%09/evil.example',
      '/%0A/evil.example',
      '/x\u0000',
      'http:/evil.example',
      'HTTPS://evil.example',
      '%2F%2Fevil.example',
      '/%E0%A4%A',
      `/${'a'.repeat(2001)}`,
    ]) {
      expect(safeNext(next), JSON.stringify(next)).toBe('/');
    }
  });

  it('keeps what it returns stable: a second pass gives the same path', () => {
    for (const next of ['/plans/abc?x=1#y', '/en/invite/tok', '/plans/a/../b', '/plans/%C3%A4']) {
      const once = safeNext(next);
      expect(once.startsWith('/') && !once.startsWith('//')).toBe(true);
      expect(safeNext(once)).toBe(once);
    }
    expect(safeNext('/plans/a/../b')).toBe('/plans/b');
  });
});

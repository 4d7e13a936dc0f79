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
    ]) {
      expect(isProtectedRoute(id), id).toBe(true);
    }
    for (const id of ['/', '/login', '/register', '/healthz', '/plansomething', null]) {
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
});

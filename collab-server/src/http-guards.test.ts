import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { isLoopbackAddress, metricsAccess, originAllowed, parseOrigins } from './http-guards.js';

function request(remoteAddress: string, authorization?: string): IncomingMessage {
  return { socket: { remoteAddress }, headers: { authorization } } as unknown as IncomingMessage;
}

describe('http guards', () => {
  it('compares origins in their normal form and lets everything pass when none are configured', () => {
    const allowed = parseOrigins('https://Plans.Example.org:443/, http://127.0.0.1:3000');
    expect(allowed).toEqual(['https://plans.example.org', 'http://127.0.0.1:3000']);
    expect(originAllowed('https://plans.example.org', allowed)).toBe(true);
    expect(originAllowed('https://plans.example.org.evil.example', allowed)).toBe(false);
    expect(originAllowed('null', allowed)).toBe(false);
    expect(originAllowed(undefined, allowed)).toBe(true);
    expect(originAllowed('https://any.example', [])).toBe(true);
  });

  it('recognises loopback addresses only', () => {
    for (const address of ['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1']) {
      expect(isLoopbackAddress(address)).toBe(true);
    }
    for (const address of ['10.0.0.1', '::ffff:192.168.1.4', '2001:db8::1', undefined]) {
      expect(isLoopbackAddress(address)).toBe(false);
    }
  });

  it('without a token serves metrics on loopback only; with one, to its bearer only', () => {
    expect(metricsAccess(request('127.0.0.1'), undefined)).toBe(200);
    expect(metricsAccess(request('192.168.1.4'), undefined)).toBe(403);
    expect(metricsAccess(request('192.168.1.4', 'Bearer s3cret'), 's3cret')).toBe(200);
    expect(metricsAccess(request('127.0.0.1'), 's3cret')).toBe(401);
    expect(metricsAccess(request('127.0.0.1', 'Bearer s3cre'), 's3cret')).toBe(401);
  });
});

import { describe, expect, it } from 'vitest';
import {
  INITIAL_CONNECTION_STATE,
  reduceConnection,
  type ConnectionEvent,
  type ConnectionState,
} from './connection-state';

const run = (...events: ConnectionEvent[]): ConnectionState =>
  events.reduce(reduceConnection, INITIAL_CONNECTION_STATE);

describe('reduceConnection', () => {
  it('goes syncing → connected once the provider has synced', () => {
    expect(run({ type: 'status', status: 'connecting' }).phase).toBe('syncing');
    expect(run({ type: 'status', status: 'connected' }).phase).toBe('syncing');
    expect(
      run({ type: 'status', status: 'connected' }, { type: 'synced', synced: true }).phase,
    ).toBe('connected');
  });

  it('shows offline on disconnect and keeps it during reconnect attempts', () => {
    const offline = run(
      { type: 'status', status: 'connected' },
      { type: 'synced', synced: true },
      { type: 'status', status: 'disconnected' },
      { type: 'status', status: 'connecting' },
    );
    expect(offline.phase).toBe('offline');
    expect(
      reduceConnection(reduceConnection(offline, { type: 'status', status: 'connected' }), {
        type: 'synced',
        synced: true,
      }).phase,
    ).toBe('connected');
  });

  it('goes offline when the browser loses the network', () => {
    expect(run({ type: 'synced', synced: true }, { type: 'network', online: false }).phase).toBe(
      'offline',
    );
  });

  it('stays refused after a permanent close', () => {
    const state = run(
      { type: 'closed', code: 4413 },
      { type: 'status', status: 'connecting' },
      { type: 'synced', synced: true },
    );
    expect(state).toMatchObject({ phase: 'refused', refusal: 'too-large', closeCode: 4413 });
    expect(run({ type: 'closed', code: 4499 }).refusal).toBe('closed');
  });

  it('names a removal and a plan deletion', () => {
    expect(run({ type: 'closed', code: 4403 })).toMatchObject({
      phase: 'refused',
      refusal: 'removed',
    });
    expect(run({ type: 'closed', code: 4410 })).toMatchObject({
      phase: 'refused',
      refusal: 'deleted',
    });
  });

  it('records a role change and forgets a write refused in the old role', () => {
    const state = run(
      { type: 'synced', synced: true },
      { type: 'permission-denied' },
      { type: 'role-changed', role: 'viewer' },
    );
    expect(state).toMatchObject({
      phase: 'connected',
      roleChangedTo: 'viewer',
      writeRefused: false,
    });
  });

  it('maps token endpoint answers to a refusal or offline', () => {
    expect(run({ type: 'token-refused', status: 401 }).refusal).toBe('session');
    expect(run({ type: 'token-refused', status: 403 }).refusal).toBe('forbidden');
    expect(run({ type: 'token-refused', status: 500 }).phase).toBe('offline');
    expect(run({ type: 'token-unreachable' }).phase).toBe('offline');
  });

  it('records a refused write without changing the phase', () => {
    const state = run({ type: 'synced', synced: true }, { type: 'permission-denied' });
    expect(state).toMatchObject({ phase: 'connected', writeRefused: true });
  });

  it('explains a server close after which the board reconnects, until dismissed', () => {
    const limited = run(
      { type: 'synced', synced: true },
      { type: 'connection-close', code: 1008 },
      { type: 'status', status: 'disconnected' },
      { type: 'status', status: 'connected' },
      { type: 'synced', synced: true },
    );
    expect(limited).toMatchObject({ phase: 'connected', interruption: 'rate-limited' });
    expect(reduceConnection(limited, { type: 'dismiss-interruption' }).interruption).toBeNull();
    expect(run({ type: 'connection-close', code: 1011 }).interruption).toBe('server-busy');
    expect(run({ type: 'connection-close', code: 1013 }).interruption).toBe('server-busy');
    // A close the user caused or that needs no explanation (going offline, shutdown) sets none.
    expect(run({ type: 'connection-close', code: 1006 }).interruption).toBeNull();
    expect(run({ type: 'connection-close', code: 1001 }).interruption).toBeNull();
  });
});

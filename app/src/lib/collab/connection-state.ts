/**
 * The state of a plan's live connection as the board shows it, derived from provider events by a
 * pure reducer so every transition is testable without a socket.
 */

/** Why the board stopped connecting for good; each maps to a message in the user's language. */
export type RefusalReason =
  /** The token endpoint said 401: the session ended. */
  | 'session'
  /** The token endpoint said 403/404: no (more) access to this plan. */
  | 'forbidden'
  /** The collab-server closed with 4413: a change was too large to store. */
  | 'too-large'
  /** Another permanent close (4400–4499). */
  | 'closed';

/** What the connection indicator shows. */
export type ConnectionPhase =
  /** Loading the offline copy or exchanging state with the server. */
  | 'syncing'
  /** In sync with the server; changes go out live. */
  | 'connected'
  /** No connection; changes are kept in this browser and sent when it returns. */
  | 'offline'
  /** The server or the app refused the connection permanently. */
  | 'refused';

/** The connection state. */
export interface ConnectionState {
  phase: ConnectionPhase;
  /** Set when `phase` is `refused`. */
  refusal: RefusalReason | null;
  /** Close code of a permanent close, for the message; null otherwise. */
  closeCode: number | null;
  /** Set when the server refused one of this client's writes (permission denied). */
  writeRefused: boolean;
}

/** Events the connection module feeds into {@link reduceConnection}. */
export type ConnectionEvent =
  /** The provider's `status` event. */
  | { type: 'status'; status: 'connecting' | 'connected' | 'disconnected' }
  /** The provider's `sync` event. */
  | { type: 'synced'; synced: boolean }
  /** The browser's `offline` / `online` events. */
  | { type: 'network'; online: boolean }
  /** The provider's `closed` event: the server closed with a permanent code (4400–4499). */
  | { type: 'closed'; code: number }
  /** The token endpoint answered with an HTTP error. */
  | { type: 'token-refused'; status: number }
  /** The token endpoint could not be reached. */
  | { type: 'token-unreachable' }
  /** The server answered a write with permission denied. */
  | { type: 'permission-denied' };

/** The state before anything happened. */
export const INITIAL_CONNECTION_STATE: ConnectionState = {
  phase: 'syncing',
  refusal: null,
  closeCode: null,
  writeRefused: false,
};

/** The next state after `event`. A refusal is final: later events do not leave it. */
export function reduceConnection(state: ConnectionState, event: ConnectionEvent): ConnectionState {
  if (event.type === 'permission-denied') return { ...state, writeRefused: true };
  if (state.phase === 'refused') return state;
  switch (event.type) {
    case 'status':
      if (event.status === 'disconnected') return { ...state, phase: 'offline' };
      if (event.status === 'connected') return { ...state, phase: 'syncing' };
      // Reconnect attempts while offline keep showing "offline" instead of flickering.
      return state.phase === 'offline' ? state : { ...state, phase: 'syncing' };
    case 'synced':
      return event.synced ? { ...state, phase: 'connected' } : state;
    case 'network':
      return event.online ? state : { ...state, phase: 'offline' };
    case 'closed':
      return {
        ...state,
        phase: 'refused',
        refusal: event.code === 4413 ? 'too-large' : 'closed',
        closeCode: event.code,
      };
    case 'token-refused':
      if (event.status === 401) return { ...state, phase: 'refused', refusal: 'session' };
      if (event.status === 403 || event.status === 404)
        return { ...state, phase: 'refused', refusal: 'forbidden' };
      return { ...state, phase: 'offline' };
    case 'token-unreachable':
      return { ...state, phase: 'offline' };
  }
}

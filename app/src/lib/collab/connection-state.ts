/**
 * The state of a plan's live connection as the board shows it, derived from provider events by a
 * pure reducer so every transition is testable without a socket.
 */
import { CloseCode, type Role } from '@prozesswerkstatt/contract';

/** Why the board stopped connecting for good; each maps to a message in the user's language. */
export type RefusalReason =
  /** The token endpoint said 401: the session ended. */
  | 'session'
  /** The token endpoint said 403/404: no (more) access to this plan. */
  | 'forbidden'
  /** The collab-server closed with 4413: a change was too large to store. */
  | 'too-large'
  /** The collab-server closed with 4403: the user was removed from the plan. */
  | 'removed'
  /** The collab-server closed with 4410: the plan was deleted. */
  | 'deleted'
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
  /** The new role after a facilitator changed it while the board was open; null otherwise. */
  roleChangedTo: Role | null;
  /**
   * Why the server last closed the connection for a while (it reconnects by itself), when the
   * user should know: it dropped what it was sent, and the board sends that again once it has
   * reconnected. Kept until dismissed (the message stays true after the reconnect).
   */
  interruption: InterruptionReason | null;
}

/** A server-side close after which the board reconnects by itself (see PROTOCOL.md). */
export type InterruptionReason =
  /** 1008: too many messages in a short time. */
  | 'rate-limited'
  /** 1011 / 1013: the server could not store or keep up; nothing it was sent is lost. */
  | 'server-busy';

/** Close codes of the collab-server that the board explains (PROTOCOL.md, "Close codes"). */
const INTERRUPTIONS: Readonly<Record<number, InterruptionReason>> = {
  [CloseCode.PolicyViolation]: 'rate-limited',
  [CloseCode.InternalError]: 'server-busy',
  [CloseCode.TryAgainLater]: 'server-busy',
};

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
  | { type: 'permission-denied' }
  /** A facilitator changed the user's role; the board reopened in it. */
  | { type: 'role-changed'; role: Role }
  /** The provider's `connection-close` event (any close, the board reconnects unless permanent). */
  | { type: 'connection-close'; code: number }
  /** The user dismissed the interruption message. */
  | { type: 'dismiss-interruption' };

/** The state before anything happened. */
export const INITIAL_CONNECTION_STATE: ConnectionState = {
  phase: 'syncing',
  refusal: null,
  closeCode: null,
  writeRefused: false,
  roleChangedTo: null,
  interruption: null,
};

function refusalOfClose(code: number): RefusalReason {
  if (code === CloseCode.MessageTooLarge) return 'too-large';
  if (code === CloseCode.MembershipRemoved) return 'removed';
  if (code === CloseCode.PlanDeleted) return 'deleted';
  return 'closed';
}

/** The next state after `event`. A refusal is final: later events do not leave it. */
export function reduceConnection(state: ConnectionState, event: ConnectionEvent): ConnectionState {
  if (event.type === 'permission-denied') return { ...state, writeRefused: true };
  if (event.type === 'dismiss-interruption') return { ...state, interruption: null };
  if (state.phase === 'refused') return state;
  // A write refused in the old role is explained by the new one.
  if (event.type === 'role-changed')
    return { ...state, roleChangedTo: event.role, writeRefused: false };
  switch (event.type) {
    case 'status':
      if (event.status === 'disconnected') return { ...state, phase: 'offline' };
      if (event.status === 'connected') return { ...state, phase: 'syncing' };
      // Reconnect attempts while offline keep showing "offline" instead of flickering.
      return state.phase === 'offline' ? state : { ...state, phase: 'syncing' };
    case 'synced':
      return event.synced ? { ...state, phase: 'connected' } : state;
    case 'connection-close':
      return INTERRUPTIONS[event.code]
        ? { ...state, interruption: INTERRUPTIONS[event.code] ?? null }
        : state;
    case 'network':
      return event.online ? state : { ...state, phase: 'offline' };
    case 'closed':
      return {
        ...state,
        phase: 'refused',
        refusal: refusalOfClose(event.code),
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

import * as encoding from 'lib0/encoding';
import type { VerifiedCollabToken } from '@prozesswerkstatt/contract/token';
import type { AwarenessEntry } from './protocol/messages.js';

/** Who a presence state is, as the server vouches for it from the verified token. */
export interface StampedUser {
  id: string;
  name: string;
  role: VerifiedCollabToken['role'];
}

/**
 * Rewrites a client's awareness update so that every state names the connection's verified
 * identity: `user.id`, `user.name`, `user.role` and Lexical's cursor label `name` come from the
 * token, whatever the client claimed (a viewer cannot show up as the facilitator). Other fields
 * (colour, focus, cursor positions) pass unchanged; a removal (`null`) stays a removal. Which
 * client ids a connection may speak for is decided before this, by the room.
 */
export function stampPresence(
  entries: readonly AwarenessEntry[],
  auth: VerifiedCollabToken,
): Uint8Array {
  const user: StampedUser = { id: auth.userId, name: auth.name, role: auth.role };
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const { clientId, clock, state } of entries) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, JSON.stringify(stampState(state, user)));
  }
  return encoding.toUint8Array(encoder);
}

function stampState(state: unknown, user: StampedUser): unknown {
  if (state === null) return null;
  const fields = isRecord(state) ? state : {};
  const claimed = isRecord(fields.user) ? fields.user : {};
  return { ...fields, name: user.name, user: { ...claimed, ...user } };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

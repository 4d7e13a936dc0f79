/**
 * WebSocket close codes of the collab-server, each with the situation it names. The y-websocket
 * client treats 4400–4499 as permanent (it stops reconnecting) and everything else as transient;
 * the board reads the same table to say what happened.
 */
export const CloseCode = {
  /** Server shuts down or restarts; reconnect. */
  GoingAway: 1001,
  /** A text frame; the protocol is binary only. */
  UnsupportedData: 1003,
  /** A binary frame that does not decode as a y-websocket message. */
  MalformedMessage: 1007,
  /** A policy was violated (message rate, unknown message type); reconnect after backoff. */
  PolicyViolation: 1008,
  /** Document could not be loaded or an update could not be stored; reconnect and re-sync. */
  InternalError: 1011,
  /** The client reads too slowly or the document is overloaded; reconnect later. */
  TryAgainLater: 1013,
  /**
   * The connection's token expired: the client fetches a new one from the app (which checks the
   * membership again) and reconnects. Permanent, so the stock client does not retry the old token.
   */
  TokenExpired: 4401,
  /** The member was removed from the plan; reconnecting is pointless. */
  MembershipRemoved: 4403,
  /** The member's role changed; the client fetches a token in the new role and reconnects. */
  RoleChanged: 4409,
  /** The plan was deleted; reconnecting is pointless. */
  PlanDeleted: 4410,
  /** A message larger than the limit; permanent, re-sending the same state would loop. */
  MessageTooLarge: 4413,
} as const;

/** One of the {@link CloseCode} values. */
export type CloseCodeValue = (typeof CloseCode)[keyof typeof CloseCode];

/** True for the codes after which the stock client stops reconnecting (4400–4499). */
export function isPermanentClose(code: number): boolean {
  return code >= 4400 && code <= 4499;
}

/**
 * WebSocket close reasons are limited to 123 bytes of UTF-8; longer ones make `ws` throw.
 * Reasons are ASCII here, so cutting characters cuts bytes.
 */
export function closeReason(text: string): string {
  return text.length <= 123 ? text : `${text.slice(0, 120)}...`;
}

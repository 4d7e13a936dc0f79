/**
 * Top-level message types of the y-websocket protocol: the first varUint of every frame.
 * The numbers are fixed by the stock client (y-websocket) and must never change.
 */
export const MessageType = {
  Sync: 0,
  Awareness: 1,
  Auth: 2,
  QueryAwareness: 3,
} as const;

/** Sub-types of a sync message, as defined by y-protocols/sync. */
export const SyncMessageType = {
  Step1: 0,
  Step2: 1,
  Update: 2,
} as const;

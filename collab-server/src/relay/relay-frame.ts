import type { RelayMessage } from './document-relay.js';

/**
 * Wire format of a relayed message on a Redis channel:
 * `[kind: 1 byte][instance id: 16 bytes][sentAt: float64 ms since epoch][payload]`.
 * The instance id lets an instance drop its own echoes; `sentAt` feeds the relay-lag metric.
 */
const KIND = { update: 0, awareness: 1 } as const;
const HEADER_BYTES = 1 + 16 + 8;

/** Encodes one message from `instanceId` (16 bytes). */
export function encodeRelayFrame(instanceId: Uint8Array, message: RelayMessage): Buffer {
  const frame = Buffer.allocUnsafe(HEADER_BYTES + message.update.byteLength);
  frame.writeUInt8(KIND[message.kind], 0);
  frame.set(instanceId, 1);
  frame.writeDoubleBE(message.sentAt, 17);
  frame.set(message.update, HEADER_BYTES);
  return frame;
}

/** Decodes a frame; null when it is not one of ours (another tool on the same channel). */
export function decodeRelayFrame(
  frame: Buffer,
): { instanceId: Buffer; message: RelayMessage } | null {
  if (frame.byteLength < HEADER_BYTES) return null;
  const kindByte = frame.readUInt8(0);
  const kind =
    kindByte === KIND.update ? 'update' : kindByte === KIND.awareness ? 'awareness' : null;
  if (!kind) return null;
  return {
    instanceId: frame.subarray(1, 17),
    message: { kind, sentAt: frame.readDoubleBE(17), update: frame.subarray(HEADER_BYTES) },
  };
}

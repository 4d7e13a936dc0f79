import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as authProtocol from 'y-protocols/auth';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { MessageType, SyncMessageType } from '@prozesswerkstatt/contract';

/** One entry of an awareness update: the presence state of one client id. */
export interface AwarenessEntry {
  clientId: number;
  clock: number;
  /** `null` means the client left. */
  state: unknown;
}

/** A decoded frame from a client. Updates are checked to decode as Yjs updates. */
export type ClientMessage =
  | { kind: 'sync-step1'; stateVector: Uint8Array }
  | { kind: 'sync-step2'; update: Uint8Array; empty: boolean }
  | { kind: 'update'; update: Uint8Array; empty: boolean }
  | { kind: 'awareness'; update: Uint8Array; entries: AwarenessEntry[] }
  | { kind: 'auth' }
  | { kind: 'query-awareness' };

/** The frame is not a valid y-websocket message; the text says what was wrong. */
export class MalformedMessageError extends Error {
  override readonly name = 'MalformedMessageError';
}

/** The frame names a message type this server does not speak. */
export class UnknownMessageTypeError extends Error {
  override readonly name = 'UnknownMessageTypeError';
}

/**
 * Decodes one binary frame completely, so nothing malformed reaches the document: truncated
 * varints, bad updates, bad state vectors, bad awareness JSON and trailing bytes all throw.
 */
export function readClientMessage(frame: Uint8Array): ClientMessage {
  const decoder = decoding.createDecoder(frame);
  const message = guard('message header', () => readBody(decoder));
  if (decoding.hasContent(decoder)) {
    throw new MalformedMessageError(`${frame.length - decoder.pos} unexpected trailing bytes`);
  }
  return message;
}

function readBody(decoder: decoding.Decoder): ClientMessage {
  const type = decoding.readVarUint(decoder);
  switch (type) {
    case MessageType.Sync:
      return readSync(decoder);
    case MessageType.Awareness:
      return readAwareness(decoder);
    case MessageType.Auth:
      // Clients have nothing to say in the auth channel; read and ignore its payload.
      decoding.readVarUint(decoder);
      if (decoding.hasContent(decoder)) decoding.readVarString(decoder);
      return { kind: 'auth' };
    case MessageType.QueryAwareness:
      return { kind: 'query-awareness' };
    default:
      throw new UnknownMessageTypeError(`unknown message type ${type}`);
  }
}

function readSync(decoder: decoding.Decoder): ClientMessage {
  const subtype = decoding.readVarUint(decoder);
  switch (subtype) {
    case SyncMessageType.Step1: {
      const stateVector = decoding.readVarUint8Array(decoder);
      guard('state vector', () => Y.decodeStateVector(stateVector));
      return { kind: 'sync-step1', stateVector };
    }
    case SyncMessageType.Step2:
    case SyncMessageType.Update: {
      const update = decoding.readVarUint8Array(decoder);
      const empty = guard('update', () => isEmptyUpdate(update));
      return { kind: subtype === SyncMessageType.Step2 ? 'sync-step2' : 'update', update, empty };
    }
    default:
      throw new MalformedMessageError(`unknown sync message type ${subtype}`);
  }
}

function readAwareness(decoder: decoding.Decoder): ClientMessage {
  const update = decoding.readVarUint8Array(decoder);
  const entries = guard('awareness update', () => readAwarenessEntries(update));
  return { kind: 'awareness', update, entries };
}

function readAwarenessEntries(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const state: unknown = JSON.parse(decoding.readVarString(decoder));
    entries.push({ clientId, clock, state });
  }
  if (decoding.hasContent(decoder)) throw new Error('trailing bytes');
  return entries;
}

/** True when the update carries neither structs nor deletions (a no-op). Throws if malformed. */
function isEmptyUpdate(update: Uint8Array): boolean {
  const { structs, ds } = Y.decodeUpdate(update);
  return structs.length === 0 && ds.clients.size === 0;
}

function guard<T>(what: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof UnknownMessageTypeError || error instanceof MalformedMessageError) {
      throw error;
    }
    const detail = error instanceof Error ? error.message : String(error);
    throw new MalformedMessageError(`malformed ${what}: ${detail}`);
  }
}

/** Sync step 1: the server's state vector, asking the client for what the server lacks. */
export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  syncProtocol.writeSyncStep1(encoder, doc);
  return encoding.toUint8Array(encoder);
}

/** Sync step 1 from an already encoded state vector. */
export function encodeSyncStep1FromStateVector(stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  encoding.writeVarUint(encoder, SyncMessageType.Step1);
  encoding.writeVarUint8Array(encoder, stateVector);
  return encoding.toUint8Array(encoder);
}

/** Sync step 2: everything the document has that the given state vector lacks. */
export function encodeSyncStep2(doc: Y.Doc, stateVector?: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  syncProtocol.writeSyncStep2(encoder, doc, stateVector);
  return encoding.toUint8Array(encoder);
}

/** Sync step 2 carrying an already encoded whole-document update (e.g. as stored). */
export function encodeSyncStep2FromUpdate(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  encoding.writeVarUint(encoder, SyncMessageType.Step2);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** An incremental document update for the other connections. */
export function encodeUpdate(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** An awareness update (y-protocols/awareness encoding) wrapped as a message. */
export function encodeAwareness(awarenessUpdate: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Awareness);
  encoding.writeVarUint8Array(encoder, awarenessUpdate);
  return encoding.toUint8Array(encoder);
}

/** The y-protocols permission-denied message, which the stock client logs with its reason. */
export function encodePermissionDenied(reason: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Auth);
  authProtocol.writePermissionDenied(encoder, reason);
  return encoding.toUint8Array(encoder);
}

import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MessageType } from '@prozesswerkstatt/contract';
import {
  encodePermissionDenied,
  MalformedMessageError,
  readClientMessage,
  UnknownMessageTypeError,
} from './messages.js';

function frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

function updateFrame(update: Uint8Array): Uint8Array {
  return frame((e) => {
    encoding.writeVarUint(e, MessageType.Sync);
    syncProtocol.writeUpdate(e, update);
  });
}

function someUpdate(): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap('m').set('k', 'v');
  return Y.encodeStateAsUpdate(doc);
}

describe('readClientMessage', () => {
  it('reads the frames a stock client sends', () => {
    const doc = new Y.Doc();
    const step1 = frame((e) => {
      encoding.writeVarUint(e, MessageType.Sync);
      syncProtocol.writeSyncStep1(e, doc);
    });
    expect(readClientMessage(step1).kind).toBe('sync-step1');

    const update = readClientMessage(updateFrame(someUpdate()));
    expect(update).toMatchObject({ kind: 'update', empty: false });

    const awareness = new awarenessProtocol.Awareness(doc);
    awareness.setLocalState({ user: { name: 'A' } });
    const presence = frame((e) => {
      encoding.writeVarUint(e, MessageType.Awareness);
      encoding.writeVarUint8Array(
        e,
        awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]),
      );
    });
    const read = readClientMessage(presence);
    expect(read.kind).toBe('awareness');
    if (read.kind === 'awareness') expect(read.entries[0]?.clientId).toBe(doc.clientID);
    awareness.destroy();
  });

  it('marks an update without content as empty', () => {
    const empty = Y.encodeStateAsUpdate(new Y.Doc());
    expect(readClientMessage(updateFrame(empty))).toMatchObject({ empty: true });
  });

  it('refuses truncated frames, garbage updates and trailing bytes as malformed', () => {
    const good = updateFrame(someUpdate());
    for (let cut = 1; cut < good.length; cut++) {
      expect(() => readClientMessage(good.subarray(0, cut))).toThrow(MalformedMessageError);
    }
    const garbage = updateFrame(new Uint8Array([255, 255, 255, 255, 1, 2, 3]));
    expect(() => readClientMessage(garbage)).toThrow(MalformedMessageError);
    const trailing = new Uint8Array([...good, 0]);
    expect(() => readClientMessage(trailing)).toThrow(/trailing/);
    const badJson = frame((e) => {
      encoding.writeVarUint(e, MessageType.Awareness);
      encoding.writeVarUint8Array(
        e,
        frame((inner) => {
          encoding.writeVarUint(inner, 1);
          encoding.writeVarUint(inner, 7);
          encoding.writeVarUint(inner, 1);
          encoding.writeVarString(inner, '{not json');
        }),
      );
    });
    expect(() => readClientMessage(badJson)).toThrow(MalformedMessageError);
  });

  it('names unknown message types', () => {
    expect(() => readClientMessage(new Uint8Array([42]))).toThrow(UnknownMessageTypeError);
    expect(() => readClientMessage(new Uint8Array([0, 9]))).toThrow(MalformedMessageError);
  });

  it('encodes permission denied as y-protocols/auth does', () => {
    const bytes = encodePermissionDenied('no');
    expect([...bytes.subarray(0, 2)]).toEqual([MessageType.Auth, 0]);
  });
});

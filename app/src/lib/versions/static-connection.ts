/**
 * A version's plan document for the read-only board: built from the stored state, never
 * connected, nobody present, nothing writable. Gives the board's sections what they need
 * (`BoardConnection`) without a provider.
 */
import * as Y from 'yjs';
import type { BoardConnection } from '$lib/board/board-connection';
import type { LocalOrigin } from '$lib/collab/plan-connection.svelte';
import type { Peer } from '$lib/collab/presence';

export class StaticPlanConnection implements BoardConnection {
  readonly doc = new Y.Doc();
  readonly origin: LocalOrigin = { kind: 'board' };
  readonly readOnly = true;
  readonly peers: Peer[] = [];
  readonly lexicalProvider = null;

  /** `state` is a version's `Y.encodeStateAsUpdate`. */
  constructor(state: Uint8Array) {
    Y.applyUpdate(this.doc, state);
  }

  setFocus(): void {}

  destroy(): void {
    this.doc.destroy();
  }
}

/** Decodes the base64 form in which the page data carries a version's state. */
export function decodeState(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * What the board's sections need of a connection: the document, the origin of their writes, the
 * read-only flag, presence and the provider for rich-text cursors. The live `PlanConnection`
 * provides it, and so does a version's static, never-connected document (read-only view).
 */
import type { Provider } from '@lexical/yjs';
import type * as Y from 'yjs';
import type { FocusTarget, Peer } from '$lib/collab/presence';
import type { LocalOrigin } from '$lib/collab/plan-connection.svelte';

export interface BoardConnection {
  /** The plan document; read and write it only through plan-model. */
  readonly doc: Y.Doc;
  /** Origin of every board write (undo covers exactly these). */
  readonly origin: LocalOrigin;
  /** True when nothing may be changed. */
  readonly readOnly: boolean;
  /** Everyone in the plan, self included (empty without presence). */
  readonly peers: Peer[];
  /** The provider rich-text editors share for cursors; null without one. */
  readonly lexicalProvider: Provider | null;
  /** Publishes the field the local user is in (a no-op without presence). */
  setFocus(target: FocusTarget | null): void;
}

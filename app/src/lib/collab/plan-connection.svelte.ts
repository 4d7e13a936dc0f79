/**
 * The live connection of one plan: one `Y.Doc`, its offline copy in IndexedDB, one stock
 * `WebsocketProvider` (and its awareness) shared by the whole board and every rich-text editor,
 * the token lifecycle, a reactive connection state, presence, and undo of one's own changes.
 *
 * Construct anywhere (no I/O); call {@link PlanConnection.start} in `onMount` only — IndexedDB and
 * WebSocket do not exist during SSR — and {@link PlanConnection.destroy} on unmount.
 */
import { planSharedTypes } from '@prozesswerkstatt/plan-model';
import type { Provider } from '@lexical/yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import { readAuthMessage } from 'y-protocols/auth';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { CloseCode, mayEditPlan, type Role } from '@prozesswerkstatt/contract';
import {
  INITIAL_CONNECTION_STATE,
  reduceConnection,
  type ConnectionEvent,
  type ConnectionState,
} from './connection-state';
import { colorIndexFor, presenceColor } from './presence-colors';
import { readPeer, type FocusTarget, type Peer } from './presence';
import { fetchCollabToken, TokenRefusedError, type CollabToken } from './token';

/** What the board knows about the plan and the user before connecting (from the page load). */
export interface PlanConnectionOptions {
  planId: string;
  /** Collab-server document name of the plan. */
  docName: string;
  role: Role;
  user: { id: string; name: string };
  /** Token source; defaults to the app's `GET /plans/[id]/collab-token`. */
  fetchToken?: (planId: string) => Promise<CollabToken>;
}

/** Renew a token this long before it expires, in ms (reconnects then carry a valid one). */
const TOKEN_RENEW_BEFORE_MS = 60_000;
/** Never renew more often than this, in ms (a very short-lived token must not spin). */
const TOKEN_RENEW_MIN_DELAY_MS = 5_000;
/** Give up waiting for IndexedDB after this long, in ms (private windows may never answer). */
const OFFLINE_COPY_TIMEOUT_MS = 2_000;
/** Wait before asking for a token again after the app did not answer, in ms. */
const TOKEN_RETRY_MS = 5_000;
/** y-websocket message type of auth messages (permission denied). */
const MESSAGE_AUTH = 2;
/** Upper bound of the reconnect backoff, in ms: an offline board rejoins quickly. */
const MAX_BACKOFF_MS = 5_000;

/** The origin every board write passes to plan-model, so undo covers exactly one's own changes. */
export interface LocalOrigin {
  readonly kind: 'board';
}

export class PlanConnection {
  /** The plan document; read and write it only through plan-model. */
  readonly doc = new Y.Doc();
  /** Passed as `origin` to every plan-model write the board makes. */
  readonly origin: LocalOrigin = { kind: 'board' };
  /** Colour palette index of the local user. */
  readonly colorIndex: number;

  /** Connection indicator state. */
  state = $state<ConnectionState>(INITIAL_CONNECTION_STATE);
  /** Role in effect (the token's, once fetched). */
  role = $state<Role>('viewer');
  /** True once the offline copy is loaded (or known to be unavailable): the board can render. */
  ready = $state(false);
  /** Everyone in the plan (one entry per tab), self included. */
  peers = $state.raw<Peer[]>([]);
  canUndo = $state(false);
  canRedo = $state(false);

  /** The stock provider, once started. Editors share it (and its awareness). */
  provider: WebsocketProvider | null = null;
  private persistence: IndexeddbPersistence | null = null;
  private undoManager: Y.UndoManager | null = null;
  private renewTimer: ReturnType<typeof setTimeout> | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private token: CollabToken | null = null;
  private destroyed = false;
  private readonly cleanups: Array<() => void> = [];

  constructor(private readonly options: PlanConnectionOptions) {
    this.role = options.role;
    this.colorIndex = colorIndexFor(options.user.id);
  }

  /**
   * True when the role may not change the plan (viewer, commenter), and once the user was removed
   * or the plan deleted (nothing typed then could ever be stored).
   */
  get readOnly(): boolean {
    const gone = this.state.refusal === 'removed' || this.state.refusal === 'deleted';
    return gone || !mayEditPlan(this.role);
  }

  /** The local user's display colour. */
  get color(): string {
    return presenceColor(this.colorIndex);
  }

  /** The provider typed as `@lexical/yjs` expects it (the stock type differs only nominally). */
  get lexicalProvider(): Provider {
    if (!this.provider) throw new Error('PlanConnection.lexicalProvider: start() was not called');
    return this.provider as unknown as Provider;
  }

  /** Opens the offline copy, fetches a token and connects. Call once, in `onMount`. */
  async start(): Promise<void> {
    const { docName, user } = this.options;
    this.undoManager = new Y.UndoManager(planSharedTypes(this.doc), {
      // A plain Set owned by Yjs, not reactive state.
      // eslint-disable-next-line svelte/prefer-svelte-reactivity
      trackedOrigins: new Set([this.origin]),
    });
    const updateUndo = () => {
      this.canUndo = (this.undoManager?.undoStack.length ?? 0) > 0;
      this.canRedo = (this.undoManager?.redoStack.length ?? 0) > 0;
    };
    for (const event of ['stack-item-added', 'stack-item-popped', 'stack-cleared'] as const) {
      this.undoManager.on(event, updateUndo);
    }

    // The provider exists before the offline copy loads but connects only afterwards: what
    // IndexedDB replays must not go out as fresh updates (a reader's would be refused); the
    // normal sync exchange sends a writer's offline edits instead.
    this.provider = new WebsocketProvider('ws://invalid.localhost', docName, this.doc, {
      connect: false,
      disableBc: true,
      maxBackoffTime: MAX_BACKOFF_MS,
    });
    this.watchProvider(this.provider);
    this.initPresence(this.provider);

    // The token is fetched while IndexedDB opens (a new database takes a few hundred ms).
    const tokenFetched = navigator.onLine ? this.ensureToken() : Promise.resolve(false);
    this.persistence = new IndexeddbPersistence(`prozesswerkstatt:${user.id}:${docName}`, this.doc);
    await Promise.race([
      this.persistence.whenSynced,
      new Promise((resolve) => setTimeout(resolve, OFFLINE_COPY_TIMEOUT_MS)),
    ]);
    if (this.destroyed) return;
    this.ready = true;

    const onOnline = () => {
      this.dispatch({ type: 'network', online: true });
      void this.connect();
    };
    const onOffline = () => {
      this.dispatch({ type: 'network', online: false });
      this.provider?.disconnect();
    };
    window.addEventListener('online', onOnline);
    window.addEventListener('offline', onOffline);
    this.cleanups.push(() => {
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOffline);
    });
    await tokenFetched;
    if (navigator.onLine) await this.connect();
    else this.dispatch({ type: 'network', online: false });
  }

  /** Fetches a token (if the current one is missing or near expiry) and connects. */
  private async connect(): Promise<void> {
    if (!(await this.ensureToken())) {
      // Unreachable (not refused): try again, as the provider itself would.
      if (!this.destroyed && this.state.phase !== 'refused') {
        this.retryTimer = setTimeout(() => void this.connect(), TOKEN_RETRY_MS);
      }
      return;
    }
    if (this.destroyed || this.state.phase === 'refused' || !navigator.onLine) return;
    this.provider?.connect();
  }

  /** Makes sure the provider will reconnect with a valid token; false when refused/unreachable. */
  private async ensureToken(force = false): Promise<boolean> {
    const provider = this.provider;
    if (!provider) return false;
    if (!force && this.token && this.token.expiresAt - Date.now() > TOKEN_RENEW_BEFORE_MS) {
      return true;
    }
    try {
      const token = await (this.options.fetchToken ?? fetchCollabToken)(this.options.planId);
      if (this.destroyed) return false;
      this.token = token;
      this.role = token.role;
      provider.serverUrl = token.url;
      provider.params = { ...provider.params, token: token.token };
      this.scheduleRenewal(token);
      return true;
    } catch (error) {
      if (error instanceof TokenRefusedError) {
        this.dispatch({ type: 'token-refused', status: error.status });
        if (this.state.phase === 'refused') provider.disconnect();
      } else {
        this.dispatch({ type: 'token-unreachable' });
      }
      return false;
    }
  }

  private scheduleRenewal(token: CollabToken): void {
    if (this.renewTimer) clearTimeout(this.renewTimer);
    const delay = Math.max(
      TOKEN_RENEW_MIN_DELAY_MS,
      token.expiresAt - Date.now() - TOKEN_RENEW_BEFORE_MS,
    );
    this.renewTimer = setTimeout(() => void this.ensureToken(true), delay);
  }

  private watchProvider(provider: WebsocketProvider): void {
    provider.on('status', ({ status }) => this.dispatch({ type: 'status', status }));
    provider.on('sync', (synced) => this.dispatch({ type: 'synced', synced }));
    provider.on('closed', ({ code }) => {
      if (code === CloseCode.TokenExpired) void this.reopen(false);
      else if (code === CloseCode.RoleChanged) void this.reopen(true);
      else this.dispatch({ type: 'closed', code });
    });
    // A closed socket reconnects after a backoff; make sure that attempt carries a fresh token
    // (an expired one is refused before the upgrade, which the browser reports without a code).
    provider.on('connection-close', (event) => {
      void this.ensureToken();
      // The server dropped what it was just sent (rate limit, storage); the board says so.
      if (event) this.dispatch({ type: 'connection-close', code: event.code });
    });
    // The stock client only logs "permission denied"; the board tells the user.
    const onAuth: WebsocketProvider['messageHandlers'][number] = (_encoder, decoder) => {
      readAuthMessage(decoder, this.doc, () => this.dispatch({ type: 'permission-denied' }));
    };
    provider.messageHandlers[MESSAGE_AUTH] = onAuth;
  }

  /**
   * Reconnects with a fresh token after the server closed for a new token: its token expired, or
   * the role changed (then the token carries the new role, which the board switches to and tells
   * the user). Fetching the token re-checks the membership; a removal shows up as a refusal.
   */
  private async reopen(roleChanged: boolean): Promise<void> {
    const previous = this.role;
    if (!(await this.ensureToken(true))) {
      if (!this.destroyed && this.state.phase !== 'refused') {
        this.retryTimer = setTimeout(() => void this.reopen(roleChanged), TOKEN_RETRY_MS);
      }
      return;
    }
    if (roleChanged && this.role !== previous) {
      this.dispatch({ type: 'role-changed', role: this.role });
    }
    await this.connect();
  }

  private initPresence(provider: WebsocketProvider): void {
    const { awareness } = provider;
    const { user } = this.options;
    // Lexical's cursor fields plus who this is; editors only toggle `focusing` and positions.
    awareness.setLocalState({
      anchorPos: null,
      focusPos: null,
      focusing: false,
      name: user.name,
      color: this.color,
      awarenessData: {},
      // The collab-server overwrites id, name and role from the token for everyone else.
      user: { id: user.id, name: user.name, role: this.role, colorIndex: this.colorIndex },
      focus: null,
    });
    const refresh = () => {
      const peers: Peer[] = [];
      for (const [clientId, state] of awareness.getStates()) {
        const peer = readPeer(clientId, state, awareness.clientID);
        if (peer) peers.push(peer);
      }
      this.peers = peers;
    };
    awareness.on('change', refresh);
    refresh();
    this.cleanups.push(() => awareness.off('change', refresh));
  }

  /** Publishes the field the local user is working in (null when none). */
  setFocus(target: FocusTarget | null): void {
    this.provider?.awareness.setLocalStateField('focus', target);
  }

  /** Undoes the local user's last board change (never someone else's). */
  undo(): void {
    if (!this.readOnly) this.undoManager?.undo();
  }

  /** Redoes the last undone board change. */
  redo(): void {
    if (!this.readOnly) this.undoManager?.redo();
  }

  /** Acknowledges the "connection interrupted" message. */
  dismissInterruption(): void {
    this.dispatch({ type: 'dismiss-interruption' });
  }

  /** Acknowledges the "write refused" message. */
  dismissWriteRefused(): void {
    this.state = { ...this.state, writeRefused: false };
  }

  private dispatch(event: ConnectionEvent): void {
    this.state = reduceConnection(this.state, event);
  }

  /** Disconnects and releases everything, in reverse order of creation. */
  destroy(): void {
    this.destroyed = true;
    if (this.renewTimer) clearTimeout(this.renewTimer);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.cleanups.reverse().forEach((fn) => fn());
    this.provider?.awareness.setLocalState(null);
    this.provider?.destroy();
    void this.persistence?.destroy();
    this.undoManager?.destroy();
    this.doc.destroy();
  }
}

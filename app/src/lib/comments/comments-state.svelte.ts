/**
 * The board's comments: the plan's threads as the server gives them (`GET ./comments`), kept
 * live by the event stream (`./comments/events`: any change → refetch; the stream reopening →
 * refetch, so nothing missed while disconnected is lost), and every write as a form post to the
 * server, which checks roles. Shared with the board's components through Svelte context.
 */
import { getContext, setContext } from 'svelte';
import {
  getFormat,
  getPhase,
  getResult,
  getStakeholder,
  resolveTextAnchor,
  type FormatId,
  type PhaseId,
  type ResultId,
  type StakeholderId,
  type TextAnchor,
} from '@prozesswerkstatt/plan-model';
import type * as Y from 'yjs';
import { m } from '$lib/paraglide/messages.js';
import { anchorElementKey, type CommentAnchor } from './anchor';
import { formBody } from './form-body';
import type { CommentView, ThreadView } from './thread-view';

export type { CommentView, ThreadView };

export interface Member {
  id: string;
  name: string;
}

/** The sidebar's filters (one at a time). */
export type ThreadFilter = 'open' | 'resolved' | 'mine' | 'mentions';

/** What a new thread will be about while its first comment is being written. */
export interface Draft {
  anchor: CommentAnchor | null;
  /** For a text comment without a selection: the field, the quote is typed instead. */
  textField?: string;
  label: string;
}

/** Counts for one element's badge. */
export interface ElementCount {
  total: number;
  unread: number;
}

/** An element (or field) a thread can point at: where to scroll and what to focus. */
export interface AnchorTarget {
  reveal: (anchor: CommentAnchor) => boolean;
}

const CONTEXT = Symbol('comments');

export class CommentsState {
  threads = $state.raw<ThreadView[]>([]);
  members = $state.raw<Member[]>([]);
  loaded = $state(false);
  sidebarOpen = $state(false);
  filter = $state<ThreadFilter>('open');
  /** Element key the sidebar is narrowed to (opened from an element's button), or null. */
  focusKey = $state<string | null>(null);
  focusLabel = $state('');
  /** The thread shown expanded. */
  expandedId = $state<string | null>(null);
  draft = $state<Draft | null>(null);
  live = $state(true);
  /** Bumped on every change of the plan document, so detached states re-resolve. */
  docVersion = $state(0);
  /** Says something politely to screen-reader users (the board's live region). */
  announcer: ((message: string) => void) | null = null;

  private source: EventSource | null = null;
  // Registrations, not state: nothing renders from this set.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  private readonly targets = new Set<AnchorTarget>();
  private loading: Promise<void> | null = null;
  private reloadAgain = false;

  constructor(
    readonly planId: string,
    readonly userId: string,
    readonly canComment: boolean,
    /** The plan document on the board; null on a page without it (a contribution's page). */
    private readonly doc: Y.Doc | null,
  ) {}

  /** Opens the event stream (and loads). Returns the cleanup. */
  start(): () => void {
    const onUpdate = (): void => void this.docVersion++;
    this.doc?.on('update', onUpdate);
    void this.reload(); // also without a working stream
    const source = new EventSource(`/plans/${this.planId}/comments/events`);
    this.source = source;
    source.addEventListener('open', () => {
      this.live = true;
      void this.reload();
    });
    source.addEventListener('error', () => (this.live = false));
    source.addEventListener('comment', (event) => {
      const data = JSON.parse((event as MessageEvent<string>).data) as { actorId: string };
      void this.reload().then(() => {
        if (data.actorId !== this.userId) this.announce(m.comment_live_new());
      });
    });
    return () => {
      this.doc?.off('update', onUpdate);
      source.close();
      this.source = null;
    };
  }

  /** Refetches all threads; calls during a fetch coalesce into one more fetch. */
  reload(): Promise<void> {
    if (this.loading) {
      this.reloadAgain = true;
      return this.loading;
    }
    this.loading = (async () => {
      try {
        do {
          this.reloadAgain = false;
          const response = await fetch(`/plans/${this.planId}/comments`, {
            headers: { accept: 'application/json' },
          });
          if (!response.ok) return;
          const data = (await response.json()) as { threads: ThreadView[]; members: Member[] };
          this.threads = data.threads.map((thread) =>
            thread.id === this.expandedId && thread.unreadCount > 0
              ? { ...thread, unreadCount: 0 }
              : thread,
          );
          this.members = data.members;
          this.loaded = true;
          if (this.expandedId) void this.markRead(this.expandedId);
        } while (this.reloadAgain);
      } catch {
        // Offline: the stream's reconnect reloads.
      } finally {
        this.loading = null;
      }
    })();
    return this.loading;
  }

  announce(text: string): void {
    this.announcer?.(text);
  }

  /**
   * One change through the server. Returns null on success, else the message to show (the
   * caller keeps the user's text).
   */
  async post(intent: string, fields: Record<string, string>): Promise<string | null> {
    const body = formBody({ intent, ...fields });
    try {
      const response = await fetch(`/plans/${this.planId}/comments`, { method: 'POST', body });
      if (!response.ok) {
        const data = (await response.json().catch(() => null)) as { error?: string } | null;
        return data?.error ?? m.comment_error_network();
      }
      const result = (await response.json()) as { threadId?: string };
      if (intent === 'create' && result.threadId) this.expandedId = result.threadId;
      await this.reload();
      return null;
    } catch {
      return m.comment_error_network();
    }
  }

  async markRead(threadId: string): Promise<void> {
    const thread = this.threads.find((t) => t.id === threadId);
    if (thread && thread.unreadCount > 0) {
      this.threads = this.threads.map((t) => (t.id === threadId ? { ...t, unreadCount: 0 } : t));
    }
    await fetch(`/plans/${this.planId}/comments`, {
      method: 'POST',
      body: formBody({ intent: 'read', threadId }),
    }).catch(() => {});
  }

  /** Expands a thread (and marks it read). */
  expand(threadId: string | null): void {
    this.expandedId = threadId;
    if (threadId) void this.markRead(threadId);
  }

  /** Opens the sidebar on one element's threads, with a new comment started when allowed. */
  openFor(key: string, label: string, anchor: CommentAnchor | null, textField?: string): void {
    this.sidebarOpen = true;
    this.focusKey = key;
    this.focusLabel = label;
    this.draft = this.canComment ? { anchor, textField, label } : null;
    this.expandedId = null;
  }

  /** Back to all threads of the plan. */
  showAll(): void {
    this.focusKey = null;
    this.draft = null;
  }

  /** Opens the sidebar on one thread (from the inbox link or a list). */
  openThread(threadId: string): void {
    const thread = this.threads.find((t) => t.id === threadId);
    this.sidebarOpen = true;
    this.focusKey = null;
    this.draft = null;
    if (thread) this.filter = thread.status === 'open' ? 'open' : 'resolved';
    this.expand(threadId);
  }

  countFor(key: string): ElementCount {
    let total = 0;
    let unread = 0;
    for (const thread of this.threads) {
      if (anchorElementKey(thread.anchor) !== key) continue;
      total += thread.comments.filter((c) => !c.deleted).length;
      unread += thread.unreadCount;
    }
    return { total, unread };
  }

  /** The threads the sidebar lists now. */
  visibleThreads(): ThreadView[] {
    if (this.focusKey !== null) {
      return this.threads.filter((t) => anchorElementKey(t.anchor) === this.focusKey);
    }
    return this.threads.filter((thread) => {
      // The open thread stays while one works in it (resolving it must not make it vanish).
      if (thread.id === this.expandedId) return true;
      switch (this.filter) {
        case 'open':
          return thread.status === 'open';
        case 'resolved':
          return thread.status === 'resolved';
        case 'mine':
          return thread.comments.some((c) => c.authorId === this.userId && !c.deleted);
        case 'mentions':
          return thread.mentionsMe;
      }
    });
  }

  /**
   * Whether what a thread is about is gone from the plan: a text anchor's text deleted, or its
   * element removed (reads `docVersion`, so it re-evaluates on every change).
   */
  detachment(anchor: CommentAnchor): 'text' | 'element' | null {
    void this.docVersion;
    const doc = this.doc;
    // Without the document nothing can be checked; contributions live outside it.
    if (doc === null) return null;
    if (anchor.kind === 'text') {
      return resolveTextAnchor(doc, anchor as TextAnchor) === null ? 'text' : null;
    }
    const exists = {
      overview: () => true,
      contribution: () => true,
      stakeholder: () => getStakeholder(doc, anchor.id as StakeholderId) !== undefined,
      phase: () => getPhase(doc, anchor.id as PhaseId) !== undefined,
      format: () => getFormat(doc, anchor.id as FormatId) !== undefined,
      result: () => getResult(doc, anchor.id as ResultId) !== undefined,
    }[anchor.part]();
    return exists ? null : 'element';
  }

  nameOf(userId: string): string | undefined {
    return this.members.find((member) => member.id === userId)?.name;
  }

  /** Registers something that can scroll to and focus anchors (sections, editors). */
  addTarget(target: AnchorTarget): () => void {
    this.targets.add(target);
    return () => this.targets.delete(target);
  }

  /** Scrolls to and focuses what a thread is about; false when it is not on the board. */
  reveal(anchor: CommentAnchor): boolean {
    for (const target of this.targets) if (target.reveal(anchor)) return true;
    const key = anchorElementKey(anchor);
    const element = document.querySelector<HTMLElement>(
      `[data-comment-anchor="${CSS.escape(key)}"]`,
    );
    if (!element) return false;
    element.scrollIntoView({ block: 'center' });
    element
      .querySelector<HTMLElement>('input, select, textarea, [role="textbox"], button')
      ?.focus({ preventScroll: true });
    return true;
  }
}

export function setCommentsContext(state: CommentsState): void {
  setContext(CONTEXT, state);
}

export function getCommentsContext(): CommentsState | undefined {
  return getContext<CommentsState | undefined>(CONTEXT);
}

/**
 * A thread as the comments endpoint sends it and the board reads it: one definition for the
 * server (lib/server/comments.ts) and the browser (comments-state.svelte.ts).
 */
import type { CommentAnchor } from './anchor.js';

/** One comment as a member sees it. A deleted one has an empty body. */
export interface CommentView {
  id: string;
  authorId: string;
  authorName: string;
  body: string;
  createdAt: string;
  editedAt: string | null;
  deleted: boolean;
}

/** One thread with all its comments in order. */
export interface ThreadView {
  id: string;
  anchor: CommentAnchor;
  status: 'open' | 'resolved';
  createdBy: string;
  createdAt: string;
  resolvedAt: string | null;
  comments: CommentView[];
  /** Comments by others newer than the viewer's last read of this thread. */
  unreadCount: number;
  /** Whether a comment of this thread mentions the viewer. */
  mentionsMe: boolean;
}

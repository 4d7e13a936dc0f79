import type { VerifiedCollabToken } from '@prozesswerkstatt/contract/token';
import { closeFor, type AccessChange, type AccessClose } from './access-change.js';

/**
 * How long a change is remembered, in ms: longer than the app's token lifetime (10 minutes), so
 * every token issued before the change has expired when its record is dropped.
 */
export const REVOCATION_RETENTION_MS = 15 * 60_000;

interface Revocation {
  change: AccessChange;
  /** When the change was made, ms since the epoch (the instance that received it). */
  at: number;
}

/**
 * The recent access changes, so that a token issued before a change (still valid for minutes)
 * cannot open a new connection in the old role: a connection is hit when its token's `iat` is not
 * after the change and the change would have closed it (a token in the new role passes).
 * Kept in memory per instance: a restarted instance forgets them; the token's expiry is then the
 * bound (see PROTOCOL.md).
 */
export class AccessRevocations {
  /** Keyed by document, then by user (`''` for the plan's deletion); newest change wins. */
  private readonly byDocument = new Map<string, Map<string, Revocation>>();
  private lastPruned = 0;

  constructor(private readonly retentionMs = REVOCATION_RETENTION_MS) {}

  record(change: AccessChange, at: number): void {
    this.prune(at);
    let users = this.byDocument.get(change.docName);
    if (!users) this.byDocument.set(change.docName, (users = new Map()));
    users.set(change.kind === 'deleted' ? '' : change.userId, { change, at });
  }

  /** How to close a connection just opened with `auth`, or null when no change hits it. */
  refusalFor(auth: VerifiedCollabToken, now = Date.now()): AccessClose | null {
    this.prune(now);
    const users = this.byDocument.get(auth.docName);
    if (!users) return null;
    for (const key of ['', auth.userId]) {
      const revocation = users.get(key);
      if (!revocation || !issuedBefore(auth, revocation.at)) continue;
      const close = closeFor(revocation.change, auth);
      if (close) return close;
    }
    return null;
  }

  /** Number of remembered changes (for tests). */
  get size(): number {
    let count = 0;
    for (const users of this.byDocument.values()) count += users.size;
    return count;
  }

  /** Drops expired records, at most once a second (connections may open by the hundred). */
  private prune(now: number): void {
    if (now - this.lastPruned < 1_000) return;
    this.lastPruned = now;
    for (const [docName, users] of this.byDocument) {
      for (const [key, revocation] of users) {
        if (now - revocation.at > this.retentionMs) users.delete(key);
      }
      if (users.size === 0) this.byDocument.delete(docName);
    }
  }
}

/**
 * `iat` has whole seconds: a token issued in the same second as the change counts as before it.
 * That errs on the safe side, since a token in the new role is never hit by the change anyway.
 */
function issuedBefore(auth: VerifiedCollabToken, at: number): boolean {
  return auth.issuedAt === null || auth.issuedAt * 1000 <= at;
}

import { createHash, randomUUID } from 'node:crypto';
import {
  checkGuidelines,
  GUIDELINE_RULES_VERSION,
  storeGuidelineCheck,
} from '@prozesswerkstatt/guideline-check';
import { canonicalStringify, isPlan, planToJSON } from '@prozesswerkstatt/plan-model';
import {
  recordDecisions,
  recordOpenThreads,
  type ActivityKind,
  type getDatabase,
} from '@prozesswerkstatt/storage';
import { setIfUndefined } from 'lib0/map';
import * as Y from 'yjs';
import type { VerifiedCollabToken } from '@prozesswerkstatt/contract/token';
import type { Logger } from '../logger.js';
import { checkpointsToThin } from './checkpoint-thinning.js';

type Db = ReturnType<typeof getDatabase>;

/** What a room tells about who joined and who edited (see `RoomDeps.activity`). */
export interface RoomActivity {
  /** A connection joined the document. */
  joined(docName: string, auth: VerifiedCollabToken): void;
  /** A batch of updates from these accounts was stored and applied to `doc`. */
  edited(docName: string, doc: () => Y.Doc, userIds: readonly string[]): void;
  /** The document is about to be freed: a checkpoint that is due is taken now. */
  unloading(docName: string, doc: () => Y.Doc): Promise<void>;
  /** Stops timers and waits for writes in flight. */
  close(): Promise<void>;
}

/** Tunables of {@link PlanActivityRecorder}. */
export interface PlanActivityOptions {
  /** A checkpoint is taken this long after the first edit since the last one, in ms. */
  checkpointIntervalMs: number;
  /** One `joined` entry per person and plan at most this often, in ms (default 10 min). */
  joinedThrottleMs?: number;
  /**
   * One `edited` entry per person and plan at most this often, in ms (default 1 min), plus one at
   * the end of a window in which the person kept editing.
   */
  editedThrottleMs?: number;
}

/**
 * Writes the activity the collab-server sees into the plan's activity log (`plan_activity`) and
 * takes automatic checkpoints: at most one per `checkpointIntervalMs` of editing (the timer starts
 * at the first edit after a checkpoint), one more when an edited document is unloaded, skipped when
 * the plan equals the newest version; then older checkpoints are thinned out. Writes happen beside
 * the edit path (never awaited there); a failure is logged and costs only that entry.
 */
export class PlanActivityRecorder implements RoomActivity {
  /**
   * When an entry was last written, per document and then per `kind|userId`: unloading one
   * document of thousands must only look at that document's entries.
   */
  private readonly lastRecorded = new Map<string, Map<string, number>>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** The last editor of each document since its last checkpoint (the checkpoint's author). */
  private readonly lastEditor = new Map<string, string>();
  private readonly inFlight = new Set<Promise<void>>();
  /** Edits inside a throttle window, to be logged when it ends: per document, per person. */
  private readonly trailing = new Map<string, Map<string, NodeJS.Timeout>>();
  private readonly joinedThrottleMs: number;
  private readonly editedThrottleMs: number;

  constructor(
    private readonly db: Db,
    private readonly logger: Logger,
    private readonly options: PlanActivityOptions,
  ) {
    this.joinedThrottleMs = options.joinedThrottleMs ?? 10 * 60_000;
    this.editedThrottleMs = options.editedThrottleMs ?? 60_000;
  }

  joined(docName: string, auth: VerifiedCollabToken): void {
    if (this.due(docName, `joined|${auth.userId}`, this.joinedThrottleMs)) {
      this.track(this.insertActivity(docName, auth.userId, 'joined'));
    }
  }

  edited(docName: string, doc: () => Y.Doc, userIds: readonly string[]): void {
    for (const userId of new Set(userIds)) {
      this.lastEditor.set(docName, userId);
      this.recordEdit(docName, userId);
    }
    if (this.timers.has(docName)) return;
    const timer = setTimeout(() => {
      this.timers.delete(docName);
      this.track(this.checkpoint(docName, doc()));
    }, this.options.checkpointIntervalMs);
    timer.unref();
    this.timers.set(docName, timer);
  }

  /**
   * One `edited` entry at the first edit of a window, and one more at its end if the person kept
   * editing (trailing edge), so the log is never more than a window behind the last edit.
   */
  private recordEdit(docName: string, userId: string): void {
    const key = `edited|${userId}`;
    if (this.due(docName, key, this.editedThrottleMs)) {
      this.track(this.insertActivity(docName, userId, 'edited'));
      return;
    }
    if (this.trailing.get(docName)?.has(userId)) return;
    const last = this.lastRecorded.get(docName)?.get(key) ?? 0;
    const wait = this.editedThrottleMs - (Date.now() - last);
    const timer = setTimeout(() => this.flushTrailing(docName, userId), Math.max(0, wait));
    timer.unref();
    setIfUndefined(this.trailing, docName, () => new Map<string, NodeJS.Timeout>()).set(
      userId,
      timer,
    );
  }

  private flushTrailing(docName: string, userId: string): void {
    const waiting = this.trailing.get(docName);
    const timer = waiting?.get(userId);
    if (!waiting || !timer) return;
    clearTimeout(timer);
    waiting.delete(userId);
    if (waiting.size === 0) this.trailing.delete(docName);
    this.recordedFor(docName).set(`edited|${userId}`, Date.now());
    this.track(this.insertActivity(docName, userId, 'edited'));
  }

  async unloading(docName: string, doc: () => Y.Doc): Promise<void> {
    for (const userId of [...(this.trailing.get(docName)?.keys() ?? [])]) {
      this.flushTrailing(docName, userId);
    }
    const timer = this.timers.get(docName);
    if (timer) {
      clearTimeout(timer);
      this.timers.delete(docName);
      this.track(this.checkpoint(docName, doc()));
    }
    await Promise.allSettled([...this.inFlight]);
    this.forget(docName);
  }

  /** How many per-document and per-person entries the recorder keeps now (bounded by loads). */
  get retainedEntries(): number {
    let entries = this.lastEditor.size + this.timers.size;
    for (const recorded of this.lastRecorded.values()) entries += recorded.size;
    for (const waiting of this.trailing.values()) entries += waiting.size;
    return entries;
  }

  /**
   * Drops what is kept per document once it is unloaded, so a long-running server does not keep
   * one entry per plan and person it ever saw. Throttle entries still within their window stay:
   * a document reloaded at once must not log "joined" twice.
   */
  private forget(docName: string): void {
    this.lastEditor.delete(docName);
    const now = Date.now();
    const window = Math.max(this.joinedThrottleMs, this.editedThrottleMs);
    const recorded = this.lastRecorded.get(docName);
    if (!recorded) return;
    for (const [key, at] of recorded) if (now - at >= window) recorded.delete(key);
    if (recorded.size === 0) this.lastRecorded.delete(docName);
  }

  async close(): Promise<void> {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    for (const [docName, waiting] of [...this.trailing]) {
      for (const userId of [...waiting.keys()]) this.flushTrailing(docName, userId);
    }
    await Promise.allSettled([...this.inFlight]);
  }

  private due(docName: string, key: string, throttleMs: number): boolean {
    const now = Date.now();
    const recorded = this.recordedFor(docName);
    const last = recorded.get(key);
    if (last !== undefined && now - last < throttleMs) return false;
    recorded.set(key, now);
    return true;
  }

  private recordedFor(docName: string): Map<string, number> {
    return setIfUndefined(this.lastRecorded, docName, () => new Map<string, number>());
  }

  private track(work: Promise<void>): void {
    const tracked = work
      .catch((error: unknown) =>
        this.logger.error({ err: error }, 'recording plan activity failed'),
      )
      .finally(() => this.inFlight.delete(tracked));
    this.inFlight.add(tracked);
  }

  private async insertActivity(
    docName: string,
    userId: string | null,
    kind: ActivityKind,
    versionId: string | null = null,
  ): Promise<void> {
    await this.db
      .insertInto('plan_activity')
      .values({ doc_name: docName, user_id: userId, kind, version_id: versionId, detail: null })
      .execute();
  }

  /** Takes a checkpoint of `doc` unless it equals the newest version, then thins older ones. */
  private async checkpoint(docName: string, doc: Y.Doc): Promise<void> {
    if (!isPlan(doc)) return;
    // Everything stored is taken from one moment: edits arriving during the awaits below belong
    // to the next checkpoint, not half to this one.
    const plan = planToJSON(doc);
    const canonical = canonicalStringify(plan);
    const sha256 = createHash('sha256').update(canonical).digest('hex');
    const state = Y.encodeStateAsUpdate(doc);
    const guidelineCheck = storeGuidelineCheck(checkGuidelines(plan));
    const newest = await this.db
      .selectFrom('versions')
      .select('sha256')
      .where('doc_name', '=', docName)
      .orderBy('created_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (newest?.sha256 === sha256) return;
    const id = randomUUID();
    const author = this.lastEditor.get(docName) ?? 'system';
    this.lastEditor.delete(docName);
    await this.db
      .insertInto('versions')
      .values({
        id,
        doc_name: docName,
        kind: 'checkpoint',
        label: '',
        note: null,
        state,
        canonical_json: canonical,
        sha256,
        author_id: author,
        status: 'draft',
        // The check as it comes out now, kept with the version (the rules may change later).
        guideline_check: guidelineCheck,
        guideline_rules_version: GUIDELINE_RULES_VERSION,
      })
      .execute();
    await recordOpenThreads(this.db, id, docName);
    await recordDecisions(this.db, id, docName);
    await this.insertActivity(docName, null, 'checkpoint', id);
    await this.thin(docName);
  }

  private async thin(docName: string): Promise<void> {
    const rows = await this.db
      .selectFrom('versions')
      .select(['id', 'created_at'])
      .where('doc_name', '=', docName)
      .where('kind', '=', 'checkpoint')
      .where('status', '=', 'draft')
      .execute();
    const remove = checkpointsToThin(
      rows.map((row) => ({ id: row.id, createdAt: new Date(row.created_at).toISOString() })),
      Date.now(),
    );
    if (remove.length === 0) return;
    await this.db
      .deleteFrom('versions')
      .where('id', 'in', remove)
      .where('status', '=', 'draft')
      .execute();
  }
}

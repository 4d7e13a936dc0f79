import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setImmediate } from 'node:timers/promises';
import {
  checkGuidelines,
  GUIDELINE_RULES_VERSION,
  readStoredGuidelineCheck,
} from '@prozesswerkstatt/guideline-check';
import { addStakeholder, initPlan, planToJSON } from '@prozesswerkstatt/plan-model';
import { SqliteDocumentStorage } from '@prozesswerkstatt/storage';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { createLogger } from '../logger.js';
import { PlanActivityRecorder } from './plan-activity.js';

let dataDir: string;
let storage: SqliteDocumentStorage;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'pw-activity-'));
  storage = await SqliteDocumentStorage.open({ dataDir, logger: () => {} });
});
afterEach(async () => {
  vi.useRealTimers();
  await storage.close();
  await rm(dataDir, { recursive: true, force: true });
});

/**
 * The recorder's windows are timers and `Date.now()`; faking only those lets a test move time on
 * instead of sleeping, while the database (promises, `setImmediate`) runs for real.
 */
const fakeClock = () => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });

/**
 * Waits until `count()` is `expected`, turning the event loop (not the fake clock: `vi.waitFor`
 * would advance it) for the database's writes; bounded by a real-time deadline.
 */
async function until(count: () => Promise<number>, expected: number): Promise<void> {
  const deadline = performance.now() + 5_000;
  while ((await count()) !== expected) {
    if (performance.now() > deadline) expect(await count()).toBe(expected);
    await setImmediate();
  }
}

describe('PlanActivityRecorder', () => {
  it('logs the first edit of a window at once and the rest once at its end', async () => {
    fakeClock();
    const recorder = new PlanActivityRecorder(storage.db, createLogger('silent'), {
      checkpointIntervalMs: 60_000,
      editedThrottleMs: 100,
    });
    const doc = new Y.Doc();
    initPlan(doc, { title: 'Log' });
    for (let i = 0; i < 5; i++) {
      recorder.edited('plans/a', () => doc, ['u1']);
      vi.advanceTimersByTime(10);
    }
    const edits = async () =>
      (
        await storage.db
          .selectFrom('plan_activity')
          .select('kind')
          .where('kind', '=', 'edited')
          .execute()
      ).length;
    // The first edit's entry lands; the window (100 ms) has not ended, so the clock stands still
    // and no second entry can come however long the insert takes.
    await until(edits, 1);
    vi.advanceTimersByTime(49);
    expect(await edits()).toBe(1);
    vi.advanceTimersByTime(1); // the window ends: the trailing entry
    await until(edits, 2);
    await recorder.close();
    expect(await edits()).toBe(2);
  });

  it('keeps nothing of a document after it unloaded and its throttle windows passed', async () => {
    fakeClock();
    const recorder = new PlanActivityRecorder(storage.db, createLogger('silent'), {
      checkpointIntervalMs: 60_000,
      joinedThrottleMs: 20,
      editedThrottleMs: 20,
    });
    const doc = new Y.Doc();
    initPlan(doc, { title: 'Vergessen' });
    for (const user of ['u1', 'u2', 'u3']) {
      recorder.joined('plans/f', {
        userId: user,
        name: user,
        docName: 'plans/f',
        role: 'editor',
        expiresAt: 0,
        issuedAt: null,
      });
      recorder.edited('plans/f', () => doc, [user]);
    }
    expect(recorder.retainedEntries).toBeGreaterThan(0);
    vi.advanceTimersByTime(40);
    await recorder.unloading('plans/f', () => doc);
    expect(recorder.retainedEntries).toBe(0);
    await recorder.close();
  });

  it('takes one checkpoint per interval of editing, and none while nobody edits', async () => {
    fakeClock();
    const recorder = new PlanActivityRecorder(storage.db, createLogger('silent'), {
      checkpointIntervalMs: 300,
    });
    const doc = new Y.Doc();
    initPlan(doc, { title: 'Takt' });
    const checkpoints = async () =>
      (
        await storage.db
          .selectFrom('plan_activity')
          .select('id')
          .where('kind', '=', 'checkpoint')
          .execute()
      ).length;
    // Edits every 40 ms for 800 ms: the intervals start at the edits at 0, 320 and 640 ms.
    for (let i = 0; i < 20; i++) {
      addStakeholder(doc, { name: `S${i}` });
      recorder.edited('plans/c', () => doc, ['u1']);
      vi.advanceTimersByTime(40);
      await setImmediate(); // the checkpoint of an interval that ended is written
    }
    vi.advanceTimersByTime(140); // 940 ms: the third interval ends
    await until(checkpoints, 3);
    // Nobody edits for ten more intervals: no timer runs, so no checkpoint comes.
    vi.advanceTimersByTime(3_000);
    await recorder.close(); // waits for any write in flight
    expect(await checkpoints()).toBe(3);
  });

  it('takes a due checkpoint when the document unloads, and none when nothing changed', async () => {
    const recorder = new PlanActivityRecorder(storage.db, createLogger('silent'), {
      checkpointIntervalMs: 60_000,
    });
    const doc = new Y.Doc();
    initPlan(doc, { title: 'Unload' });
    addStakeholder(doc, { name: 'A' });
    recorder.edited('plans/b', () => doc, ['u1']);
    await recorder.unloading('plans/b', () => doc);
    const checkpoints = () =>
      storage.db.selectFrom('versions').select(['kind', 'author_id']).execute();
    expect(await checkpoints()).toEqual([{ kind: 'checkpoint', author_id: 'u1' }]);
    // Edited again but equal to the newest version: skipped.
    recorder.edited('plans/b', () => doc, ['u1']);
    await recorder.unloading('plans/b', () => doc);
    expect(await checkpoints()).toHaveLength(1);
    await recorder.close();
  });

  it('keeps the guideline check of the snapshot with the checkpoint', async () => {
    const recorder = new PlanActivityRecorder(storage.db, createLogger('silent'), {
      checkpointIntervalMs: 60_000,
    });
    const doc = new Y.Doc();
    initPlan(doc, { title: 'Check' });
    addStakeholder(doc, { name: 'Anwohnende' });
    recorder.edited('plans/c', () => doc, ['u1']);
    await recorder.unloading('plans/c', () => doc);
    const row = await storage.db
      .selectFrom('versions')
      .select(['guideline_check', 'guideline_rules_version'])
      .executeTakeFirstOrThrow();
    expect(row.guideline_rules_version).toBe(GUIDELINE_RULES_VERSION);
    const stored = readStoredGuidelineCheck(row.guideline_check ?? '');
    expect(stored).toEqual(checkGuidelines(planToJSON(doc)));
    // The named stakeholder counts: the check is the snapshot's, not an empty one.
    expect(stored?.items.find((i) => i.id === 'stakeholders')?.status).toBe('complete');
    await recorder.close();
  });
});

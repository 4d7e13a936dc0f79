import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addStakeholder, initPlan } from '@prozesswerkstatt/plan-model';
import { SqliteDocumentStorage } from '@prozesswerkstatt/storage';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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
  await storage.close();
  await rm(dataDir, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('PlanActivityRecorder', () => {
  it('logs the first edit of a window at once and the rest once at its end', async () => {
    const recorder = new PlanActivityRecorder(storage.db, createLogger('silent'), {
      checkpointIntervalMs: 60_000,
      editedThrottleMs: 100,
    });
    const doc = new Y.Doc();
    initPlan(doc, { title: 'Log' });
    for (let i = 0; i < 5; i++) {
      recorder.edited('plans/a', () => doc, ['u1']);
      await sleep(10);
    }
    const edits = () =>
      storage.db.selectFrom('plan_activity').select('kind').where('kind', '=', 'edited').execute();
    await sleep(20);
    expect(await edits()).toHaveLength(1);
    await sleep(120);
    expect(await edits()).toHaveLength(2);
    await recorder.close();
  });

  it('keeps nothing of a document after it unloaded and its throttle windows passed', async () => {
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
    await sleep(40);
    await recorder.unloading('plans/f', () => doc);
    expect(recorder.retainedEntries).toBe(0);
    await recorder.close();
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
});

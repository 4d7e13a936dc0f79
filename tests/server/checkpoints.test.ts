/**
 * While a plan is edited, the collab-server takes automatic checkpoints (at most one per interval
 * of activity) and writes who joined and who edited into the activity log.
 */
import { addStakeholder, initPlan, toCanonicalJSON } from '@prozesswerkstatt/plan-model';
import { getDatabase } from '@prozesswerkstatt/storage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connectClient } from '../helpers/client.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { delay, waitUntil } from '../helpers/wait.js';

let server: TestServer;
beforeAll(async () => (server = await startTestServer({ limits: { checkpointIntervalMs: 300 } })));
afterAll(() => server.dispose());

describe('automatic checkpoints and activity', () => {
  it('takes at most one checkpoint per interval of editing, equal to the plan then', async () => {
    const name = 'plans/checkpoints';
    const db = getDatabase(server.storage);
    const editor = await connectClient(server.url, name, { sub: 'editor-1' });
    initPlan(editor.doc, { title: 'Zwischenstände' });
    const started = Date.now();
    for (let i = 0; i < 20; i++) {
      addStakeholder(editor.doc, { name: `S${i}` });
      await delay(40); // pacing: the edits span about three intervals
    }
    const elapsed = Date.now() - started;
    const checkpoints = () =>
      db
        .selectFrom('versions')
        .selectAll()
        .where('doc_name', '=', name)
        .where('kind', '=', 'checkpoint')
        .orderBy('created_at')
        .execute();
    // The last interval ends with a checkpoint of the plan as the editor left it.
    const final = toCanonicalJSON(editor.doc);
    await waitUntil(async () => (await checkpoints()).at(-1)?.canonical_json === final, {
      what: 'the checkpoint of the last interval',
    });
    const rows = await checkpoints();
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(rows.length).toBeLessThanOrEqual(Math.ceil(elapsed / 300) + 1);
    const newest = rows.at(-1)!;
    const doc = new Y.Doc();
    Y.applyUpdate(doc, newest.state);
    expect(toCanonicalJSON(doc)).toBe(newest.canonical_json);
    expect(newest.author_id).toBe('editor-1');
    // (That no checkpoint comes while nobody edits is proven on a fake clock in
    // collab-server/src/versions/plan-activity.test.ts.)

    const loggedActivity = () =>
      db
        .selectFrom('plan_activity')
        .select(['kind', 'user_id'])
        .where('doc_name', '=', name)
        .execute();
    // A checkpoint's log entry is written right after its row.
    await waitUntil(
      async () =>
        (await loggedActivity()).filter((a) => a.kind === 'checkpoint').length >= rows.length,
      { what: "the last checkpoint's log entry" },
    );
    const activity = await loggedActivity();
    expect(activity).toContainEqual({ kind: 'joined', user_id: 'editor-1' });
    expect(activity).toContainEqual({ kind: 'edited', user_id: 'editor-1' });
    // Edits are logged at most once a minute per person (the trailing entry comes at its end).
    expect(activity.filter((a) => a.kind === 'edited')).toHaveLength(1);
    expect(activity.filter((a) => a.kind === 'checkpoint')).toHaveLength(rows.length);
    editor.destroy();
  });
});

import type { Role } from '@prozesswerkstatt/contract';
import { createContribution, type SqlDocumentStorage } from '@prozesswerkstatt/storage';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { mentionToken } from '../comments/body.js';
import { countUnreadInbox, INBOX_LIMIT, listInbox } from './comment-inbox.js';
import {
  listOpenThreadsForExport,
  listVersionOpenThreads,
  recordOpenThreads,
} from './comment-versions.js';
import {
  createThread,
  deleteComment,
  editComment,
  listThreads,
  markThreadRead,
  replyToThread,
  setThreadStatus,
  type CommentPlan,
} from './comments.js';
import type { Db } from './db.js';
import { createPlan } from './plans.js';
import { describeEachDialect, testAccount } from './test-database.js';
import type { SessionUser } from './users.js';

const PHASE = JSON.stringify({ kind: 'element', part: 'phase', id: 'phase-1' });
const GOALS = JSON.stringify({ kind: 'element', part: 'overview', id: 'goals' });

await describeEachDialect('comments', (openTestStorage) => {
  let db: Db;
  let storage: SqlDocumentStorage;
  let close: () => Promise<void>;
  let fac: SessionUser;
  let ed: SessionUser;
  let plan: CommentPlan;
  beforeEach(async () => {
    ({ db, storage, close } = await openTestStorage());
    fac = await testAccount(db, 'Fatima');
    ed = await testAccount(db, 'Emil');
    plan = await newPlan('Spielplatz', { [ed.id]: 'editor' });
  });
  afterEach(() => close());

  async function newPlan(title: string, members: Record<string, Role>): Promise<CommentPlan> {
    const id = await createPlan(db, storage, fac, { title, requestingUnit: '' });
    for (const [user_id, role] of Object.entries(members)) {
      await db.insertInto('plan_members').values({ plan_id: id, user_id, role }).execute();
    }
    return { id, docName: `plans/${id}` };
  }

  async function thread(by: SessionUser, body: string, anchor = PHASE): Promise<string> {
    const created = await createThread(
      db,
      plan,
      { id: by.id, role: 'commenter' },
      { anchor, body },
    );
    if (typeof created === 'string') throw new Error(created);
    return created.threadId;
  }

  it('opens threads, replies, counts unread per viewer and records mentions of members only', async () => {
    const outsider = await testAccount(db, 'Otto');
    const id = await thread(ed, `Passt das? ${mentionToken(fac.id)} ${mentionToken(outsider.id)}`);
    let [view] = await listThreads(db, plan, fac.id);
    expect(view).toMatchObject({
      id,
      anchor: { kind: 'element', part: 'phase', id: 'phase-1' },
      status: 'open',
      createdBy: ed.id,
      unreadCount: 1,
      mentionsMe: true,
      comments: [{ authorId: ed.id, authorName: 'Emil', deleted: false, editedAt: null }],
    });
    // The author has read their own thread; the outsider was not mentioned (no member).
    expect((await listThreads(db, plan, ed.id))[0]?.unreadCount).toBe(0);
    const mentions = await db.selectFrom('comment_mentions').select('user_id').execute();
    expect(mentions.map((row) => row.user_id)).toEqual([fac.id]);

    expect(await markThreadRead(db, plan, id, fac.id)).toBe('ok');
    expect((await listThreads(db, plan, fac.id))[0]?.unreadCount).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await replyToThread(db, plan, fac.id, { threadId: id, body: 'Ja.' })).toMatchObject({
      commentId: expect.any(String),
    });
    [view] = await listThreads(db, plan, ed.id);
    expect(view?.unreadCount).toBe(1);
    expect(view?.comments.map((c) => c.body)).toEqual([expect.stringContaining('Passt'), 'Ja.']);
  });

  it('refuses empty or overlong bodies and malformed anchors', async () => {
    expect(
      await createThread(db, plan, { id: ed.id, role: 'editor' }, { anchor: PHASE, body: '   ' }),
    ).toBe('invalid');
    expect(
      await createThread(
        db,
        plan,
        { id: ed.id, role: 'editor' },
        { anchor: PHASE, body: 'x'.repeat(5001) },
      ),
    ).toBe('invalid');
    for (const anchor of [
      '{',
      '{"kind":"element","part":"phase"}',
      '{"kind":"element","part":"overview","id":"nope"}',
      '{"kind":"text","field":"overview:goals","start":"<b>","end":"AA==","quote":"x"}',
      '{"kind":"element","part":"phase","id":"p","extra":1}',
    ]) {
      expect(
        await createThread(db, plan, { id: ed.id, role: 'editor' }, { anchor, body: 'Hallo' }),
      ).toBe('invalid');
    }
    expect(await db.selectFrom('comment_threads').select('id').execute()).toEqual([]);
  });

  /** A contribution entered by hand into `planId`; its thread anchor as the client sends it. */
  async function contributionAnchor(planId: string): Promise<string> {
    const created = await createContribution(
      { db, emit: () => {} },
      planId,
      {
        channel: 'letter',
        sourceSystem: 'manual',
        receivedAt: '2026-12-01',
        authorKind: 'person',
        text: 'Mehr Bänke',
      },
      fac.id,
    );
    return JSON.stringify({ kind: 'element', part: 'contribution', id: created.id });
  }

  it('opens threads about a contribution of the plan for commenters and up only', async () => {
    const anchor = await contributionAnchor(plan.id);
    const body = 'Gute Idee';
    for (const role of ['commenter', 'editor', 'facilitator'] as const) {
      const created = await createThread(db, plan, { id: ed.id, role }, { anchor, body });
      expect(typeof created).toBe('object');
    }
    // Viewers read threads but write none, also not about a contribution.
    expect(await createThread(db, plan, { id: ed.id, role: 'viewer' }, { anchor, body })).toBe(
      'forbidden',
    );
    expect(
      await createThread(db, plan, { id: ed.id, role: 'viewer' }, { anchor: PHASE, body }),
    ).toBe('forbidden');
    const listed = await listThreads(db, plan, fac.id);
    expect(listed.map((thread) => thread.anchor)).toEqual(
      Array.from({ length: 3 }, () => JSON.parse(anchor)),
    );
  });

  it('refuses a thread about a contribution of another plan or none at all', async () => {
    const other = await newPlan('Anderer Plan', { [ed.id]: 'editor' });
    const foreign = await contributionAnchor(other.id);
    const author = { id: ed.id, role: 'editor' } as const;
    expect(await createThread(db, plan, author, { anchor: foreign, body: 'Hallo' })).toBe(
      'not_found',
    );
    const unknown = JSON.stringify({ kind: 'element', part: 'contribution', id: 'nope' });
    expect(await createThread(db, plan, author, { anchor: unknown, body: 'Hallo' })).toBe(
      'not_found',
    );
    expect(await db.selectFrom('comment_threads').select('id').execute()).toEqual([]);
  });

  it('lets people edit and delete only their own comments; deleted shows as deleted', async () => {
    const id = await thread(ed, 'Erste Frage');
    const [first] = (await listThreads(db, plan, ed.id))[0]?.comments ?? [];
    if (!first) throw new Error('no comment');
    expect(await editComment(db, plan, fac.id, { commentId: first.id, body: 'fremd' })).toBe(
      'forbidden',
    );
    expect(await deleteComment(db, plan, fac.id, first.id)).toBe('forbidden');
    expect(await editComment(db, plan, ed.id, { commentId: first.id, body: 'Geändert' })).toEqual({
      threadId: id,
    });
    let [view] = await listThreads(db, plan, fac.id);
    expect(view?.comments[0]).toMatchObject({ body: 'Geändert', editedAt: expect.any(String) });
    expect(await deleteComment(db, plan, ed.id, first.id)).toEqual({ threadId: id });
    [view] = await listThreads(db, plan, fac.id);
    expect(view?.comments[0]).toMatchObject({ body: '', deleted: true });
    expect(await editComment(db, plan, ed.id, { commentId: first.id, body: 'wieder' })).toBe(
      'not_found',
    );
  });

  it('lets the starter and facilitators resolve and reopen, nobody else', async () => {
    const other = await testAccount(db, 'Clara');
    await db
      .insertInto('plan_members')
      .values({ plan_id: plan.id, user_id: other.id, role: 'commenter' })
      .execute();
    const id = await thread(ed, 'Frage');
    const resolve = { threadId: id, status: 'resolved' as const };
    expect(await setThreadStatus(db, plan, { id: other.id, role: 'commenter' }, resolve)).toBe(
      'forbidden',
    );
    expect(await setThreadStatus(db, plan, { id: fac.id, role: 'facilitator' }, resolve)).toBe(
      'ok',
    );
    expect((await listThreads(db, plan, ed.id))[0]).toMatchObject({
      status: 'resolved',
      resolvedAt: expect.any(String),
    });
    expect(
      await setThreadStatus(
        db,
        plan,
        { id: ed.id, role: 'editor' },
        { threadId: id, status: 'open' },
      ),
    ).toBe('ok');
    expect((await listThreads(db, plan, ed.id))[0]).toMatchObject({
      status: 'open',
      resolvedAt: null,
    });
  });

  it('treats threads and comments of another plan as not found', async () => {
    const id = await thread(ed, 'Frage');
    const [first] = (await listThreads(db, plan, ed.id))[0]?.comments ?? [];
    const elsewhere = await newPlan('Anderer Plan', { [ed.id]: 'editor' });
    expect(await replyToThread(db, elsewhere, ed.id, { threadId: id, body: 'x' })).toBe(
      'not_found',
    );
    expect(await editComment(db, elsewhere, ed.id, { commentId: first?.id ?? '', body: 'x' })).toBe(
      'not_found',
    );
    expect(await deleteComment(db, elsewhere, ed.id, first?.id ?? '')).toBe('not_found');
    expect(
      await setThreadStatus(
        db,
        elsewhere,
        { id: fac.id, role: 'facilitator' },
        {
          threadId: id,
          status: 'resolved',
        },
      ),
    ).toBe('not_found');
    expect(await markThreadRead(db, elsewhere, id, ed.id)).toBe('not_found');
    expect(await listThreads(db, elsewhere, ed.id)).toEqual([]);
  });

  it('fills the inbox across plans with mentions and replies in own threads, newest first', async () => {
    const second = await newPlan('Zweiter Plan', { [ed.id]: 'commenter' });
    // Emil mentions Fatima in plan 1; Fatima starts a thread in plan 2 and Emil replies.
    const mentioning = await thread(ed, `Bitte prüfen ${mentionToken(fac.id)}`);
    const own = await createThread(
      db,
      second,
      { id: fac.id, role: 'facilitator' },
      { anchor: GOALS, body: 'Meine Frage' },
    );
    if (typeof own === 'string') throw new Error(own);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await replyToThread(db, second, ed.id, { threadId: own.threadId, body: 'Meine Antwort' });
    // Someone else's thread without a mention does not show up.
    await thread(ed, 'Nur für mich');

    let inbox = await listInbox(db, fac.id);
    expect(inbox).toEqual([
      expect.objectContaining({
        threadId: own.threadId,
        planId: second.id,
        planTitle: 'Zweiter Plan',
        authorName: 'Emil',
        body: 'Meine Antwort',
        mention: false,
        unread: true,
      }),
      expect.objectContaining({
        threadId: mentioning,
        planId: plan.id,
        mention: true,
        unread: true,
      }),
    ]);
    expect(await countUnreadInbox(db, fac.id)).toBe(2);
    await markThreadRead(db, second, own.threadId, fac.id);
    inbox = await listInbox(db, fac.id);
    expect(inbox.map((entry) => entry.unread)).toEqual([false, true]);
    expect(await countUnreadInbox(db, fac.id)).toBe(1);
    // One's own comments and what came before one's own reply are no inbox entries.
    expect(await listInbox(db, ed.id)).toEqual([]);
    expect(await countUnreadInbox(db, ed.id)).toBe(0);
  });

  it('counts all unread inbox entries, also more than the inbox lists', async () => {
    const own = await thread(fac, 'Viele Antworten?');
    const replies = INBOX_LIMIT + 5;
    const start = Date.now() + 1000;
    await db
      .insertInto('comments')
      .values(
        Array.from({ length: replies }, (_, i) => ({
          id: `reply-${i}`,
          thread_id: own,
          author_id: ed.id,
          body: `Antwort ${i}`,
          created_at: new Date(start + i).toISOString(),
          edited_at: null,
        })),
      )
      .execute();
    expect(await listInbox(db, fac.id)).toHaveLength(INBOX_LIMIT);
    expect(await countUnreadInbox(db, fac.id)).toBe(replies);
    // Read up to the 10th reply: the later ones stay unread.
    await db
      .updateTable('comment_reads')
      .set({ last_read_at: new Date(start + 9).toISOString() })
      .where('thread_id', '=', own)
      .where('user_id', '=', fac.id)
      .execute();
    expect(await countUnreadInbox(db, fac.id)).toBe(replies - 10);
  });

  it('gives open threads to exports and records which were open when a version was saved', async () => {
    const open = await thread(ed, `Frage an ${mentionToken(fac.id)}`, GOALS);
    const done = await thread(ed, 'Schon geklärt');
    await setThreadStatus(
      db,
      plan,
      { id: fac.id, role: 'facilitator' },
      {
        threadId: done,
        status: 'resolved',
      },
    );
    expect(await listOpenThreadsForExport(db, plan.id)).toEqual([
      {
        anchorLabel: 'Ziele',
        status: 'open',
        comments: [{ authorName: 'Emil', body: 'Frage an @Fatima', at: expect.any(String) }],
      },
    ]);
    await db
      .insertInto('versions')
      .values({
        id: 'v1',
        doc_name: plan.docName,
        kind: 'named',
        label: 'Entwurf',
        note: null,
        state: new Uint8Array([0, 0]),
        canonical_json: '{}',
        sha256: '0'.repeat(64),
        author_id: fac.id,
        status: 'draft',
      })
      .execute();
    expect(await recordOpenThreads(db, 'v1', plan.id)).toBe(1);
    expect(await listVersionOpenThreads(db, 'v1')).toEqual([open]);
  });
});

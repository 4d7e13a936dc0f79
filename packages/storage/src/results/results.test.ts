import { describe, expect, it } from 'vitest';
import { describePostgres } from '../testing/postgres-test-database.js';
import {
  openPostgresSchemaDatabase,
  openSqliteSchemaDatabase,
  withSchemaDatabase,
  type SchemaTestContext,
} from '../testing/schema-test-database.js';
import type { NewContribution } from './contribution-input.js';
import type { ResultEvent, ResultsContext } from './context.js';
import {
  FourEyesError,
  ReleaseBlockedError,
  ReleaseStateError,
  ResultsConflictError,
  ResultsInputError,
} from './errors.js';
import {
  acceptThemeSuggestion,
  addThemeSuggestions,
  addToCluster,
  coverage,
  createCluster,
  createContribution,
  createTheme,
  getContribution,
  insertContributions,
  lastRelease,
  listClusters,
  listContributionThemes,
  listContributions,
  listPublicAnswers,
  listReplyHistory,
  lookupReceipt,
  previewContributions,
  replyToCluster,
  requestRelease,
  setReply,
  signOffRelease,
  splitContribution,
  updateContribution,
} from './index.js';
import { formatReceiptCode } from './receipt-code.js';
import { seedAccountsAndPlans } from '../testing/seed-plans.js';

const PERSONAL = ['Erika Mustermann', 'erika@example.org', 'Max Mitzeichner'];

function letter(extra: Partial<NewContribution> = {}): NewContribution {
  return {
    channel: 'letter',
    sourceSystem: 'manual',
    receivedAt: '2026-03-02',
    authorKind: 'person',
    pseudonym: 'Bürgerin 1',
    authorName: 'Erika Mustermann',
    authorContact: 'erika@example.org',
    contactConsent: true,
    cosigners: ['Max Mitzeichner'],
    text: 'Mehr Bänke am Ufer',
    ...extra,
  };
}

function rows(count: number, prefix = 'ref'): NewContribution[] {
  return Array.from({ length: count }, (_, i) => ({
    channel: 'platform' as const,
    sourceSystem: 'mein.berlin',
    sourceRef: `${prefix}-${i}`,
    receivedAt: `2026-02-${String((i % 28) + 1).padStart(2, '0')}T10:00:00Z`,
    authorKind: 'anonymous' as const,
    pseudonym: `Nutzer ${i}`,
    text: `Vorschlag ${i}`,
  }));
}

function runTests(name: string, setup: () => Promise<SchemaTestContext>): void {
  describe(`results API: ${name}`, () => {
    const events: ResultEvent[] = [];
    const withCtx = (body: (ctx: ResultsContext) => Promise<void>): Promise<void> =>
      withSchemaDatabase(setup, async (db) => {
        events.length = 0;
        await seedAccountsAndPlans(db, ['ada', 'bo'], ['p1', 'p2']);
        await body({ db, emit: (event) => events.push(event) });
      });

    it('enters a letter with a receipt code and emits one event', async () => {
      await withCtx(async (ctx) => {
        const created = await createContribution(ctx, 'p1', letter(), 'ada');
        expect(created.receiptCode).toMatch(/^[2-9A-HJKMNP-Z]{10}$/);
        expect(created.cosignerCount).toBe(1);
        expect(created.state).toBe('new');
        expect(await getContribution(ctx.db, 'p1', created.id)).toEqual(created);
        expect(await getContribution(ctx.db, 'p2', created.id)).toBeUndefined();
        expect(events).toEqual([
          {
            planId: 'p1',
            kind: 'contribution',
            reason: 'created',
            ids: [created.id],
            actorId: 'ada',
          },
        ]);
      });
    });

    it('edits the source reference but refuses one another item has', async () => {
      await withCtx(async (ctx) => {
        const first = await createContribution(ctx, 'p1', letter({ sourceRef: 'B-1' }), 'ada');
        const second = await createContribution(ctx, 'p1', letter({ sourceRef: 'B-2' }), 'ada');
        const moved = await updateContribution(
          ctx,
          'p1',
          second.id,
          second.version,
          { sourceSystem: 'post', sourceRef: 'B-1' },
          'bo',
        );
        expect([moved.sourceSystem, moved.sourceRef]).toEqual(['post', 'B-1']);
        const refused = updateContribution(
          ctx,
          'p1',
          second.id,
          moved.version,
          { sourceSystem: 'manual', sourceRef: 'B-1' },
          'bo',
        );
        await expect(refused).rejects.toBeInstanceOf(ResultsInputError);
        expect((await getContribution(ctx.db, 'p1', second.id))?.sourceSystem).toBe('post');
        expect((await getContribution(ctx.db, 'p1', first.id))?.sourceRef).toBe('B-1');
      });
    });

    it('refuses a stale update: two people editing at once do not overwrite each other', async () => {
      await withCtx(async (ctx) => {
        const created = await createContribution(ctx, 'p1', letter(), 'ada');
        const [first, second] = await Promise.allSettled([
          updateContribution(
            ctx,
            'p1',
            created.id,
            created.version,
            { assigneeDepartment: 'Grün' },
            'ada',
          ),
          updateContribution(
            ctx,
            'p1',
            created.id,
            created.version,
            { assigneeDepartment: 'Tief' },
            'bo',
          ),
        ]);
        const outcomes = [first, second].map((r) => r.status).sort();
        expect(outcomes).toEqual(['fulfilled', 'rejected']);
        const rejected = [first, second].find(
          (r) => r.status === 'rejected',
        ) as PromiseRejectedResult;
        expect(rejected.reason).toBeInstanceOf(ResultsConflictError);
        expect((rejected.reason as ResultsConflictError).currentVersion).toBe(created.version + 1);
        const stored = await getContribution(ctx.db, 'p1', created.id);
        expect(stored?.version).toBe(created.version + 1);
        expect(['Grün', 'Tief']).toContain(stored?.assigneeDepartment);
      });
    });

    it('answers concurrently only once per read version, and keeps the history', async () => {
      await withCtx(async (ctx) => {
        const c = await createContribution(ctx, 'p1', letter(), 'ada');
        const results = await Promise.allSettled([
          setReply(ctx, 'p1', c.id, null, { decision: 'noted', reason: 'A' }, 'ada'),
          setReply(ctx, 'p1', c.id, null, { decision: 'adopted' }, 'bo'),
        ]);
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        const failed = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
        expect(failed.reason).toBeInstanceOf(ResultsConflictError);
        const reply = (
          results.find((r) => r.status === 'fulfilled') as PromiseFulfilledResult<{
            version: number;
          }>
        ).value;
        await expect(setReply(ctx, 'p1', c.id, null, { reason: 'x' }, 'bo')).rejects.toBeInstanceOf(
          ResultsConflictError,
        );
        await setReply(
          ctx,
          'p1',
          c.id,
          reply.version,
          { decision: 'not_adopted', reason: 'Kein Platz' },
          'bo',
        );
        const history = await listReplyHistory(ctx.db, 'p1', c.id);
        expect(history.map((h) => [h.version, h.decision, h.changedBy])).toEqual([
          [1, expect.any(String), expect.any(String)],
          [2, 'not_adopted', 'bo'],
        ]);
        expect((await getContribution(ctx.db, 'p1', c.id))?.state).toBe('answered');
      });
    });

    it('requires the original of a "duplicate of" answer, in the same plan', async () => {
      await withCtx(async (ctx) => {
        const a = await createContribution(ctx, 'p1', letter(), 'ada');
        const b = await createContribution(ctx, 'p1', letter(), 'ada');
        const other = await createContribution(ctx, 'p2', letter(), 'ada');
        await expect(
          setReply(ctx, 'p1', b.id, null, { decision: 'duplicate_of', reason: 'x' }, 'ada'),
        ).rejects.toBeInstanceOf(ResultsInputError);
        await expect(
          setReply(
            ctx,
            'p1',
            b.id,
            null,
            { decision: 'duplicate_of', reason: 'x', duplicateOfId: other.id },
            'ada',
          ),
        ).rejects.toBeInstanceOf(ResultsInputError);
        const reply = await setReply(
          ctx,
          'p1',
          b.id,
          null,
          { decision: 'duplicate_of', reason: 'wie A', duplicateOfId: a.id },
          'ada',
        );
        expect(reply.duplicateOfId).toBe(a.id);
      });
    });

    it('imports all or nothing: one bad row in the middle writes nothing', async () => {
      await withCtx(async (ctx) => {
        const input = rows(1000);
        input[500] = { ...input[500], receivedAt: '31.02.2026' } as NewContribution;
        const error = await insertContributions(ctx, 'p1', input, 'ada').catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ResultsInputError);
        expect((error as ResultsInputError).issues).toEqual([
          expect.objectContaining({ index: 500, path: 'receivedAt' }),
        ]);
        expect((await listContributions(ctx.db, 'p1')).total).toBe(0);
        expect(events).toEqual([]);
      });
    });

    it('rolls back an import that fails after rows were written', async () => {
      await withCtx(async (ctx) => {
        let calls = 0;
        const failing = insertContributions(ctx, 'p1', rows(1000), 'ada', {
          onProgress: () => {
            calls += 1;
            if (calls === 2) throw new Error('disk full');
          },
        });
        await expect(failing).rejects.toThrow('disk full');
        expect((await listContributions(ctx.db, 'p1')).total).toBe(0);
      });
    });

    it('creates no duplicates when the same file is imported again', async () => {
      await withCtx(async (ctx) => {
        const progress: number[] = [];
        const first = await insertContributions(ctx, 'p1', rows(900), 'ada', {
          onProgress: (done) => progress.push(done),
        });
        expect(first.createdIds).toHaveLength(900);
        expect(progress).toEqual([400, 800, 900]);
        const again = [...rows(901), rows(1)[0] as NewContribution];
        const preview = await previewContributions(ctx.db, 'p1', again);
        expect(preview.create).toEqual([900]);
        expect(preview.duplicates).toHaveLength(901);
        expect(preview.duplicates.at(-1)).toEqual({
          index: 901,
          sourceRef: 'ref-0',
          existingId: first.createdIds[0],
        });
        const second = await insertContributions(ctx, 'p1', again, 'ada');
        expect(second.createdIds).toHaveLength(1);
        expect((await listContributions(ctx.db, 'p1')).total).toBe(901);
        // Another plan may hold the same references.
        expect((await insertContributions(ctx, 'p2', rows(3), 'ada')).createdIds).toHaveLength(3);
      });
    });

    it('stores imported answers as replies with history', async () => {
      await withCtx(async (ctx) => {
        const [row] = rows(1);
        const result = await insertContributions(
          ctx,
          'p1',
          [{ ...(row as NewContribution), reply: { decision: 'adopted', response: 'Umgesetzt' } }],
          null,
        );
        const history = await listReplyHistory(ctx.db, 'p1', result.createdIds[0] as string);
        expect(history).toEqual([
          expect.objectContaining({
            decision: 'adopted',
            response: 'Umgesetzt',
            changedBy: 'import',
          }),
        ]);
      });
    });

    it("writes a large import's answers in chunks as it would one by one", async () => {
      await withCtx(async (ctx) => {
        // 450 rows: past two chunks of replies; every second decided, every sixth only thanked.
        const input: NewContribution[] = rows(450, 'bulk').map((row, i) => {
          if (i % 2 === 0)
            return { ...row, reply: { decision: 'not_adopted', reason: `Grund ${i}` } };
          return i % 3 === 0 ? { ...row, reply: { response: `Danke ${i}` } } : row;
        });
        const { createdIds } = await insertContributions(ctx, 'p1', input, 'ada');
        const decided = await listContributions(
          ctx.db,
          'p1',
          { decisions: ['not_adopted'] },
          { limit: 500 },
        );
        expect(decided.total).toBe(225);
        for (const item of decided.items) {
          expect(item.state).toBe('answered');
          expect(item.reply).toEqual(
            expect.objectContaining({ version: 1, updatedBy: 'ada', clusterId: null }),
          );
        }
        const thanked = await getContribution(ctx.db, 'p1', createdIds[3] as string);
        expect(thanked?.state).toBe('new');
        expect(await listReplyHistory(ctx.db, 'p1', createdIds[3] as string)).toEqual([
          expect.objectContaining({ decision: null, reason: '', response: 'Danke 3' }),
        ]);
        expect(await listReplyHistory(ctx.db, 'p1', createdIds[448] as string)).toEqual([
          expect.objectContaining({
            decision: 'not_adopted',
            reason: 'Grund 448',
            changedBy: 'ada',
          }),
        ]);
        expect((await listContributions(ctx.db, 'p1', { decisions: ['none'] })).total).toBe(225);
        // Answering later continues from version 1, as after a one-by-one import.
        await setReply(ctx, 'p1', createdIds[0] as string, 1, { decision: 'noted' }, 'bo');
      });
    });

    it('lists with filters and keyset pages', async () => {
      await withCtx(async (ctx) => {
        const { createdIds } = await insertContributions(ctx, 'p1', rows(120), 'ada');
        await createContribution(ctx, 'p1', letter({ text: 'Der SPIELPLATZ fehlt' }), 'ada');
        await setReply(
          ctx,
          'p1',
          createdIds[0] as string,
          null,
          { decision: 'not_adopted' },
          'ada',
        );
        const seen: string[] = [];
        let cursor: string | null = null;
        do {
          const page = await listContributions(
            ctx.db,
            'p1',
            { channels: ['platform'] },
            { limit: 50, cursor },
          );
          expect(page.total).toBe(120);
          seen.push(...page.items.map((item) => item.id));
          cursor = page.nextCursor;
        } while (cursor);
        expect(new Set(seen).size).toBe(120);
        expect(
          (await listContributions(ctx.db, 'p1', { search: 'spielplatz' })).items.map(
            (i) => i.channel,
          ),
        ).toEqual(['letter']);
        const missing = await listContributions(ctx.db, 'p1', { missingReason: true });
        expect(missing.items.map((i) => i.id)).toEqual([createdIds[0]]);
        expect(missing.items[0]?.reply?.decision).toBe('not_adopted');
        expect((await listContributions(ctx.db, 'p1', { decisions: ['none'] })).total).toBe(120);
        // Counted without the reply join when no filter reads the reply: the same total.
        expect((await listContributions(ctx.db, 'p1')).total).toBe(121);
        await expect(
          listContributions(ctx.db, 'p1', {}, { cursor: 'nonsense' }),
        ).rejects.toBeInstanceOf(ResultsInputError);
      });
    });

    it('answers a cluster once and fans the answer out, also to later members', async () => {
      await withCtx(async (ctx) => {
        const [a, b, c] = await Promise.all(
          [1, 2, 3].map(() => createContribution(ctx, 'p1', letter(), 'ada')),
        );
        const cluster = await createCluster(ctx, 'p1', [a!.id, b!.id], 'Bänke', 'ada');
        expect(
          await replyToCluster(
            ctx,
            'p1',
            cluster.id,
            cluster.version,
            { decision: 'partly_adopted', reason: 'Teilweise' },
            'ada',
          ),
        ).toEqual({ answered: 2, keptOwn: [] });
        await expect(
          replyToCluster(
            ctx,
            'p1',
            cluster.id,
            cluster.version,
            { decision: 'noted', reason: 'x' },
            'bo',
          ),
        ).rejects.toBeInstanceOf(ResultsConflictError);
        await addToCluster(ctx, 'p1', cluster.id, [c!.id], 'bo');
        expect(await listClusters(ctx.db, 'p2')).toEqual([]);
        const other = await createContribution(ctx, 'p2', letter(), 'ada');
        await createCluster(ctx, 'p2', [other.id], 'Anderer Plan', 'ada');
        expect(await listClusters(ctx.db, 'p1')).toEqual([
          expect.objectContaining({
            id: cluster.id,
            label: 'Bänke',
            memberIds: [a!.id, b!.id, c!.id].sort(),
          }),
        ]);
        for (const item of [a!, b!, c!]) {
          const [history] = await listReplyHistory(ctx.db, 'p1', item.id);
          expect(history).toEqual(
            expect.objectContaining({
              decision: 'partly_adopted',
              reason: 'Teilweise',
              clusterId: cluster.id,
            }),
          );
        }
      });
    });

    it('records who accepted a suggested theme; coverage counts accepted themes only', async () => {
      await withCtx(async (ctx) => {
        const a = await createContribution(ctx, 'p1', letter(), 'ada');
        const b = await createContribution(ctx, 'p1', letter(), 'ada');
        const theme = await createTheme(ctx, 'p1', { label: 'Grünflächen' }, 'ada');
        expect(
          await addThemeSuggestions(ctx, 'p1', [
            { contributionId: a.id, themeId: theme.id, explanation: 'bank, ufer' },
            { contributionId: b.id, themeId: theme.id, explanation: 'bank' },
          ]),
        ).toBe(2);
        expect((await coverage(ctx.db, 'p1')).byTheme).toEqual({});
        expect(await acceptThemeSuggestion(ctx, 'p1', a.id, theme.id, 'bo')).toBe(true);
        const tags = await listContributionThemes(ctx.db, 'p1');
        expect(tags.find((t) => t.contributionId === a.id)).toEqual(
          expect.objectContaining({
            suggested: false,
            acceptedBy: 'bo',
            explanation: 'bank, ufer',
          }),
        );
        expect(tags.find((t) => t.contributionId === b.id)).toEqual(
          expect.objectContaining({ suggested: true, acceptedBy: null }),
        );
        expect((await coverage(ctx.db, 'p1')).byTheme).toEqual({ [theme.id]: 1 });
      });
    });

    it('blocks release until every item has a decision and reason, then needs a second person', async () => {
      await withCtx(async (ctx) => {
        const a = await createContribution(ctx, 'p1', letter(), 'ada');
        const long = await createContribution(
          ctx,
          'p1',
          letter({ pseudonym: 'Verein 7', authorKind: 'organisation' }),
          'ada',
        );
        const [part1, part2] = await splitContribution(
          ctx,
          'p1',
          long.id,
          { version: long.version, replyVersion: null },
          // A part that names its author: public views take the name and address out.
          [{ text: 'Teil eins, Erika Mustermann, erika@example.org' }, { text: 'Teil zwei' }],
          'ada',
        );
        await updateContribution(ctx, 'p1', a.id, a.version, { dueDate: '2026-01-01' }, 'ada');
        let cov = await coverage(ctx.db, 'p1', '2026-02-01');
        expect(cov).toEqual(
          expect.objectContaining({ total: 3, withoutDecision: 3, withoutReason: 0, overdue: 1 }),
        );
        await expect(requestRelease(ctx, 'p1', 'ada')).rejects.toBeInstanceOf(ReleaseBlockedError);

        await setReply(ctx, 'p1', a.id, null, { decision: 'adopted', response: 'Kommt' }, 'ada');
        await setReply(ctx, 'p1', part1!.id, null, { decision: 'adopted' }, 'ada');
        const r2 = await setReply(ctx, 'p1', part2!.id, null, { decision: 'not_adopted' }, 'ada');
        cov = await coverage(ctx.db, 'p1', '2026-02-01');
        expect(cov).toEqual(
          expect.objectContaining({ withoutDecision: 0, withoutReason: 1, overdue: 0 }),
        );
        expect(cov.byDecision).toEqual({ adopted: 2, not_adopted: 1 });
        const blocked = await requestRelease(ctx, 'p1', 'ada').catch((e: unknown) => e);
        expect(blocked).toEqual(expect.objectContaining({ withoutDecision: 0, withoutReason: 1 }));

        await setReply(ctx, 'p1', part2!.id, r2.version, { reason: 'Zu teuer' }, 'ada');
        const request = await requestRelease(ctx, 'p1', 'ada');
        await expect(requestRelease(ctx, 'p1', 'bo')).rejects.toBeInstanceOf(ReleaseStateError);
        await expect(signOffRelease(ctx, 'p1', request.id, 'ada')).rejects.toBeInstanceOf(
          FourEyesError,
        );
        expect((await listPublicAnswers(ctx.db, 'p1')).total).toBe(0);

        const released = await signOffRelease(ctx, 'p1', request.id, 'bo');
        expect(released).toEqual(
          expect.objectContaining({ status: 'released', signedOffBy: 'bo', itemCount: 3 }),
        );
        await expect(signOffRelease(ctx, 'p1', request.id, 'bo')).rejects.toBeInstanceOf(
          ReleaseStateError,
        );
        expect((await getContribution(ctx.db, 'p1', a.id))?.state).toBe('published');

        const publicPage = await listPublicAnswers(ctx.db, 'p1');
        expect(publicPage.total).toBe(3);
        const serialized = JSON.stringify(publicPage);
        for (const personal of PERSONAL) expect(serialized).not.toContain(personal);
        for (const item of publicPage.items) {
          expect(Object.keys(item).sort()).toEqual([
            'channel',
            'contributionId',
            'cosignerCount',
            'decision',
            'duplicateOfId',
            'linkId',
            'linkKind',
            'measureId',
            'pseudonym',
            'reason',
            'receivedOn',
            'releasedAt',
            'response',
            'subjectId',
            'text',
            'title',
          ]);
        }

        // The receipt of the split original opens the answers of its parts.
        const receipt = await lookupReceipt(
          ctx.db,
          formatReceiptCode(long.receiptCode).toLowerCase(),
        );
        expect(receipt?.answer).toBeNull();
        expect(receipt?.parts.map((p) => [p.text, p.decision, p.reason])).toEqual([
          ['Teil eins, […], […]', 'adopted', ''],
          ['Teil zwei', 'not_adopted', 'Zu teuer'],
        ]);
        expect(JSON.stringify(receipt)).not.toContain('Erika');
        const own = await lookupReceipt(ctx.db, a.receiptCode);
        expect(own?.answer).toEqual(
          expect.objectContaining({ decision: 'adopted', response: 'Kommt' }),
        );
        expect(await lookupReceipt(ctx.db, 'AAAAA-AAAAA')).toBeNull();
        expect(await lookupReceipt(ctx.db, 'x')).toBeNull();

        // A later change stays internal until the next release.
        const current = await listReplyHistory(ctx.db, 'p1', a.id);
        await setReply(ctx, 'p1', a.id, current.at(-1)!.version, { response: 'Kommt 2027' }, 'ada');
        expect((await lookupReceipt(ctx.db, a.receiptCode))?.answer?.response).toBe('Kommt');
        expect((await getContribution(ctx.db, 'p1', a.id))?.state).toBe('answered');
      });
    });

    it('keeps the common words of a postal contact in public answers', async () => {
      await withCtx(async (ctx) => {
        const a = await createContribution(
          ctx,
          'p1',
          letter({
            authorContact: 'Am Park 3\n10115 Berlin',
            text: 'Mehr Bänke im Park. Erika Mustermann, Am Park 3, 10115 Berlin',
          }),
          'ada',
        );
        const response = 'Das Land Berlin wird den Park bis 2027 erneuern.';
        await setReply(ctx, 'p1', a.id, null, { decision: 'adopted', response }, 'ada');
        const request = await requestRelease(ctx, 'p1', 'ada');
        await signOffRelease(ctx, 'p1', request.id, 'bo');

        const [answer] = (await listPublicAnswers(ctx.db, 'p1')).items;
        expect(answer?.response).toBe(response);
        expect(answer?.text).toBe('Mehr Bänke im Park. […], […], […]');
        expect((await lookupReceipt(ctx.db, a.receiptCode))?.answer?.response).toBe(response);
      });
    });

    it('shows what was released, not later edits of the item or of its author', async () => {
      await withCtx(async (ctx) => {
        const a = await createContribution(
          ctx,
          'p1',
          letter({
            title: 'Bänke, Erika Mustermann',
            text: 'Mehr Bänke. Mit freundlichen Grüßen, Erika Mustermann',
          }),
          'ada',
        );
        const reply = await setReply(
          ctx,
          'p1',
          a.id,
          null,
          { decision: 'adopted', response: 'Danke, Frau Mustermann.' },
          'ada',
        );
        expect(await lastRelease(ctx.db, 'p1')).toBeNull();
        const request = await requestRelease(ctx, 'p1', 'ada');
        const released = await signOffRelease(ctx, 'p1', request.id, 'bo');
        expect(await lastRelease(ctx.db, 'p1')).toEqual({
          releasedAt: released.releasedAt,
          answersChangedSince: false,
        });

        // After sign-off an editor changes the words and an erasure clears the name and contact.
        const current = await getContribution(ctx.db, 'p1', a.id);
        await updateContribution(
          ctx,
          'p1',
          a.id,
          current!.version,
          {
            title: 'Neuer Titel',
            text: 'Ganz anderer Text. Mit freundlichen Grüßen, Erika Mustermann',
            authorName: null,
            authorContact: null,
            cosigners: [],
          },
          'ada',
        );
        await setReply(
          ctx,
          'p1',
          a.id,
          reply.version,
          { response: 'Erika Mustermann: nein' },
          'ada',
        );
        expect((await lastRelease(ctx.db, 'p1'))?.answersChangedSince).toBe(true);

        const expected = {
          title: 'Bänke, […]',
          text: 'Mehr Bänke. Mit freundlichen Grüßen, […]',
          response: 'Danke, Frau […].',
        };
        const [item] = (await listPublicAnswers(ctx.db, 'p1')).items;
        expect(item).toEqual(expect.objectContaining(expected));
        const receipt = await lookupReceipt(ctx.db, a.receiptCode);
        expect(receipt?.title).toBe(expected.title);
        expect(receipt?.answer).toEqual(expect.objectContaining(expected));
        expect(JSON.stringify([item, receipt])).not.toContain('Erika');
      });
    });

    it('reads answers released before the snapshot columns from the item as it is', async () => {
      await withCtx(async (ctx) => {
        const a = await createContribution(
          ctx,
          'p1',
          letter({ text: 'Gruß, Erika Mustermann' }),
          'ada',
        );
        await setReply(ctx, 'p1', a.id, null, { decision: 'adopted' }, 'ada');
        const request = await requestRelease(ctx, 'p1', 'ada');
        await signOffRelease(ctx, 'p1', request.id, 'bo');
        // A row as storage-0012 wrote it: no public form, no link.
        await ctx.db
          .updateTable('released_replies')
          .set({
            public_title: null,
            public_text: null,
            public_reason: null,
            public_response: null,
          })
          .execute();
        const current = await getContribution(ctx.db, 'p1', a.id);
        await updateContribution(
          ctx,
          'p1',
          a.id,
          current!.version,
          { text: 'Gruß, Erika Mustermann!' },
          'ada',
        );
        const [item] = (await listPublicAnswers(ctx.db, 'p1')).items;
        expect(item?.text).toBe('Gruß, […]!');
      });
    });

    it('refuses a sign-off when answers changed after the request', async () => {
      await withCtx(async (ctx) => {
        const a = await createContribution(ctx, 'p1', letter(), 'ada');
        const reply = await setReply(ctx, 'p1', a.id, null, { decision: 'adopted' }, 'ada');
        const request = await requestRelease(ctx, 'p1', 'ada');
        await setReply(ctx, 'p1', a.id, reply.version, { response: 'geändert' }, 'ada');
        const error = await signOffRelease(ctx, 'p1', request.id, 'bo').catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ReleaseStateError);
        expect((error as ReleaseStateError).reason).toBe('changed_since_request');
      });
    });
  });
}

runTests('SQLite', () => openSqliteSchemaDatabase('pw-results-'));
await describePostgres('results API on PostgreSQL', () =>
  runTests('PostgreSQL', () => openPostgresSchemaDatabase('results_api')),
);

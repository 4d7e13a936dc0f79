import { describe, expect, it } from 'vitest';
import { describePostgres } from '../testing/postgres-test-database.js';
import {
  openPostgresSchemaDatabase,
  openSqliteSchemaDatabase,
  withSchemaDatabase,
  type SchemaTestContext,
} from '../testing/schema-test-database.js';
import type { NewContribution } from './contribution-input.js';
import type { ResultsContext } from './context.js';
import {
  addThemeSuggestions,
  coverage,
  createContribution,
  createTheme,
  listCoverageItems,
  listPublicThemes,
  requestRelease,
  setReply,
  signOffRelease,
  splitContribution,
  tagContribution,
  updateContribution,
} from './index.js';
import { seedAccountsAndPlans } from '../testing/seed-plans.js';

function letter(text: string, receivedAt: string): NewContribution {
  return {
    channel: 'letter',
    sourceSystem: 'manual',
    receivedAt,
    authorKind: 'person',
    pseudonym: `Brief ${text.slice(0, 20)}`,
    authorName: 'Erika Mustermann',
    authorContact: 'erika@example.org',
    text,
  };
}

function runTests(name: string, setup: () => Promise<SchemaTestContext>): void {
  const withCtx = (body: (ctx: ResultsContext) => Promise<void>): Promise<void> =>
    withSchemaDatabase(setup, async (db) => {
      await seedAccountsAndPlans(db, ['ada', 'bo'], ['p1', 'p2']);
      await body({ db });
    });

  describe(`coverage lists and public themes: ${name}`, () => {
    it('lists each gap by the rule the counts use, split originals left out', async () => {
      await withCtx(async (ctx) => {
        const open = await createContribution(ctx, 'p1', letter('offen', '2026-03-01'), 'ada');
        const late = await createContribution(ctx, 'p1', letter('spät', '2026-03-02'), 'ada');
        await updateContribution(
          ctx,
          'p1',
          late.id,
          late.version,
          { dueDate: '2026-03-10' },
          'ada',
        );
        const noReason = await createContribution(ctx, 'p1', letter('ohne', '2026-03-03'), 'ada');
        await setReply(ctx, 'p1', noReason.id, null, { decision: 'noted' }, 'ada');
        const adopted = await createContribution(ctx, 'p1', letter('gut', '2026-03-04'), 'ada');
        await setReply(ctx, 'p1', adopted.id, null, { decision: 'adopted' }, 'ada');
        const long = await createContribution(
          ctx,
          'p1',
          letter('x'.repeat(500), '2026-03-05'),
          'ada',
        );
        const [part] = await splitContribution(
          ctx,
          'p1',
          long.id,
          { version: long.version, replyVersion: null },
          [{ text: 'Teil' }],
          'ada',
        );
        await createContribution(ctx, 'p2', letter('fremd', '2026-03-01'), 'ada');

        const today = '2026-04-01';
        const without = await listCoverageItems(ctx.db, 'p1', 'without_decision', { today });
        expect(without.items.map((item) => item.id)).toEqual([open.id, late.id, part!.id]);
        expect(without.total).toBe(3);
        const reasons = await listCoverageItems(ctx.db, 'p1', 'without_reason', { today });
        expect(reasons.items.map((item) => item.id)).toEqual([noReason.id]);
        const overdue = await listCoverageItems(ctx.db, 'p1', 'overdue', { today });
        expect(overdue.items).toEqual([
          {
            id: late.id,
            channel: 'letter',
            receivedAt: late.receivedAt,
            pseudonym: 'Brief spät',
            title: '',
            textStart: 'spät',
            dueDate: '2026-03-10',
          },
        ]);
        // Not overdue before its date; the counts say the same as the lists.
        expect(
          (await listCoverageItems(ctx.db, 'p1', 'overdue', { today: '2026-03-10' })).total,
        ).toBe(0);
        const counts = await coverage(ctx.db, 'p1', today);
        expect([counts.withoutDecision, counts.withoutReason, counts.overdue]).toEqual([
          without.total,
          reasons.total,
          overdue.total,
        ]);
        // No personal field travels, and a long text is cut.
        expect(JSON.stringify(without)).not.toContain('Erika');
        const limited = await listCoverageItems(ctx.db, 'p1', 'without_decision', {
          limit: 1,
          today,
        });
        expect(limited).toEqual({ items: [expect.objectContaining({ id: open.id })], total: 3 });
      });
    });

    it('cuts the text start at 200 characters', async () => {
      await withCtx(async (ctx) => {
        await createContribution(ctx, 'p1', letter('a'.repeat(300), '2026-03-01'), 'ada');
        const { items } = await listCoverageItems(ctx.db, 'p1', 'without_decision');
        expect(items[0]?.textStart).toBe('a'.repeat(200));
      });
    });

    it('names accepted themes of released answers only', async () => {
      await withCtx(async (ctx) => {
        const a = await createContribution(ctx, 'p1', letter('Bäume', '2026-03-01'), 'ada');
        const b = await createContribution(ctx, 'p1', letter('Bänke', '2026-03-02'), 'ada');
        const green = await createTheme(ctx, 'p1', { label: 'Grün' }, 'ada');
        const seats = await createTheme(ctx, 'p1', { label: 'Bänke' }, 'ada');
        await tagContribution(ctx, 'p1', a.id, green.id, 'ada');
        await addThemeSuggestions(ctx, 'p1', [
          { contributionId: a.id, themeId: seats.id, explanation: 'vorgeschlagen' },
        ]);
        await tagContribution(ctx, 'p1', b.id, seats.id, 'ada');
        await setReply(ctx, 'p1', a.id, null, { decision: 'adopted' }, 'ada');
        await setReply(ctx, 'p1', b.id, null, { decision: 'adopted' }, 'ada');
        expect(await listPublicThemes(ctx.db, 'p1', [a.id, b.id])).toEqual([]);

        const request = await requestRelease(ctx, 'p1', 'ada');
        await signOffRelease(ctx, 'p1', request.id, 'bo');
        expect(await listPublicThemes(ctx.db, 'p1', [a.id, b.id])).toEqual([
          { contributionId: b.id, themeId: seats.id, label: 'Bänke' },
          { contributionId: a.id, themeId: green.id, label: 'Grün' },
        ]);
        expect(await listPublicThemes(ctx.db, 'p2', [a.id, b.id])).toEqual([]);
        expect(await listPublicThemes(ctx.db, 'p1', [])).toEqual([]);
      });
    });
  });
}

runTests('SQLite', () => openSqliteSchemaDatabase('pw-coverage-items-'));
await describePostgres('coverage lists on PostgreSQL', () =>
  runTests('PostgreSQL', () => openPostgresSchemaDatabase('coverage_items')),
);

import {
  createContribution,
  formatReceiptCode,
  requestRelease,
  setReply,
  signOffRelease,
} from '@prozesswerkstatt/storage';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Db } from '../db.js';
import { createPlan } from '../plans.js';
import { describeEachDialect, testAccount } from '../test-database.js';
import type { SessionUser } from '../users.js';
import { RECEIPT_LOOKUP_RULE, lookupReceiptCode, receiptLookupKey } from './receipt-lookup.js';

await describeEachDialect('receipt lookup', (openTestStorage) => {
  let db: Db;
  let close: () => Promise<void>;
  let planId: string;
  let ada: SessionUser;

  beforeEach(async () => {
    let storage;
    ({ db, storage, close } = await openTestStorage());
    ada = await testAccount(db, 'ada');
    planId = await createPlan(db, storage, ada, { title: 'Spielplatz', requestingUnit: '' });
  });
  afterEach(() => close());

  it('opens the released answer to one contribution, typed as people type', async () => {
    const item = await createContribution(
      { db },
      planId,
      {
        channel: 'workshop',
        sourceSystem: 'manual',
        receivedAt: '2026-03-02',
        authorKind: 'person',
        authorName: 'Erika Mustermann',
        authorContact: 'erika@example.org',
        title: 'Schatten',
        text: 'Mehr Bäume',
      },
      ada.id,
    );
    const typed = formatReceiptCode(item.receiptCode).toLowerCase().replace('-', ' - ');

    // Nothing of the plan released yet: the code looks like one that does not exist, so it
    // gives away neither the plan nor its title.
    const before = await lookupReceiptCode(db, '10.0.0.1', typed);
    expect(before).toEqual({ kind: 'unknown' });
    expect(before).toEqual(await lookupReceiptCode(db, '10.0.0.1', 'AAAAA-AAAAA'));

    await setReply(
      { db },
      planId,
      item.id,
      null,
      { decision: 'adopted', response: 'Kommt' },
      ada.id,
    );
    const request = await requestRelease({ db }, planId, ada.id);
    const bo = await testAccount(db, 'bo');
    await signOffRelease({ db }, planId, request.id, bo.id);
    const after = await lookupReceiptCode(db, '10.0.0.1', typed);
    expect(after).toEqual(
      expect.objectContaining({ kind: 'found', plan: { id: planId, title: 'Spielplatz' } }),
    );
    expect(after.kind === 'found' && after.receipt.answer).toEqual(
      expect.objectContaining({ decision: 'adopted', response: 'Kommt', title: 'Schatten' }),
    );
    expect(JSON.stringify(after)).not.toMatch(/Erika|erika@/);
    // Once the plan has released answers, a later item's code says it waits for its answer.
    const later = await createContribution(
      { db },
      planId,
      {
        channel: 'letter',
        sourceSystem: 'manual',
        receivedAt: '2026-03-09',
        authorKind: 'anonymous',
        text: 'Ein Trinkbrunnen',
      },
      ada.id,
    );
    const waiting = await lookupReceiptCode(db, '10.0.0.1', later.receiptCode);
    expect(waiting.kind === 'found' && waiting.receipt.answer).toBeNull();

    expect(await lookupReceiptCode(db, '10.0.0.1', 'AAAAA-AAAAA')).toEqual({ kind: 'unknown' });
    expect(await lookupReceiptCode(db, '10.0.0.1', 'ABC')).toEqual({ kind: 'malformed' });
    // 0, O, 1, I and L are not in the alphabet: a code with them cannot exist.
    expect(await lookupReceiptCode(db, '10.0.0.1', 'O0O0O-I1I1L')).toEqual({ kind: 'malformed' });
  });

  it('refuses an address past the limit, counting every attempt, until its window ends', async () => {
    const start = new Date('2030-01-01T10:00:00.000Z');
    for (let i = 0; i < RECEIPT_LOOKUP_RULE.limit; i++) {
      expect((await lookupReceiptCode(db, '10.0.0.2', 'nonsense', start)).kind).toBe('malformed');
    }
    expect(await lookupReceiptCode(db, '10.0.0.2', 'AAAAA-AAAAA', start)).toEqual({
      kind: 'throttled',
      retryAfterSeconds: RECEIPT_LOOKUP_RULE.windowMs / 1000,
    });
    // Another address is not held up; the first one may try again after the window.
    expect((await lookupReceiptCode(db, '10.0.0.3', 'AAAAA-AAAAA', start)).kind).toBe('unknown');
    const later = new Date(start.getTime() + RECEIPT_LOOKUP_RULE.windowMs);
    expect((await lookupReceiptCode(db, '10.0.0.2', 'AAAAA-AAAAA', later)).kind).toBe('unknown');
    // The table holds no address, only its hash under this purpose's key.
    const keys = await db.selectFrom('login_throttle').select('key').execute();
    expect(keys.map((row) => row.key)).toContain(receiptLookupKey('10.0.0.2'));
    expect(JSON.stringify(keys)).not.toContain('10.0.0.2');
  });
});

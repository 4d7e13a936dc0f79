import {
  createContribution,
  listPublicAnswers,
  setReply,
  type ResultEvent,
} from '@prozesswerkstatt/storage';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Db } from '../db.js';
import { createPlan } from '../plans.js';
import { describeEachDialect, testAccount } from '../test-database.js';
import type { SessionUser } from '../users.js';
import { loadReleaseHistory, openRequest } from './release-history.js';
import {
  describeReleaseRefusal,
  refusalStatus,
  requestPlanRelease,
  signOffPlanRelease,
  withdrawPlanRelease,
} from './release-workflow.js';

const LETTER = {
  channel: 'letter',
  sourceSystem: 'manual',
  receivedAt: '2026-03-02',
  authorKind: 'person',
  pseudonym: 'Anwohnerin',
  authorName: 'Erika Mustermann',
  text: 'Mehr Schatten',
} as const;

await describeEachDialect('release workflow', (openTestStorage) => {
  let db: Db;
  let close: () => Promise<void>;
  let planId: string;
  let ada: SessionUser;
  let bo: SessionUser;
  const events: ResultEvent[] = [];
  const ctx = () => ({ db, emit: (event: ResultEvent) => events.push(event) });

  beforeEach(async () => {
    let storage;
    ({ db, storage, close } = await openTestStorage());
    ada = await testAccount(db, 'ada');
    bo = await testAccount(db, 'bo');
    planId = await createPlan(db, storage, ada, { title: 'Spielplatz', requestingUnit: '' });
    events.length = 0;
  });
  afterEach(() => close());

  it('is blocked by an unanswered item, then needs a second person to sign off', async () => {
    const item = await createContribution(ctx(), planId, LETTER, ada.id);
    const blocked = await requestPlanRelease(ctx(), planId, ada.id);
    expect(blocked).toEqual({
      ok: false,
      refusal: 'blocked',
      blockers: { withoutDecision: 1, withoutReason: 0 },
    });
    if (blocked.ok) return;
    expect(refusalStatus(blocked.refusal)).toBe(409);
    expect(describeReleaseRefusal(blocked.refusal, blocked.blockers)).toContain('1');

    const reply = await setReply(ctx(), planId, item.id, null, { decision: 'noted' }, ada.id);
    const noReason = await requestPlanRelease(ctx(), planId, ada.id);
    expect(noReason).toEqual(
      expect.objectContaining({ blockers: { withoutDecision: 0, withoutReason: 1 } }),
    );
    await setReply(ctx(), planId, item.id, reply.version, { reason: 'Zur Kenntnis' }, ada.id);

    const requested = await requestPlanRelease(ctx(), planId, ada.id);
    expect(requested.ok).toBe(true);
    const releaseId = requested.ok ? (requested.release?.id ?? '') : '';
    expect(await requestPlanRelease(ctx(), planId, bo.id)).toEqual(
      expect.objectContaining({ ok: false, refusal: 'already_requested' }),
    );
    expect(await signOffPlanRelease(ctx(), planId, releaseId, ada.id)).toEqual(
      expect.objectContaining({ ok: false, refusal: 'four_eyes' }),
    );
    expect(await signOffPlanRelease(ctx(), planId, 'no-such-release', bo.id)).toEqual(
      expect.objectContaining({ ok: false, refusal: 'not_found' }),
    );
    expect(refusalStatus('not_found')).toBe(404);
    expect((await listPublicAnswers(db, planId)).total).toBe(0);

    const released = await signOffPlanRelease(ctx(), planId, releaseId, bo.id);
    expect(released).toEqual({
      ok: true,
      release: expect.objectContaining({ status: 'released', itemCount: 1 }),
    });
    expect((await listPublicAnswers(db, planId)).total).toBe(1);
    expect(events.filter((event) => event.kind === 'release').map((e) => e.reason)).toEqual([
      'created',
      'released',
    ]);

    const history = await loadReleaseHistory(db, planId);
    expect(history).toEqual([
      expect.objectContaining({
        id: releaseId,
        status: 'released',
        requestedById: ada.id,
        requestedBy: 'ada',
        signedOffBy: 'bo',
        itemCount: 1,
      }),
    ]);
    expect(openRequest(history)).toBeNull();
    expect(JSON.stringify(history)).not.toContain('@example.org');
  });

  it('withdraws an open request once; a withdrawn one cannot be signed off', async () => {
    const item = await createContribution(ctx(), planId, LETTER, ada.id);
    await setReply(ctx(), planId, item.id, null, { decision: 'adopted' }, ada.id);
    const requested = await requestPlanRelease(ctx(), planId, ada.id);
    const releaseId = requested.ok ? (requested.release?.id ?? '') : '';
    expect(openRequest(await loadReleaseHistory(db, planId))?.id).toBe(releaseId);

    expect(await withdrawPlanRelease(ctx(), planId, releaseId, bo.id)).toEqual({
      ok: true,
      release: null,
    });
    expect(await withdrawPlanRelease(ctx(), planId, releaseId, bo.id)).toEqual(
      expect.objectContaining({ ok: false, refusal: 'not_requested' }),
    );
    expect(await signOffPlanRelease(ctx(), planId, releaseId, bo.id)).toEqual(
      expect.objectContaining({ ok: false, refusal: 'not_requested' }),
    );
    const [entry] = await loadReleaseHistory(db, planId);
    expect(entry).toEqual(expect.objectContaining({ status: 'withdrawn', signedOffBy: null }));
  });

  it('refuses a sign-off when answers changed after the request', async () => {
    const item = await createContribution(ctx(), planId, LETTER, ada.id);
    const reply = await setReply(ctx(), planId, item.id, null, { decision: 'adopted' }, ada.id);
    const requested = await requestPlanRelease(ctx(), planId, ada.id);
    const releaseId = requested.ok ? (requested.release?.id ?? '') : '';
    await setReply(ctx(), planId, item.id, reply.version, { response: 'Neu' }, ada.id);
    const refused = await signOffPlanRelease(ctx(), planId, releaseId, bo.id);
    expect(refused).toEqual(
      expect.objectContaining({ ok: false, refusal: 'changed_since_request' }),
    );
  });
});

import {
  listFormats,
  listStakeholders,
  planToJSON,
  seedSamplePlan,
  updateFormat,
  updateMeta,
  updateStakeholder,
  writePlainParagraphs,
} from '@prozesswerkstatt/plan-model';
import { PLAN_TEMPLATES } from '@prozesswerkstatt/plan-templates';
import {
  SelectQueryNode,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type RootOperationNode,
} from 'kysely';
import type { SqlDocumentStorage } from '@prozesswerkstatt/storage';
import * as Y from 'yjs';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Db } from '../db.js';
import { listPlansForUser } from '../plan-list.js';
import { createPlan } from '../plans.js';
import { describeEachDialect, testAccount } from '../test-database.js';
import type { SessionUser } from '../users.js';
import { saveVersion } from '../versions/versions.js';
import { memberPlansWithApprovedVersion } from './approved-plans.js';
import {
  builtInOptions,
  createPlanFromTemplate,
  listTemplatePlans,
  resolveTemplateSource,
} from './plan-templates.js';

const MARKER = 'PERSONAL-c41d';

/** A Kysely plugin counting the queries that select a version's stored JSON. */
function jsonReads(): KyselyPlugin & { count: number } {
  return {
    count: 0,
    transformQuery({ node }: PluginTransformQueryArgs): RootOperationNode {
      if (SelectQueryNode.is(node) && JSON.stringify(node).includes('"canonical_json"')) {
        this.count += 1;
      }
      return node;
    },
    transformResult: async ({ result }: PluginTransformResultArgs) => result,
  };
}

async function storedPlan(storage: SqlDocumentStorage, id: string) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, (await storage.loadDocument(`plans/${id}`))!);
  return planToJSON(doc);
}

/** A plan of `owner` whose document holds the sample plan with personal data in every field. */
async function planWithPersonalData(db: Db, storage: SqlDocumentStorage, owner: SessionUser) {
  const id = await createPlan(db, storage, owner, { title: 'Park', requestingUnit: 'Amt' });
  const doc = new Y.Doc();
  seedSamplePlan(doc);
  updateMeta(doc, { facilitator: `${MARKER} facilitator` });
  for (const s of listStakeholders(doc)) {
    updateStakeholder(doc, s.id, { contactRole: `${MARKER} contact` });
    writePlainParagraphs(s.notes, [`${MARKER} note`]);
  }
  for (const f of listFormats(doc)) updateFormat(doc, f.id, { responsible: `${MARKER} person` });
  return { id, state: Y.encodeStateAsUpdate(doc) };
}

/** Saves `state` as a version of `planId` and marks it approved by both sides. */
async function approve(db: Db, planId: string, state: Uint8Array, signers: SessionUser[]) {
  const version = await saveVersion(
    db,
    planId,
    { kind: 'named', label: 'Freigabe', note: null, authorId: signers[0]!.id },
    state,
  );
  for (const [index, signer] of signers.entries()) {
    await db
      .insertInto('version_approvals')
      .values({
        version_id: version.id,
        user_id: signer.id,
        role: index === 0 ? 'facilitator' : 'requesting_unit',
        decision: 'approved',
        reason: null,
      })
      .execute();
  }
  await db
    .updateTable('versions')
    .set({ status: 'approved' })
    .where('id', '=', version.id)
    .execute();
  return version.id;
}

await describeEachDialect('plans from templates', (openTestStorage) => {
  let db: Db;
  let storage: SqlDocumentStorage;
  let close: () => Promise<void>;
  beforeEach(async () => ({ db, storage, close } = await openTestStorage()));
  afterEach(() => close());

  it('creates a draft plan from a built-in template, led by its creator', async () => {
    const ada = await testAccount(db, 'ada');
    const template = PLAN_TEMPLATES[1]!;
    const source = await resolveTemplateSource(db, ada, `template:${template.id}`);
    if (!source.ok || !source.plan) throw new Error('expected the template');
    const id = await createPlanFromTemplate(db, storage, ada, source.plan, {
      title: 'Spielplatz Lindenhof',
      requestingUnit: 'Grünflächenamt',
    });
    const plan = await storedPlan(storage, id);
    expect(plan.meta).toMatchObject({
      title: 'Spielplatz Lindenhof',
      requestingUnit: 'Grünflächenamt',
      facilitator: 'ada',
      status: 'draft',
    });
    expect(plan.phases.map((p) => p.title)).toEqual(source.plan.phases.map((p) => p.title));
    const [listed] = await listPlansForUser(db, storage, ada.id);
    expect(listed).toMatchObject({ id, title: 'Spielplatz Lindenhof', role: 'facilitator' });
    expect(listed?.mine).toBe(true);
  });

  it('offers the built-in templates in both languages', () => {
    expect(builtInOptions('de').map((o) => o.title)).toContain('Spielplatz mit Kindern planen');
    expect(builtInOptions('en').map((o) => o.title)).toContain(
      'A playground planned with children',
    );
    expect(builtInOptions('en').map((o) => o.source)).toEqual(
      PLAN_TEMPLATES.map((t) => `template:${t.id}`),
    );
  });

  it("uses a plan's approved version without any personal data, for members only", async () => {
    const [ada, bea, cem] = [
      await testAccount(db, 'ada'),
      await testAccount(db, 'bea'),
      await testAccount(db, 'cem'),
    ];
    const { id: planId, state } = await planWithPersonalData(db, storage, ada);
    await db
      .insertInto('plan_members')
      .values({ plan_id: planId, user_id: bea.id, role: 'viewer' })
      .execute();

    expect(await resolveTemplateSource(db, bea, `plan:${planId}`)).toEqual({
      ok: false,
      refusal: 'no_approved_version',
    });
    expect(await listTemplatePlans(db, bea)).toEqual({ own: [], network: [] });
    await approve(db, planId, state, [ada, bea]);

    // Title and unit as approved (the sample plan's), not the plans table's cache ('Park').
    expect(await listTemplatePlans(db, bea)).toEqual({
      own: [
        {
          source: `plan:${planId}`,
          planId,
          title: 'Bürgerbeteiligung Parkumgestaltung',
          requestingUnit: 'Bezirksamt, Straßen- und Grünflächenamt',
          approvedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        },
      ],
      network: [],
    });
    expect(cem.isFacilitator).toBe(false);
    expect(await listTemplatePlans(db, cem)).toEqual({ own: [], network: [] });
    expect(await resolveTemplateSource(db, cem, `plan:${planId}`)).toEqual({
      ok: false,
      refusal: 'plan_not_found',
    });
    const source = await resolveTemplateSource(db, bea, `plan:${planId}`);
    if (!source.ok || !source.plan) throw new Error('expected the approved version');
    expect(JSON.stringify(source.plan)).toContain(MARKER);

    const id = await createPlanFromTemplate(db, storage, bea, source.plan, {
      title: 'Neuer Park',
      requestingUnit: '',
    });
    const plan = await storedPlan(storage, id);
    expect(JSON.stringify(plan)).not.toContain(MARKER);
    expect(plan.results).toEqual([]);
    expect(plan.meta.facilitator).toBe('bea');
    expect(plan.stakeholders.map((s) => s.name)).toEqual(['Anwohnende', 'BVV']);
    const listed = await listPlansForUser(db, storage, bea.id);
    expect(listed.find((p) => p.id === id)).toMatchObject({ role: 'facilitator', mine: true });
  });

  it("lets a facilitator who is no member start from another's approved plan", async () => {
    const ada = await testAccount(db, 'ada');
    const bea = await testAccount(db, 'bea');
    const dan = { ...(await testAccount(db, 'dan')), isFacilitator: true };
    const eva = await testAccount(db, 'eva');
    expect([ada.isFacilitator, eva.isFacilitator]).toEqual([true, false]);
    const { id: planId, state } = await planWithPersonalData(db, storage, ada);
    await db
      .insertInto('plan_members')
      .values({ plan_id: planId, user_id: bea.id, role: 'editor' })
      .execute();
    const unapproved = await createPlan(db, storage, ada, { title: 'Entwurf', requestingUnit: '' });
    const source = `plan:${planId}`;

    // Not approved yet: neither listed nor usable, with one refusal for every unusable plan.
    expect(await listTemplatePlans(db, dan)).toEqual({ own: [], network: [] });
    for (const id of [planId, unapproved, 'no-such-plan']) {
      expect(await resolveTemplateSource(db, dan, `plan:${id}`)).toEqual({
        ok: false,
        refusal: 'not_in_network',
      });
    }

    const versionId = await approve(db, planId, state, [ada, bea]);
    const listed = await listTemplatePlans(db, dan);
    expect(listed.own).toEqual([]);
    expect(listed.network).toEqual([
      {
        source,
        planId,
        title: 'Bürgerbeteiligung Parkumgestaltung',
        requestingUnit: 'Bezirksamt, Straßen- und Grünflächenamt',
        approvedAt: expect.any(String),
      },
    ]);
    const [decision] = await db
      .selectFrom('version_approvals')
      .select('created_at')
      .where('version_id', '=', versionId)
      .orderBy('created_at', 'desc')
      .execute();
    expect(listed.network[0]!.approvedAt).toBe(new Date(decision!.created_at).toISOString());
    // No names or addresses in what the picker gets.
    expect(JSON.stringify(listed)).not.toMatch(/ada|bea|example\.org/);
    expect(JSON.stringify(listed)).not.toContain(MARKER);

    // The plans list's "use as template" links are for members only.
    expect([...(await memberPlansWithApprovedVersion(db, bea.id))]).toEqual([planId]);
    expect((await memberPlansWithApprovedVersion(db, dan.id)).size).toBe(0);
    // The owner sees it among their own; a non-facilitator who is no member sees nothing.
    expect((await listTemplatePlans(db, ada)).own.map((p) => p.planId)).toEqual([planId]);
    expect(await listTemplatePlans(db, eva)).toEqual({ own: [], network: [] });
    expect(await resolveTemplateSource(db, eva, source)).toEqual({
      ok: false,
      refusal: 'plan_not_found',
    });

    // The live document (titled 'Park', without the sample's content) is not what is copied.
    expect((await storedPlan(storage, planId)).meta.title).toBe('Park');
    const resolved = await resolveTemplateSource(db, dan, source);
    if (!resolved.ok || !resolved.plan) throw new Error('expected the approved version');
    expect(resolved.plan.meta.title).toBe('Bürgerbeteiligung Parkumgestaltung');
    const id = await createPlanFromTemplate(db, storage, dan, resolved.plan, {
      title: 'Park im Netzwerk',
      requestingUnit: 'Umweltamt',
    });
    const plan = await storedPlan(storage, id);
    expect(JSON.stringify(plan)).not.toContain(MARKER);
    expect(plan.phases.map((p) => p.title)).toEqual(['Auftakt', 'Werkstatt']);
    expect(plan.meta).toMatchObject({ title: 'Park im Netzwerk', facilitator: 'dan' });
    expect(plan.results).toEqual([]);
    // dan leads the new plan and is still no member of the source.
    const danPlans = await listPlansForUser(db, storage, dan.id);
    expect(danPlans.map((p) => p.id)).toEqual([id]);

    // Archived: gone from the network list and refused; its members still see it.
    await db
      .updateTable('plans')
      .set({ archived_at: new Date().toISOString() })
      .where('id', '=', planId)
      .execute();
    expect((await listTemplatePlans(db, dan)).network).toEqual([]);
    expect(await resolveTemplateSource(db, dan, source)).toEqual({
      ok: false,
      refusal: 'not_in_network',
    });
    expect((await listTemplatePlans(db, bea)).own.map((p) => p.planId)).toEqual([planId]);
  });

  it("reads an approved version's JSON once, and a newly binding one at once", async () => {
    const ada = await testAccount(db, 'ada');
    const bea = await testAccount(db, 'bea');
    const { id: planId, state } = await planWithPersonalData(db, storage, ada);
    await approve(db, planId, state, [ada, bea]);
    const reads = jsonReads();
    const titles = async () =>
      (await listTemplatePlans(db.withPlugin(reads), ada)).own.map((p) => p.title);

    expect(await titles()).toEqual(['Bürgerbeteiligung Parkumgestaltung']);
    expect(reads.count).toBe(1);
    expect(await titles()).toEqual(['Bürgerbeteiligung Parkumgestaltung']);
    expect(reads.count).toBe(1);

    // A later approved version becomes the binding one and is read on the next visit.
    const renamed = new Y.Doc();
    Y.applyUpdate(renamed, state);
    updateMeta(renamed, { title: 'Park, zweite Fassung' });
    await approve(db, planId, Y.encodeStateAsUpdate(renamed), [ada, bea]);
    expect(await titles()).toEqual(['Park, zweite Fassung']);
    expect(reads.count).toBe(2);
  });

  it('refuses unknown sources', async () => {
    const ada = await testAccount(db, 'ada');
    for (const source of ['template:nope', 'something', 'plan:', 'plan:no-such-plan']) {
      const result = await resolveTemplateSource(db, ada, source);
      expect(result.ok, source).toBe(false);
    }
    expect(await resolveTemplateSource(db, ada, '')).toEqual({ ok: true, plan: null });
  });
});

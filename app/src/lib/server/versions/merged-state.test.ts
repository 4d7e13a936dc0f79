/**
 * A version of a state that two people's edits merged into and that no single edit may write (a
 * phase whose start and end were moved past each other at the same moment): it is saved, shown
 * and exported like any other; only restoring it is refused, with what breaks the rules.
 */
import { planDocumentName } from '@prozesswerkstatt/contract';
import { addPhase, updatePhase } from '@prozesswerkstatt/plan-model';
import type { SqlDocumentStorage } from '@prozesswerkstatt/storage';
import * as Y from 'yjs';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Db } from '../db.js';
import { renderExport } from '../exports/export-document.js';
import { loadExportSource } from '../exports/export-source.js';
import { createPlan } from '../plans.js';
import { describeEachDialect, testAccount } from '../test-database.js';
import { getVerifiedVersion, saveVersion } from './versions.js';

/** The stored plan with one phase whose start and end two people moved past each other. */
async function mergedBackwardsPhase(storage: SqlDocumentStorage, docName: string) {
  const ada = new Y.Doc();
  Y.applyUpdate(ada, (await storage.loadDocument(docName))!);
  const phaseId = addPhase(ada, { title: 'Auftakt', start: '2026-03-10', end: '2026-03-25' });
  const bea = new Y.Doc();
  Y.applyUpdate(bea, Y.encodeStateAsUpdate(ada));
  updatePhase(ada, phaseId, { start: '2026-03-20' });
  updatePhase(bea, phaseId, { end: '2026-03-15' });
  Y.applyUpdate(ada, Y.encodeStateAsUpdate(bea));
  return Y.encodeStateAsUpdate(ada);
}

await describeEachDialect('a version of a merged state', (openTestStorage) => {
  let db: Db;
  let storage: SqlDocumentStorage;
  let close: () => Promise<void>;
  beforeEach(async () => ({ db, storage, close } = await openTestStorage()));
  afterEach(() => close());

  it('is saved with its guideline check, shown and exported', async () => {
    const ada = await testAccount(db, 'ada');
    const planId = await createPlan(db, storage, ada, { title: 'Park', requestingUnit: 'SGA' });
    const state = await mergedBackwardsPhase(storage, planDocumentName(planId));

    const saved = await saveVersion(
      db,
      planId,
      { kind: 'named', label: 'Nach der Sitzung', note: null, authorId: ada.id },
      state,
    );
    expect(saved.guideline_check).not.toBeNull();

    const verified = await getVerifiedVersion(db, planId, saved.id);
    if (!verified.found || verified.integrity !== 'ok') throw new Error('expected the version');
    expect(verified.plan.phases[0]).toMatchObject({ start: '2026-03-20', end: '2026-03-15' });

    const exported = await loadExportSource(db, storage, planId, saved.id);
    if (!exported.ok) throw new Error('expected the export source');
    const markdown = new TextDecoder().decode(await renderExport(exported.source, 'md'));
    expect(markdown).toContain('Auftakt');
  });
});

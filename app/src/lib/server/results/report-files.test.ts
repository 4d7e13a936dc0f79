import {
  createContribution,
  createMeasure,
  getContribution,
  linkMeasureContributions,
  requestRelease,
  setReply,
  signOffRelease,
  updateContribution,
} from '@prozesswerkstatt/storage';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Db } from '../db.js';
import { createPlan } from '../plans.js';
import { openTestStorage, testAccount } from '../test-database.js';
import type { SessionUser } from '../users.js';
import { reportResponse, weighingResponse } from './report-files.js';
import { loadReportInput } from './report-source.js';

let db: Db;
let storage: Awaited<ReturnType<typeof openTestStorage>>['storage'];
let close: () => Promise<void>;
let planId: string;
let editor: SessionUser;
let letterId: string;
let replyVersion: number;

const PERSONAL = ['Erika Muster', 'Muster', 'erika@example.org', '030 1234567', 'Lea Kunz'];
const REASON = 'Der Gehweg ist dafür zu schmal.';

beforeEach(async () => {
  ({ db, storage, close } = await openTestStorage());
  editor = await testAccount(db, 'Edda');
  planId = await createPlan(db, storage, editor, { title: 'Spielplatz', requestingUnit: '' });
  const ctx = { db };
  const letter = await createContribution(
    ctx,
    planId,
    {
      channel: 'letter',
      sourceSystem: 'manual',
      receivedAt: '2026-12-01',
      authorKind: 'person',
      pseudonym: 'Anwohnerin 1',
      authorName: 'Erika Muster',
      authorContact: 'erika@example.org',
      cosigners: ['Lea Kunz'],
      title: 'Bänke',
      text: 'Bitte Bänke. Frau Muster, Tel. 030 1234567, mit Lea Kunz.',
    },
    editor.id,
  );
  letterId = letter.id;
  const reply = await setReply(
    ctx,
    planId,
    letter.id,
    null,
    { decision: 'not_adopted', reason: REASON, response: 'Leider nein, Frau Muster.' },
    editor.id,
  );
  replyVersion = reply.version;
  const measure = await createMeasure(ctx, planId, { title: { de: 'Gehweg' } }, editor.id);
  await linkMeasureContributions(ctx, planId, measure.id, [letter.id], editor.id);
});
afterEach(async () => {
  await close();
});

async function input(edition: 'public' | 'internal' = 'internal') {
  return loadReportInput(db, storage, { planId, planTitle: 'Spielplatz', locale: 'de', edition });
}

/** Four eyes: the editor asks, a second person signs off. */
async function release() {
  const ctx = { db };
  const request = await requestRelease(ctx, planId, editor.id);
  const second = await testAccount(db, 'Zweitperson');
  return signOffRelease(ctx, planId, request.id, second.id);
}

it('reads the report without personal fields and pseudonymises every text', async () => {
  const report = await input();
  expect(report.contributions).toEqual([
    expect.objectContaining({
      number: 1,
      pseudonym: 'Anwohnerin 1',
      text: 'Bitte Bänke. Frau […], Tel. […], mit […].',
      response: 'Leider nein, Frau […].',
      reason: REASON,
      decision: 'not_adopted',
    }),
  ]);
  expect(report.measures[0]?.contributionNumbers).toEqual([1]);
  for (const personal of PERSONAL) expect(JSON.stringify(report)).not.toContain(personal);
});

it('shows in the public edition what was released, in the internal one what is now', async () => {
  expect((await input('public')).contributions).toEqual([]);
  const released = await release();
  // After sign-off the text changes, the name is erased and the answer is rewritten.
  const ctx = { db };
  const current = await getContribution(db, planId, letterId);
  await updateContribution(
    ctx,
    planId,
    letterId,
    current!.version,
    { text: 'Neu: Bänke.', authorName: null, authorContact: null, cosigners: [] },
    editor.id,
  );
  await setReply(ctx, planId, letterId, replyVersion, { response: 'Doch ja.' }, editor.id);

  const publicEdition = await input('public');
  expect(publicEdition).toEqual(
    expect.objectContaining({ releasedAt: released.releasedAt, changedSinceRelease: false }),
  );
  expect(publicEdition.contributions).toEqual([
    expect.objectContaining({
      text: 'Bitte Bänke. Frau […], Tel. […], mit […].',
      response: 'Leider nein, Frau […].',
      reason: REASON,
    }),
  ]);
  for (const personal of PERSONAL) expect(JSON.stringify(publicEdition)).not.toContain(personal);

  const internal = await input('internal');
  expect(internal).toEqual(
    expect.objectContaining({ releasedAt: released.releasedAt, changedSinceRelease: true }),
  );
  expect(internal.contributions[0]).toEqual(
    expect.objectContaining({ text: 'Neu: Bänke.', response: 'Doch ja.' }),
  );
});

it('writes a DOCX report and an XLSX weighing table that hold the decision, no personal data', async () => {
  await release();
  const report = await input('public');
  const docx = new Uint8Array(await (await reportResponse(report, 'docx')).arrayBuffer());
  const xml =
    (await (await JSZip.loadAsync(docx)).file('word/document.xml')?.async('string')) ?? '';
  expect(xml).toContain(REASON);
  for (const personal of PERSONAL) expect(xml).not.toContain(personal);

  const response = await weighingResponse(await input('internal'), 'xlsx', 'internal');
  expect(response.headers.get('content-type')).toContain('spreadsheetml');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await response.arrayBuffer());
  const text = JSON.stringify(workbook.worksheets[0]?.getSheetValues());
  expect(text).toContain(REASON);
  expect(text).toContain('Anwohnerin 1');
  for (const personal of PERSONAL) expect(text).not.toContain(personal);

  const publicEdition = await weighingResponse(report, 'xlsx', 'public');
  const open = new ExcelJS.Workbook();
  await open.xlsx.load(await publicEdition.arrayBuffer());
  expect(JSON.stringify(open.worksheets[0]?.getSheetValues())).not.toContain('Anwohnerin 1');
});

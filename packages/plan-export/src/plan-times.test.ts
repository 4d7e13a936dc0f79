/**
 * Times of formats in Markdown and DOCX are the Berlin wall-clock times entered, in winter, in
 * summer and on both DST switch days, whatever zone the exporting server runs in; and a plan's
 * JSON export imports back to the same times.
 */
import JSZip from 'jszip';
import {
  addFormat,
  addPhase,
  formatPlanDate,
  formatPlanDateTime,
  initPlan,
  planFromJSON,
  planToJSON,
  toCanonicalJSON,
  type PlanJSON,
} from '@prozesswerkstatt/plan-model';
import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { planToDocx } from './docx.js';
import { planToMarkdown } from './markdown.js';
import { LABELS } from './test-fixtures.js';

/** The app's German date labels (`app/src/lib/exports/export-labels.ts` passes the same). */
const BERLIN_LABELS = {
  ...LABELS,
  date: (value: string) => formatPlanDate(value, 'de-DE'),
  dateTime: (value: string) => formatPlanDateTime(value, 'de-DE'),
};

/** What a person enters in the board's date-time field: 10:00 on four days. */
const ENTERED = {
  Winter: '2026-01-15T10:00',
  Sommer: '2026-07-15T10:00',
  Zeitumstellung_Maerz: '2026-03-29T10:00',
  Zeitumstellung_Oktober: '2026-10-25T10:00',
} as const;

const EXPECTED_DAYS = ['15. Januar 2026', '15. Juli 2026', '29. März 2026', '25. Oktober 2026'];

function plannedPlan(): PlanJSON {
  const doc = new Y.Doc();
  initPlan(doc, { title: 'Zeiten' });
  const phase = addPhase(doc, { title: 'Ganzjährig', start: '2026-01-15', end: '2026-10-25' });
  for (const [title, dateTime] of Object.entries(ENTERED)) {
    addFormat(doc, { phaseId: phase, title, dateTime });
  }
  return planToJSON(doc);
}

async function docxText(bytes: Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('\n');
}

/** Each expected day at exactly 10:00, and no other hour on it. */
function expectTenOClock(text: string): void {
  for (const day of EXPECTED_DAYS) {
    expect(text).toMatch(new RegExp(`${day}\\D{1,6}10:00`));
    expect(text).not.toMatch(new RegExp(`${day}\\D{1,6}(0[0-9]|1[1-9]|2[0-3]):`));
  }
}

const originalTZ = process.env.TZ;
afterEach(() => {
  if (originalTZ === undefined) delete process.env.TZ;
  else process.env.TZ = originalTZ;
});

describe.each(['UTC', 'America/New_York'])('exported on a server in %s', (zone) => {
  it('Markdown shows every format at 10:00 as entered', () => {
    process.env.TZ = zone;
    expect(new Date(2026, 0, 15).getTimezoneOffset()).toBe(zone === 'UTC' ? 0 : 300);
    const markdown = planToMarkdown({ plan: plannedPlan() }, BERLIN_LABELS);
    expectTenOClock(markdown);
    expect(markdown).toContain('15. Januar 2026 – 25. Oktober 2026');
  });

  it('DOCX shows every format at 10:00 as entered', async () => {
    process.env.TZ = zone;
    const text = await docxText(await planToDocx({ plan: plannedPlan() }, BERLIN_LABELS));
    expectTenOClock(text);
  });
});

it('a JSON export imports back with the same times, byte for byte', () => {
  const plan = plannedPlan();
  const exported = JSON.stringify(plan);
  const imported = new Y.Doc();
  planFromJSON(imported, JSON.parse(exported));
  expect(planToJSON(imported)).toEqual(plan);
  expect(planToJSON(imported).phases[0]!.formats.map((f) => f.dateTime)).toEqual(
    Object.values(ENTERED),
  );
  const again = new Y.Doc();
  planFromJSON(again, JSON.parse(toCanonicalJSON(imported)));
  expect(toCanonicalJSON(again)).toBe(toCanonicalJSON(imported));
});

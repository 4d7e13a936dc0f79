/**
 * Times and dates as entered, end to end: a person in Berlin enters 10:00 for formats in winter,
 * in summer and on both DST switch days; the Markdown and DOCX exports and the print view say
 * 10:00, and someone whose browser runs in New York sees the same 10:00 on the board. A phase
 * that would end before it starts is refused with a message, not saved.
 */
import type { Page } from '@playwright/test';
import JSZip from 'jszip';
import { openBoard } from './board-helpers.js';
import { expect, test } from './fixtures.js';
import { ADMIN, signInOverHttp } from './helpers/accounts.js';
import { createPlanOverHttp } from './helpers/plans.js';

test.use({ timezoneId: 'Europe/Berlin' });

/** What is entered, by format title, and how the German documents say the day. */
const ENTERED = [
  { title: 'Winter', value: '2026-01-15T10:00', day: '15. Januar 2026' },
  { title: 'Sommer', value: '2026-07-15T10:00', day: '15. Juli 2026' },
  { title: 'Umstellung März', value: '2026-03-29T10:00', day: '29. März 2026' },
  { title: 'Umstellung Oktober', value: '2026-10-25T10:00', day: '25. Oktober 2026' },
] as const;

function formatGroup(page: Page, title: string) {
  return page.getByRole('group', { name: `Format: ${title}`, exact: true });
}

/** Each day at 10:00, and at no other hour. */
function expectTenOClock(text: string): void {
  for (const { day } of ENTERED) {
    expect(text).toMatch(new RegExp(`${day}\\D{1,6}10:00`));
    expect(text).not.toMatch(new RegExp(`${day}\\D{1,6}(0\\d|1[1-9]|2\\d):`));
  }
}

async function docxText(bytes: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('\n');
}

test('format times show and export as entered in Berlin, in winter, summer and at DST', async ({
  page,
  browser,
}) => {
  test.slow(); // four formats, three documents and a second browser
  await signInOverHttp(page, ADMIN);
  const planId = await createPlanOverHttp(page, `Zeiten ${Date.now().toString(36)}`, 'Bezirksamt');
  await openBoard(page, planId);
  await page.getByRole('button', { name: 'Phase hinzufügen' }).click();
  await page.keyboard.type('Ganzjährig');
  for (const { title, value } of ENTERED) {
    await page.getByRole('button', { name: 'Format hinzufügen zu: Ganzjährig' }).click();
    await page.keyboard.type(title);
    await formatGroup(page, title).getByLabel('Datum und Uhrzeit').fill(value);
  }
  await expect
    .poll(async () => {
      const plan = await (await page.request.get(`/plans/${planId}/export/json`)).json();
      return plan.phases[0]?.formats.map((f: { dateTime: string | null }) => f.dateTime);
    })
    .toEqual(ENTERED.map((e) => e.value));

  const markdown = await (await page.request.get(`/plans/${planId}/export/md`)).text();
  expectTenOClock(markdown);
  const docx = await page.request.get(`/plans/${planId}/export/docx`);
  expectTenOClock(await docxText(await docx.body()));
  await page.goto(`/plans/${planId}/print`);
  expectTenOClock(await page.locator('.print-document').innerText());

  // Someone whose browser is in New York sees the time as entered, not converted.
  const away = await browser.newContext({
    timezoneId: 'America/New_York',
    storageState: await page.context().storageState(),
  });
  const awayPage = await away.newPage();
  await openBoard(awayPage, planId);
  for (const { title, value } of ENTERED) {
    await expect(formatGroup(awayPage, title).getByLabel('Datum und Uhrzeit')).toHaveValue(value);
  }
  await away.close();
});

test('a phase that would end before it starts is refused with a message', async ({ page }) => {
  test.slow();
  await signInOverHttp(page, ADMIN);
  const planId = await createPlanOverHttp(
    page,
    `Zeitraum ${Date.now().toString(36)}`,
    'Bezirksamt',
  );
  await openBoard(page, planId);
  await page.getByRole('button', { name: 'Phase hinzufügen' }).click();
  await page.keyboard.type('Werkstatt');
  const start = page.getByLabel('Beginn', { exact: true });
  const end = page.getByLabel('Ende', { exact: true });
  await start.fill('2026-05-10');
  await end.fill('2026-05-01');
  await expect(end).toHaveAttribute('aria-invalid', 'true');
  await expect(end).toHaveAccessibleDescription(
    'Das Ende liegt vor dem Beginn. Dieses Datum wurde nicht gespeichert.',
  );
  // The live region tells screen-reader users too.
  await expect(page.locator('[aria-live]').filter({ hasText: 'nicht gespeichert' })).toHaveCount(1);
  const stored = async () => {
    const plan = await (await page.request.get(`/plans/${planId}/export/json`)).json();
    return { start: plan.phases[0]?.start, end: plan.phases[0]?.end };
  };
  await expect.poll(stored).toEqual({ start: '2026-05-10', end: null });

  await end.fill('2026-05-20');
  await expect(end).not.toHaveAttribute('aria-invalid');
  await expect(page.locator('.field-error')).toHaveCount(0);
  await expect.poll(stored).toEqual({ start: '2026-05-10', end: '2026-05-20' });
});

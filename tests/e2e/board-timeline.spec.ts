/**
 * The phase timeline on the board, with two people on one plan: a phase's kind set in one browser
 * shows in the other (card and timeline); a phase end moved by keyboard (and a bar dragged by
 * mouse) changes the dates in the other browser's date field and timeline, announced; a move
 * that would end a phase before it starts is refused with a message; overlaps and gaps are said
 * in words, today is marked, undated phases say so; a format's ◆ moved by keyboard (across a DST
 * switch) and by mouse keeps its time of day in the other browser's format card; a viewer sees
 * everything but moves nothing; axe finds nothing on the open timeline.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { facilitatorAnd, phaseTitles } from './board-helpers.js';

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

// Two browsers, a sign-up and an axe run each, on a shared machine.
test.describe.configure({ timeout: 90_000 });
test.use({ timezoneId: 'Europe/Berlin' });

/** The issue's bound for "sees the other's change". */
const LIVE = { timeout: 1_000 };

/** The board's live region (the one `announce` writes). */
function liveRegion(page: Page) {
  return page.locator('.board > [aria-live="polite"]');
}

/** The card of a phase in the list of phases, by its title. */
function card(page: Page, title: string) {
  return page
    .locator('li.phase')
    .filter({ has: page.getByRole('heading', { name: `: ${title}` }) });
}

/** The timeline row of a phase, by its title. */
function row(page: Page, title: string) {
  return page.locator('.tl-row[data-phase-id]').filter({
    has: page.locator('.tl-title', { hasText: new RegExp(`^${title}$`) }),
  });
}

/** A calendar date `days` days from today in Berlin, as `YYYY-MM-DD`. */
function berlinDate(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());
  const at = new Date(`${today}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

/** A date as the German board writes it ("13. März 2026"). */
function german(date: string): string {
  return new Intl.DateTimeFormat('de-DE', { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

async function addPhase(page: Page, title: string, start?: string, end?: string): Promise<void> {
  await page.getByRole('button', { name: 'Phase hinzufügen' }).click();
  await page.keyboard.type(title);
  await expect(phaseTitles(page).last()).toHaveValue(title);
  if (start) await card(page, title).getByLabel('Beginn', { exact: true }).fill(start);
  if (end) await card(page, title).getByLabel('Ende', { exact: true }).fill(end);
}

/** Adds a format to a phase with a date and time (`YYYY-MM-DDTHH:mm`). */
async function addFormat(page: Page, phase: string, title: string, dateTime: string) {
  await page.getByRole('button', { name: `Format hinzufügen zu: ${phase}` }).click();
  await page.keyboard.type(title);
  await formatDateTime(page, title).fill(dateTime);
}

/** The date-time field of a format's card, by its title. */
function formatDateTime(page: Page, title: string) {
  return page
    .getByRole('group', { name: `Format: ${title}`, exact: true })
    .getByLabel('Datum und Uhrzeit');
}

/** Opens the timeline's disclosure above the phases (its code loads on demand). */
async function openTimeline(page: Page): Promise<void> {
  const toggle = page.getByRole('button', { name: 'Zeitleiste', exact: true });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(page.locator('section.timeline')).toBeVisible();
}

test('kind and moves made in one browser show in the other, by keyboard and by mouse', async ({
  browser,
  page,
}) => {
  const { facilitator: a, other: b, checkOther } = await facilitatorAnd(browser, page, 'editor');
  await addPhase(a, 'Auftakt', '2026-03-01', '2026-03-10');
  await expect(card(b, 'Auftakt').getByLabel('Ende', { exact: true })).toHaveValue('2026-03-10');
  for (const p of [a, b]) await openTimeline(p);

  // The kind: participation by default, set in A, seen in B's card and timeline.
  await expect(row(b, 'Auftakt').locator('.tl-kind')).toHaveText('Beteiligung');
  await card(a, 'Auftakt').getByLabel('Art der Phase').selectOption({ label: 'Entscheidung' });
  await expect(card(b, 'Auftakt').getByLabel('Art der Phase')).toHaveValue('decision', LIVE);
  await expect(row(b, 'Auftakt').locator('.tl-kind')).toHaveText('Entscheidung', LIVE);
  await expect(row(b, 'Auftakt')).toHaveAttribute('data-kind', 'decision');

  // Keyboard in A: the end moves three days; B's date field and timeline follow.
  const end = a.getByRole('button', { name: 'Ende von Auftakt: 10. März 2026' });
  await end.focus();
  for (let i = 0; i < 3; i++) await a.keyboard.press('ArrowRight');
  await expect(liveRegion(a)).toHaveText('Auftakt: 1. März 2026 bis 13. März 2026');
  await expect(card(b, 'Auftakt').getByLabel('Ende', { exact: true })).toHaveValue(
    '2026-03-13',
    LIVE,
  );
  await expect(row(b, 'Auftakt').locator('.tl-dates')).toHaveText(
    '1. März 2026 – 13. März 2026 · 13 Tage',
  );
  // The handle keeps focus and its name follows the date; Shift moves by a week.
  await expect(a.getByRole('button', { name: 'Ende von Auftakt: 13. März 2026' })).toBeFocused();
  await a.keyboard.press('Shift+ArrowLeft');
  await expect(card(b, 'Auftakt').getByLabel('Ende', { exact: true })).toHaveValue(
    '2026-03-06',
    LIVE,
  );
  // Escape takes back every move since the bar got focus.
  await a.keyboard.press('Escape');
  await expect(liveRegion(a)).toHaveText('Zurückgenommen. Auftakt: 1. März 2026 bis 10. März 2026');
  await expect(card(b, 'Auftakt').getByLabel('Ende', { exact: true })).toHaveValue(
    '2026-03-10',
    LIVE,
  );

  // The whole bar by keyboard in B: both dates move, A sees them.
  await b.getByRole('button', { name: 'Auftakt verschieben' }).focus();
  await b.keyboard.press('ArrowLeft');
  await expect(card(a, 'Auftakt').getByLabel('Beginn', { exact: true })).toHaveValue(
    '2026-02-28',
    LIVE,
  );
  await expect(card(a, 'Auftakt').getByLabel('Ende', { exact: true })).toHaveValue('2026-03-09');
  // Enter leads to the phase's own date field.
  await b.keyboard.press('Enter');
  await expect(card(b, 'Auftakt').getByLabel('Beginn', { exact: true })).toBeFocused();

  // An end moved before the start is refused with the board's reason, nothing is written.
  await addPhase(a, 'Entscheid', '2026-03-20', '2026-03-20');
  await a.getByRole('button', { name: 'Ende von Entscheid: 20. März 2026' }).focus();
  await a.keyboard.press('ArrowLeft');
  await expect(liveRegion(a)).toHaveText(
    'Entscheid: Das Ende läge vor dem Beginn. Die Verschiebung wurde nicht gespeichert.',
  );
  await expect(a.locator('.tl-refused')).toBeVisible();
  await expect(card(a, 'Entscheid').getByLabel('Ende', { exact: true })).toHaveValue('2026-03-20');

  // Mouse in B: the end handle of "Auftakt" dragged four days to the right.
  const bar = b.locator('.tl-row', { has: b.locator('.tl-title', { hasText: 'Auftakt' }) });
  const box = await bar.locator('.tl-bar').boundingBox();
  const handle = await bar.locator('.tl-end').boundingBox();
  if (!box || !handle) throw new Error('bar not drawn');
  const dayWidth = box.width / 10; // 28 February … 9 March
  await b.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
  await b.mouse.down();
  await b.mouse.move(handle.x + handle.width / 2 + 4 * dayWidth, handle.y + 5, { steps: 8 });
  await expect(bar.locator('.tl-dates')).toHaveAttribute('data-end', '2026-03-13');
  await b.mouse.up();
  await expect(card(a, 'Auftakt').getByLabel('Ende', { exact: true })).toHaveValue(
    '2026-03-13',
    LIVE,
  );
  await expect(row(a, 'Auftakt').locator('.tl-dates')).toHaveAttribute('data-start', '2026-02-28');

  // B drags the end again while A types a new start: the drop moves the end of the dates as they
  // are now, so A's start stays.
  const endHandle = await bar.locator('.tl-end').boundingBox();
  if (!endHandle) throw new Error('handle not drawn');
  await b.mouse.move(endHandle.x + endHandle.width / 2, endHandle.y + endHandle.height / 2);
  await b.mouse.down();
  await b.mouse.move(endHandle.x + endHandle.width / 2 + 2 * dayWidth, endHandle.y + 5, {
    steps: 4,
  });
  await card(a, 'Auftakt').getByLabel('Beginn', { exact: true }).fill('2026-03-02');
  await expect(bar.locator('.tl-dates')).toHaveAttribute('data-start', '2026-03-02', LIVE);
  const droppedEnd = await bar.locator('.tl-dates').getAttribute('data-end');
  expect(droppedEnd! > '2026-03-13').toBe(true);
  await b.mouse.up();
  await expect(card(a, 'Auftakt').getByLabel('Ende', { exact: true })).toHaveValue(
    droppedEnd!,
    LIVE,
  );
  await expect(card(a, 'Auftakt').getByLabel('Beginn', { exact: true })).toHaveValue('2026-03-02');
  await expect(card(b, 'Auftakt').getByLabel('Beginn', { exact: true })).toHaveValue('2026-03-02');

  // Escape takes back only moves made since the bar got focus: a date typed in between stays.
  const wholeA = a.getByRole('button', { name: 'Auftakt verschieben' });
  await wholeA.focus();
  await a.keyboard.press('Enter');
  await card(a, 'Auftakt').getByLabel('Beginn', { exact: true }).fill('2026-03-03');
  await wholeA.focus();
  await a.keyboard.press('Escape');
  await expect(card(b, 'Auftakt').getByLabel('Beginn', { exact: true })).toHaveValue(
    '2026-03-03',
    LIVE,
  );
  await expect(card(a, 'Auftakt').getByLabel('Beginn', { exact: true })).toHaveValue('2026-03-03');

  // A format's ◆ by keyboard in A: two days on from the Saturday before the switch to summer
  // time, still 10:00 in B's card; Escape takes both days back.
  await addFormat(a, 'Auftakt', 'Kiezspaziergang', '2026-03-28T10:00');
  const marker = a.getByRole('button', { name: 'Format Kiezspaziergang: 28. März 2026 um 10:00' });
  await marker.focus();
  for (let i = 0; i < 2; i++) await a.keyboard.press('ArrowRight');
  await expect(liveRegion(a)).toHaveText('Format Kiezspaziergang: 30. März 2026 um 10:00');
  await expect(formatDateTime(b, 'Kiezspaziergang')).toHaveValue('2026-03-30T10:00', LIVE);
  await expect(
    a.getByRole('button', { name: 'Format Kiezspaziergang: 30. März 2026 um 10:00' }),
  ).toBeFocused();
  await a.keyboard.press('Escape');
  await expect(liveRegion(a)).toHaveText(
    'Zurückgenommen. Format Kiezspaziergang: 28. März 2026 um 10:00',
  );
  await expect(formatDateTime(b, 'Kiezspaziergang')).toHaveValue('2026-03-28T10:00', LIVE);

  // The ◆ dragged by mouse in B, three days to the left: written once on drop.
  const auftakt = await row(b, 'Auftakt').locator('.tl-bar').boundingBox();
  const diamond = await row(b, 'Auftakt').locator('.tl-marker-button').boundingBox();
  if (!auftakt || !diamond) throw new Error('marker not drawn');
  const perDay = auftakt.width / 14; // 28 February … 13 March
  await b.mouse.move(diamond.x + diamond.width / 2, diamond.y + diamond.height / 2);
  await b.mouse.down();
  await b.mouse.move(diamond.x + diamond.width / 2 - 3 * perDay, diamond.y + 4, { steps: 8 });
  await expect(row(b, 'Auftakt').locator('.tl-marker')).toHaveAttribute(
    'data-date-time',
    '2026-03-25T10:00',
  );
  // Nothing is written before the drop.
  await expect(formatDateTime(a, 'Kiezspaziergang')).toHaveValue('2026-03-28T10:00');
  await b.mouse.up();
  await expect(formatDateTime(a, 'Kiezspaziergang')).toHaveValue('2026-03-25T10:00', LIVE);

  checkOther();
});

test('overlaps, gaps, today and undated phases are shown in words, and axe is clean', async ({
  browser,
  page,
}) => {
  const { facilitator: a, other: b, checkOther } = await facilitatorAnd(browser, page, 'editor');
  await addPhase(a, 'Vorbereitung');
  await openTimeline(b);
  await expect(b.locator('.timeline-empty')).toContainText('Noch hat keine Phase');

  // Around today: "Vorbereitung" −5 … +5, "Werkstatt" +3 … +20 (3 days together), a gap of 5
  // days, "Entscheidung" +26 … +30; "Später" has no dates.
  const vorbereitung = card(a, 'Vorbereitung');
  await vorbereitung.getByLabel('Beginn', { exact: true }).fill(berlinDate(-5));
  await vorbereitung.getByLabel('Ende', { exact: true }).fill(berlinDate(5));
  await addPhase(a, 'Werkstatt', berlinDate(3), berlinDate(20));
  await addPhase(a, 'Entscheidung', berlinDate(26), berlinDate(30));
  await addPhase(a, 'Später');
  await a.getByRole('button', { name: 'Format hinzufügen zu: Werkstatt' }).click();
  await a.keyboard.type('Zukunftswerkstatt');
  await a
    .getByRole('group', { name: 'Format: Zukunftswerkstatt', exact: true })
    .getByLabel('Datum und Uhrzeit')
    .fill(`${berlinDate(10)}T18:00`);

  const issues = b.locator('.tl-issue');
  await expect(issues).toHaveCount(2);
  await expect(issues.nth(0)).toContainText('Überschneidung 3 Tage');
  await expect(issues.nth(0)).toContainText(
    `Vorbereitung und Werkstatt: ${german(berlinDate(3))} – ${german(berlinDate(5))}`,
  );
  await expect(issues.nth(1)).toContainText('Lücke 5 Tage');
  await expect(issues.nth(1)).toContainText(
    `zwischen Werkstatt und Entscheidung: ${german(berlinDate(21))} – ${german(berlinDate(25))}`,
  );
  // Bands in the chart mark them too (hidden from screen readers, who get the list).
  await expect(b.locator('.tl-overlay .tl-overlap')).toHaveCount(1);
  await expect(b.locator('.tl-overlay .tl-gap')).toHaveCount(1);

  const today = b.locator('.tl-today');
  await expect(today).toBeVisible();
  await expect(today).toHaveAttribute('data-today', berlinDate(0));
  await expect(today).toContainText('Heute');
  await expect(row(b, 'Später').locator('.tl-dates')).toHaveText('ohne Datum');
  await expect(row(b, 'Später').locator('.tl-bar')).toHaveCount(0);
  const marker = row(b, 'Werkstatt').locator('.tl-marker');
  await expect(marker).toHaveText(`◆Format Zukunftswerkstatt: ${german(berlinDate(10))} um 18:00`);

  // The ◆ moved two days on by keyboard in A: B's card has the new date, the time is kept.
  await openTimeline(a);
  await a
    .getByRole('button', {
      name: `Format Zukunftswerkstatt: ${german(berlinDate(10))} um 18:00`,
    })
    .focus();
  await a.keyboard.press('ArrowRight');
  await a.keyboard.press('ArrowRight');
  await expect(formatDateTime(b, 'Zukunftswerkstatt')).toHaveValue(`${berlinDate(12)}T18:00`, LIVE);
  await expect(marker).toHaveText(`◆Format Zukunftswerkstatt: ${german(berlinDate(12))} um 18:00`);

  // Moving "Entscheidung" one day earlier (keyboard in A) shortens the gap, live in B.
  await a.getByRole('button', { name: 'Entscheidung verschieben' }).focus();
  await a.keyboard.press('ArrowLeft');
  await expect(issues.nth(1)).toContainText('Lücke 4 Tage', LIVE);

  const axe = await new AxeBuilder({ page: b })
    .include('section.timeline')
    .withTags(WCAG_21_AA)
    .analyze();
  expect(axe.violations).toEqual([]);
  checkOther();
});

test('a viewer sees the timeline but cannot move a phase or change its kind', async ({
  browser,
  page,
}) => {
  const {
    facilitator: a,
    other: viewer,
    checkOther,
  } = await facilitatorAnd(browser, page, 'viewer');
  await addPhase(a, 'Auftakt', '2026-05-04', '2026-05-15');
  await addFormat(a, 'Auftakt', 'Infoabend', '2026-05-06T19:00');
  await openTimeline(viewer);
  await expect(row(viewer, 'Auftakt').locator('.tl-marker')).toHaveText(
    '◆Format Infoabend: 6. Mai 2026 um 19:00',
  );
  await expect(row(viewer, 'Auftakt').locator('.tl-dates')).toHaveAttribute(
    'data-end',
    '2026-05-15',
  );
  await expect(viewer.getByText('Sie können sie nur lesen.')).toBeVisible();
  await expect(card(viewer, 'Auftakt').getByLabel('Art der Phase')).toBeDisabled();

  // Nothing on the timeline takes focus or keys: no bar or handle is a control.
  await expect(viewer.locator('section.timeline button')).toHaveCount(0);
  await expect(viewer.getByRole('button', { name: 'Auftakt verschieben' })).toHaveCount(0);

  // A drag does nothing either.
  const bar = await row(viewer, 'Auftakt').locator('.tl-bar').boundingBox();
  if (!bar) throw new Error('bar not drawn');
  await viewer.mouse.move(bar.x + bar.width - 2, bar.y + bar.height / 2);
  await viewer.mouse.down();
  await viewer.mouse.move(bar.x + bar.width + 120, bar.y + bar.height / 2, { steps: 8 });
  await viewer.mouse.up();
  await viewer.keyboard.press('ArrowRight');
  await expect(row(viewer, 'Auftakt').locator('.tl-dates')).toHaveAttribute(
    'data-end',
    '2026-05-15',
  );
  await expect(card(a, 'Auftakt').getByLabel('Ende', { exact: true })).toHaveValue('2026-05-15');
  await expect(liveRegion(viewer)).toHaveText('');
  await expect(viewer.getByText('Der Server hat eine Änderung abgelehnt')).toHaveCount(0);

  const axe = await new AxeBuilder({ page: viewer })
    .include('section.timeline')
    .withTags(WCAG_21_AA)
    .analyze();
  expect(axe.violations).toEqual([]);
  checkOther();
});

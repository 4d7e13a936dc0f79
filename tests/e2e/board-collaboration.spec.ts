/**
 * Two people edit one plan at the same time — stakeholders, phases, formats, rich text — and
 * each sees the other's change within a second; presence shows both, with the field each is in.
 * Also measures keystroke-to-other-browser latency over 50 keystrokes.
 */
import { expect, test } from './fixtures.js';
import { facilitatorAnd, phaseTitles, stakeholderNames } from './board-helpers.js';

/** What the latency probe keeps on the page's global object (tests have no DOM types). */
interface Probe {
  sent: number[];
  seen: number[];
  MutationObserver: new (callback: () => void) => {
    observe: (target: unknown, options: Record<string, boolean>) => void;
  };
}

/** The bound for "sees the other's change". */
const LIVE = { timeout: 1_000 };

test('facilitator and editor co-edit the board live', async ({ browser, page }) => {
  const {
    facilitator: a,
    other: b,
    otherAccount,
    checkOther,
  } = await facilitatorAnd(browser, page, 'editor');

  // Presence: both avatars on both boards.
  for (const p of [a, b]) {
    await expect(p.locator('.avatars')).toContainText('Ada Admin');
    await expect(p.locator('.avatars')).toContainText(otherAccount.name);
  }

  // At the same time: A adds a stakeholder, B adds a phase.
  await Promise.all([
    (async () => {
      await a.getByRole('button', { name: 'Beteiligte hinzufügen' }).click();
      await a.keyboard.type('Senatsverwaltung für Mobilität');
    })(),
    (async () => {
      await b.getByRole('button', { name: 'Phase hinzufügen' }).click();
      await b.keyboard.type('Auftakt');
    })(),
  ]);
  await expect(stakeholderNames(b).first()).toHaveValue('Senatsverwaltung für Mobilität', LIVE);
  await expect(phaseTitles(a).first()).toHaveValue('Auftakt', LIVE);

  // Stakeholder fields edited by the other side.
  await b.getByLabel('Einfluss (1–5): Senatsverwaltung für Mobilität').selectOption('5');
  await expect(a.getByLabel('Einfluss (1–5): Senatsverwaltung für Mobilität')).toHaveValue(
    '5',
    LIVE,
  );

  // Formats: B adds one to the phase, A fills it and targets the stakeholder.
  await b.getByRole('button', { name: 'Format hinzufügen zu: Auftakt' }).click();
  await b.keyboard.type('Auftaktwerkstatt');
  const formatTitleA = a.getByLabel('Titel des Formats');
  await expect(formatTitleA).toHaveValue('Auftaktwerkstatt', LIVE);
  await a.getByLabel('Methode').fill('World Café');
  await a.getByRole('checkbox', { name: 'Senatsverwaltung für Mobilität' }).check();
  await expect(b.getByLabel('Methode')).toHaveValue('World Café', LIVE);
  await expect(b.getByRole('checkbox', { name: 'Senatsverwaltung für Mobilität' })).toBeChecked(
    LIVE,
  );

  // Rich text at the same time in two fields, then in the same field.
  const goalsA = a.getByRole('textbox', { name: 'Ziele', exact: true });
  const goalsB = b.getByRole('textbox', { name: 'Ziele', exact: true });
  const occasionA = a.getByRole('textbox', { name: 'Anlass', exact: true });
  const occasionB = b.getByRole('textbox', { name: 'Anlass', exact: true });
  await Promise.all([
    goalsA.click().then(() => a.keyboard.type('Mehr Menschen beteiligen')),
    occasionB.click().then(() => b.keyboard.type('Neuer Radweg')),
  ]);
  await expect(goalsB).toHaveText('Mehr Menschen beteiligen', LIVE);
  await expect(occasionA).toHaveText('Neuer Radweg', LIVE);

  // Presence marks the field each one is in, with their name.
  await expect(a.locator('.presence-tag', { hasText: otherAccount.name })).toBeVisible(LIVE);
  await expect(b.locator('.presence-tag', { hasText: 'Ada Admin' })).toBeVisible(LIVE);

  // Formatting from the toolbar travels too.
  await goalsA.press('End');
  await a.keyboard.press('Enter');
  await a
    .getByRole('toolbar', { name: 'Formatierung: Ziele' })
    .getByRole('button', { name: 'Aufzählung' })
    .click();
  await a.keyboard.type('Jugendliche');
  await expect(goalsB.locator('ul li')).toHaveText('Jugendliche', LIVE);

  // Heading and link, by keyboard shortcut, travel too.
  await a.keyboard.press('Enter');
  await a.keyboard.press('Enter');
  await a.keyboard.type('Zeitplan');
  await a.keyboard.press('Control+Alt+1');
  await expect(goalsB.locator('h4')).toHaveText('Zeitplan', LIVE);
  await a.keyboard.press('Enter');
  await a.keyboard.type('mehr Infos');
  await a.keyboard.press('Shift+Home');
  await a.keyboard.press('Control+k');
  await a.getByLabel('Adresse des Links').fill('www.berlin.de');
  await a.keyboard.press('Enter');
  await expect(goalsB.locator('a[href="https://www.berlin.de/"]')).toHaveText('mehr Infos', LIVE);

  // Undo only reverts one's own change: Ctrl+Z outside a field undoes A's method, B's format
  // title stays; redo brings the method back.
  await a.locator('h1').click();
  await a.keyboard.press('Control+z');
  await expect(b.getByLabel('Methode')).toHaveValue('', LIVE);
  await expect(b.getByLabel('Titel des Formats')).toHaveValue('Auftaktwerkstatt');
  await a.getByRole('button', { name: 'Wiederholen' }).click();
  await expect(b.getByLabel('Methode')).toHaveValue('World Café', LIVE);

  checkOther();
});

test('keystroke-to-other-browser latency over 50 keystrokes', async ({ browser, page }) => {
  const { facilitator: a, other: b, checkOther } = await facilitatorAnd(browser, page, 'editor');
  const KEYS = 50;
  // B records when each new character shows up; A records when each key went down.
  await b.getByRole('textbox', { name: 'Offene Fragen', exact: true }).evaluate((el) => {
    const seen: number[] = [];
    const g = globalThis as unknown as Probe;
    g.seen = seen;
    new g.MutationObserver(() => {
      const length = (el.textContent ?? '').length;
      while (seen.length < length) seen.push(performance.timeOrigin + performance.now());
    }).observe(el, { subtree: true, childList: true, characterData: true });
  });
  const field = a.getByRole('textbox', { name: 'Offene Fragen', exact: true });
  await field.evaluate((el) => {
    const sent: number[] = [];
    (globalThis as unknown as Probe).sent = sent;
    el.addEventListener('keydown', () => sent.push(performance.timeOrigin + performance.now()));
  });
  await field.click();
  await a.keyboard.type('x'.repeat(KEYS), { delay: 40 });
  await expect(b.getByRole('textbox', { name: 'Offene Fragen', exact: true })).toHaveText(
    'x'.repeat(KEYS),
  );
  const sent = await a.evaluate(() => (globalThis as unknown as Probe).sent);
  const seen = await b.evaluate(() => (globalThis as unknown as Probe).seen);
  const latencies = sent.map((t, i) => (seen[i] ?? Infinity) - t).sort((x, y) => x - y);
  const pct = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!;
  const summary = `keystroke→other browser over ${KEYS} keys: p50 ${pct(0.5).toFixed(1)} ms, p95 ${pct(0.95).toFixed(1)} ms, max ${latencies.at(-1)!.toFixed(1)} ms`;
  console.log(summary);
  test.info().annotations.push({ type: 'latency', description: summary });
  expect(latencies).toHaveLength(KEYS);
  expect(pct(0.95)).toBeLessThan(1_000);
  checkOther();
});

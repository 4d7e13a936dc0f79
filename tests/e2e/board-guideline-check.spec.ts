/**
 * The guideline check on the board, with two people on one plan: the scope item is incomplete
 * and names what is missing; one person fills the scope of influence and the other's panel turns
 * the item complete live; an item marked not applicable (a reason is required) shows in the other
 * browser; a version saved afterwards and the Markdown export carry the check; taking the mark
 * back reaches the other browser; a viewer reads the check without any control; axe finds
 * nothing on the panel, the reason form or the version page's check.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { facilitatorAnd, openBoard } from './board-helpers.js';

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

// Two browsers, versions and exports on the shared 2-core machine.
test.describe.configure({ timeout: 120_000 });

/** "Live": the other browser's change plus the check's debounce (250 ms). */
const LIVE = { timeout: 3_000 };

/** One item of the check in the board's panel. */
function item(page: Page, id: string) {
  return page.locator(`#guideline-panel [data-guideline-item="${id}"]`);
}

/** Opens the check's disclosure (its code loads on demand). */
async function openCheck(page: Page): Promise<void> {
  const toggle = page.getByRole('button', { name: 'Leitlinien-Check', exact: true });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByTestId('guideline-summary')).toBeVisible();
}

async function expectNoViolations(page: Page, selector: string): Promise<void> {
  const axe = await new AxeBuilder({ page }).include(selector).withTags(WCAG_21_AA).analyze();
  expect(axe.violations).toEqual([]);
}

/** Types into an overview rich-text field. */
async function typeInto(page: Page, field: string, text: string): Promise<void> {
  await page.getByRole('textbox', { name: field, exact: true }).click();
  await page.keyboard.type(text);
}

test('the check follows the plan live in both browsers, and versions and exports carry it', async ({
  browser,
  page,
}) => {
  const {
    planId,
    facilitator: a,
    other: b,
    checkOther,
  } = await facilitatorAnd(browser, page, 'editor');
  await Promise.all([openCheck(a), openCheck(b)]);
  await expect(a.getByTestId('guideline-summary')).toHaveText('0 von 11 erfüllt');

  // A new plan has no scope of influence: incomplete, in words and icon, naming both parts.
  const scopeA = item(a, 'scope');
  await expect(scopeA).toHaveAttribute('data-status', 'incomplete');
  await expect(scopeA).toContainText('✗');
  await expect(scopeA).toContainText('unvollständig');
  await expect(
    scopeA.getByRole('link', { name: '„Gestaltungsspielraum“ ist leer.' }),
  ).toBeVisible();
  await expect(scopeA.getByRole('link', { name: '„Rahmenbedingungen“ ist leer.' })).toBeVisible();
  await expectNoViolations(a, '.guideline-section');

  // B writes what is fixed: A's item still misses what is open, and says only that.
  await typeInto(b, 'Rahmenbedingungen', 'Der Haushalt steht fest.');
  await expect(scopeA.getByRole('link', { name: '„Rahmenbedingungen“ ist leer.' })).toHaveCount(
    0,
    LIVE,
  );
  await expect(scopeA).toHaveAttribute('data-status', 'incomplete');

  // The missing part links to where it is filled in: focus lands in the editor.
  await scopeA.getByRole('link', { name: '„Gestaltungsspielraum“ ist leer.' }).click();
  await expect(a.getByRole('textbox', { name: 'Gestaltungsspielraum', exact: true })).toBeFocused();

  // B fills the scope of influence: A's item turns complete live.
  await typeInto(b, 'Gestaltungsspielraum', 'Lage und Ausstattung der Spielgeräte sind offen.');
  await expect(scopeA).toHaveAttribute('data-status', 'complete', LIVE);
  await expect(scopeA).toContainText('✓');
  await expect(scopeA).toContainText('erfüllt');
  await expect(a.getByTestId('guideline-summary')).toHaveText('1 von 11 erfüllt');

  // A marks "evaluation" not applicable: a reason is required.
  await a
    .getByRole('button', { name: '„Evaluation des Verfahrens“ als nicht zutreffend markieren' })
    .click();
  const reason = a.getByLabel('Begründung, warum „Evaluation des Verfahrens“ nicht zutrifft');
  await expect(reason).toBeFocused();
  await a.getByRole('button', { name: 'Als nicht zutreffend markieren', exact: true }).click();
  await expect(a.locator('#guideline-panel').getByRole('alert')).toHaveText(
    'Bitte geben Sie eine Begründung an.',
  );
  await expect(reason).toHaveAttribute('aria-invalid', 'true');
  await expectNoViolations(a, '.guideline-section');
  await reason.fill('Kleines Vorhaben, keine Evaluation vorgesehen');
  await a.getByRole('button', { name: 'Als nicht zutreffend markieren', exact: true }).click();
  await expect(
    a.getByRole('button', { name: '„Evaluation des Verfahrens“ doch prüfen' }),
  ).toBeFocused();

  // B sees the mark and its reason live.
  const evaluationB = item(b, 'evaluation');
  await expect(evaluationB).toHaveAttribute('data-status', 'not-applicable', LIVE);
  await expect(evaluationB).toContainText('nicht zutreffend');
  await expect(evaluationB).toContainText(
    'Begründung: Kleines Vorhaben, keine Evaluation vorgesehen',
  );
  await expect(b.getByTestId('guideline-summary')).toHaveText(
    '1 von 10 erfüllt, 1 nicht zutreffend',
  );
  await expectNoViolations(b, '.guideline-section');

  // A version saved now shows the check of its snapshot, the one stored with it.
  await a.goto(`/plans/${planId}/versions`);
  await a.getByLabel('Bezeichnung').fill('Fassung mit Check');
  await a.getByRole('button', { name: 'Version speichern' }).click();
  await a.getByRole('link', { name: 'Fassung mit Check', exact: true }).click();
  const check = a.locator('.version-guideline');
  await expect(check.getByRole('heading', { name: 'Leitlinien-Check' })).toBeVisible();
  await expect(check).toContainText('so wie er beim Speichern ausfiel');
  await expect(check.getByTestId('guideline-recomputed')).toHaveCount(0);
  await expect(check.getByTestId('guideline-summary')).toHaveText(
    '1 von 10 erfüllt, 1 nicht zutreffend',
  );
  await expect(check.locator('[data-guideline-item="scope"]')).toHaveAttribute(
    'data-status',
    'complete',
  );
  await expect(check.locator('[data-guideline-item="evaluation"]')).toContainText(
    'Kleines Vorhaben, keine Evaluation vorgesehen',
  );
  // Read-only: no controls on a version.
  await expect(check.getByRole('button')).toHaveCount(0);
  await expectNoViolations(a, '.version-guideline');
  const versionId = new URL(a.url()).pathname.split('/').at(-1)!;

  // The Markdown export (current plan and the version) has the section.
  for (const query of ['', `?version=${versionId}`]) {
    const markdown = await (await a.request.get(`/plans/${planId}/export/md${query}`)).text();
    expect(markdown).toContain('## Leitlinien-Check');
    expect(markdown).toContain('1 von 10 erfüllt, 1 nicht zutreffend');
    expect(markdown).not.toContain('Nachträglich mit den heutigen Regeln geprüft');
    expect(markdown).toContain(
      '| Gestaltungsspielraum: was offen ist, was feststeht | erfüllt | — |',
    );
    expect(markdown).toContain(
      '| Evaluation des Verfahrens | nicht zutreffend | Kleines Vorhaben, keine Evaluation vorgesehen |',
    );
  }

  // Back on the board (the panel stays open in this browser), B takes the mark back: A sees it.
  await openBoard(a, planId);
  await expect(item(a, 'evaluation')).toHaveAttribute('data-status', 'not-applicable');
  await b.getByRole('button', { name: '„Evaluation des Verfahrens“ doch prüfen' }).click();
  await expect(item(a, 'evaluation')).toHaveAttribute('data-status', 'incomplete', LIVE);
  await expect(
    b.getByRole('button', { name: '„Evaluation des Verfahrens“ als nicht zutreffend markieren' }),
  ).toBeFocused();
  checkOther();
});

test('a viewer reads the check and its marks but cannot change them', async ({ browser, page }) => {
  const {
    facilitator: a,
    other: viewer,
    checkOther,
  } = await facilitatorAnd(browser, page, 'viewer');
  await Promise.all([openCheck(a), openCheck(viewer)]);
  await a
    .getByRole('button', { name: '„Ressourcen und Budget“ als nicht zutreffend markieren' })
    .click();
  await a
    .getByLabel('Begründung, warum „Ressourcen und Budget“ nicht zutrifft')
    .fill('Läuft im Regelbetrieb des Amtes');
  await a.getByRole('button', { name: 'Als nicht zutreffend markieren', exact: true }).click();

  await expect(item(viewer, 'resources')).toHaveAttribute('data-status', 'not-applicable', LIVE);
  await expect(item(viewer, 'resources')).toContainText('Läuft im Regelbetrieb des Amtes');
  await expect(viewer.locator('#guideline-panel').getByRole('button')).toHaveCount(0);
  // The items still link to where things are filled in.
  await item(viewer, 'stakeholders')
    .getByRole('link', { name: 'Noch keine Beteiligten mit Namen.' })
    .click();
  await expect(viewer.getByRole('heading', { name: 'Beteiligte', level: 2 })).toBeFocused();
  await expectNoViolations(viewer, '.guideline-section');
  checkOther();
});

/**
 * Removing a record asks first, and the keyboard focus stays with the record: on "Ja, entfernen"
 * after "Entfernen", back on "Entfernen" after "Abbrechen", on the add button after removing.
 */
import { expect, test } from './fixtures.js';
import { ADMIN, signInOverHttp } from './helpers/accounts.js';
import { createPlanOverHttp } from './helpers/plans.js';
import { openBoard, phaseTitles, stakeholderNames } from './board-helpers.js';

test('removing a stakeholder and a phase asks first and keeps the focus in place', async ({
  page,
}) => {
  await signInOverHttp(page, ADMIN);
  const planId = await createPlanOverHttp(page, 'Entfernen', 'Bezirksamt Neukölln');
  await openBoard(page, planId);
  await page.getByRole('button', { name: 'Beteiligte hinzufügen' }).click();
  await page.keyboard.type('Jugendparlament');
  await page.getByRole('button', { name: 'Phase hinzufügen' }).click();
  await page.keyboard.type('Auswertung');

  const removeStakeholder = page.getByRole('button', { name: 'Entfernen: Jugendparlament' });
  await removeStakeholder.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Ja, entfernen' })).toBeFocused();
  await page.getByRole('button', { name: 'Abbrechen' }).press('Enter');
  await expect(removeStakeholder).toBeFocused();
  await expect(stakeholderNames(page)).toHaveCount(1);

  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(stakeholderNames(page)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Beteiligte hinzufügen' })).toBeFocused();

  await page.getByRole('button', { name: 'Entfernen: Auswertung' }).click();
  await expect(page.getByRole('button', { name: 'Ja, entfernen' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(phaseTitles(page)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Phase hinzufügen' })).toBeFocused();
});

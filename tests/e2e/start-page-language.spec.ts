import { expect, test } from './fixtures.js';

test('the start page is German by default', async ({ page }) => {
  await page.goto('/');

  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Prozesswerkstatt');
  await expect(page.getByRole('heading', { level: 2 })).toHaveText('So geht es los');
  await expect(page.getByRole('link', { name: 'Deutsch' })).toHaveAttribute('aria-current', 'true');
});

test('the language switch shows the start page in English and back in German', async ({ page }) => {
  await page.goto('/');

  await page.getByRole('link', { name: 'English' }).click();
  await expect(page).toHaveURL('/en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 2 })).toHaveText('Getting started');
  await expect(page.getByRole('navigation', { name: 'Language' })).toBeVisible();

  await page.getByRole('link', { name: 'Deutsch' }).click();
  await expect(page).toHaveURL('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(page.getByRole('heading', { level: 2 })).toHaveText('So geht es los');
});

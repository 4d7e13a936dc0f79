import { expect, test } from './fixtures.js';

test('Tab reaches the skip link first, then the home link, then the language switch', async ({
  page,
}) => {
  await page.goto('/');

  await page.keyboard.press('Tab');
  const skipLink = page.getByRole('link', { name: 'Zum Inhalt springen' });
  await expect(skipLink).toBeFocused();
  await expect(skipLink).toBeInViewport();

  await page.keyboard.press('Tab');
  await expect(
    page.getByRole('banner').getByRole('link', { name: 'Prozesswerkstatt' }),
  ).toBeFocused();

  await page.keyboard.press('Tab');
  await expect(
    page.getByRole('navigation', { name: 'Sprache' }).getByRole('link').first(),
  ).toBeFocused();
});

test('the skip link moves focus to the main content', async ({ page }) => {
  await page.goto('/');

  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');

  await expect(page.locator('main#main')).toBeFocused();
});

import { AxeBuilder } from '@axe-core/playwright';
import { expect, test } from './fixtures.js';

/** The WCAG 2.1 AA rule set that BITV 2.0 refers to. */
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

for (const { path, lang } of [
  { path: '/', lang: 'de' },
  { path: '/en', lang: 'en' },
]) {
  test(`axe finds no WCAG 2.1 AA violations on the start page (${lang})`, async ({ page }) => {
    await page.goto(path);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);

    const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();

    expect(results.violations).toEqual([]);
  });
}

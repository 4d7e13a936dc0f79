import { expect, type Page } from '@playwright/test';

/** Member roles as the forms name them (German labels). */
export const ROLE_LABELS = {
  viewer: 'Lesen',
  commenter: 'Kommentieren',
  editor: 'Bearbeiten',
  facilitator: 'Prozessbegleitung',
} as const;

/** A member role. */
export type Role = keyof typeof ROLE_LABELS;

/** Creates a plan through /plans/new (the page must be signed in as a facilitator); returns its id. */
export async function createPlan(page: Page, title: string, unit: string): Promise<string> {
  await page.goto('/plans/new');
  await page.getByLabel('Titel').fill(title);
  await page.getByLabel('Anfragende Stelle').fill(unit);
  await page.getByRole('button', { name: 'Prozessplan anlegen' }).click();
  await page.waitForURL(/\/plans\/(?!new$)[A-Za-z0-9_-]+$/);
  const id = new URL(page.url()).pathname.split('/').pop();
  if (!id) throw new Error(`createPlan: no plan id in ${page.url()}`);
  return id;
}

/** Creates an invitation link for `role` (7 days) on the members page; returns the link. */
export async function invite(page: Page, planId: string, role: Role, days = 7): Promise<string> {
  await page.goto(`/plans/${planId}/members`);
  await page.getByLabel('Rolle', { exact: true }).selectOption(role);
  await page.getByLabel('Gültig für (Tage)').fill(String(days));
  await page.getByRole('button', { name: 'Einladungslink erstellen' }).click();
  const field = page.getByLabel('Einladungslink');
  await expect(field).toHaveValue(/\/invite\//);
  return field.inputValue();
}

/**
 * Opens an invitation link with a signed-in page and accepts it; waits for the plan's board and
 * returns the plan id.
 */
export async function acceptInvite(page: Page, url: string): Promise<string> {
  await page.goto(url);
  await page.getByRole('button', { name: 'Einladung annehmen' }).click();
  await page.waitForURL(/\/plans\/[A-Za-z0-9_-]+$/);
  return new URL(page.url()).pathname.split('/').pop() ?? '';
}

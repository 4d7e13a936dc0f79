import { expect, type Page } from '@playwright/test';
import { submitAction, submitForRedirect } from './form-actions.js';

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

/** The last path segment of a `/plans/<id>` location. */
function planIdOf(location: string): string {
  const id = /\/plans\/([A-Za-z0-9_-]+)$/.exec(new URL(location, 'http://x').pathname)?.[1];
  if (!id || id === 'new') throw new Error(`no plan id in ${location}`);
  return id;
}

/**
 * Creates a plan over HTTP with the page's session (a facilitator's), without loading the board;
 * returns its id. For specs whose subject is not the form (plans.spec.ts fills it).
 */
export async function createPlanOverHttp(page: Page, title: string, unit: string): Promise<string> {
  const location = await submitForRedirect(page.request, '/plans/new?/create', {
    title,
    requestingUnit: unit,
  });
  return planIdOf(location);
}

/** Creates an invitation link for `role` over HTTP with the page's (facilitator's) session. */
export async function inviteOverHttp(
  page: Page,
  planId: string,
  role: Role,
  days = 7,
): Promise<string> {
  const result = await submitAction(page.request, `/plans/${planId}/members?/invite`, {
    role,
    days: String(days),
  });
  const link =
    result.type === 'success' ? /https?:[^"\\]*\/invite\/[\w-]+/.exec(result.data ?? '') : null;
  if (!link) throw new Error(`inviteOverHttp: no link in ${JSON.stringify(result)}`);
  return link[0];
}

/** Accepts an invitation link over HTTP with the page's session; returns the plan id. */
export async function acceptInviteOverHttp(page: Page, url: string): Promise<string> {
  return planIdOf(await submitForRedirect(page.request, `${new URL(url).pathname}?/accept`, {}));
}

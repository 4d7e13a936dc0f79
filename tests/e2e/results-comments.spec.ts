/**
 * Comments on a contribution (issue: "editors and facilitators weigh and answer, commenters
 * comment, viewers read"): a commenter opens a contribution's page and starts a thread; an editor
 * with the same page open sees it arrive without a reload and replies, which reaches the
 * commenter live too; axe finds no WCAG 2.1 AA violation on the page with the thread open; a
 * viewer reads the thread but gets no composer, and the inbox labels the thread by its
 * contribution and opens its page.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from '@playwright/test';
import { guardPage } from './board-helpers.js';
import { expect, test } from './fixtures.js';
import { ADMIN, newAccount, signInOverHttp, signUpOverHttp } from './helpers/accounts.js';
import {
  acceptInviteOverHttp,
  createPlanOverHttp,
  inviteOverHttp,
  type Role,
} from './helpers/plans.js';
import { seedAnsweredContributions } from './helpers/results.js';

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** A new member of `planId` with `role` in a browser context of their own, page guarded. */
async function memberOf(browser: Browser, invitation: string, role: Role) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const check = guardPage(page, role);
  await signUpOverHttp(page, newAccount(`beitrag-${role}`));
  await acceptInviteOverHttp(page, invitation);
  return { page, check };
}

/** The contribution's comment section. */
function commentsOf(page: Page) {
  return page.getByRole('region', { name: 'Kommentare zu diesem Beitrag' });
}

test('a commenter comments on a contribution, an editor replies live, a viewer reads', async ({
  page,
  browser,
}) => {
  // Three extra contexts and an axe run on the shared machine.
  test.setTimeout(180_000);
  await signInOverHttp(page, ADMIN);
  const planId = await createPlanOverHttp(
    page,
    `Beitragskommentare ${Date.now().toString(36)}`,
    'SGA',
  );
  const [contributionId] = await seedAnsweredContributions(planId, ADMIN.email, [
    {
      authorName: 'Erika Mustermann',
      authorContact: 'erika@example.org',
      pseudonym: 'Anwohnerin 1',
      title: 'Bank am Spielplatz',
      text: 'Eine Bank am Spielplatz wäre schön.',
      decision: 'noted',
      reason: 'Wird geprüft.',
      response: 'Danke für den Hinweis.',
      theme: 'Spielplatz',
    },
  ]);
  const itemUrl = `/plans/${planId}/results/${contributionId}`;
  // No running number: the id's start tells contributions apart, the title follows.
  const ref = `Beitrag #${contributionId!.slice(0, 8)}`;
  const label = `${ref} „Bank am Spielplatz“`;
  const [commenterLink, editorLink, viewerLink] = [
    await inviteOverHttp(page, planId, 'commenter'),
    await inviteOverHttp(page, planId, 'editor'),
    await inviteOverHttp(page, planId, 'viewer'),
  ];
  const commenter = await memberOf(browser, commenterLink, 'commenter');
  const editor = await memberOf(browser, editorLink, 'editor');
  const viewer = await memberOf(browser, viewerLink, 'viewer');

  // The editor keeps the item page open; its threads have loaded (none yet).
  await editor.page.goto(itemUrl);
  await expect(commentsOf(editor.page).getByText('Noch keine Kommentare')).toBeVisible();

  // The commenter starts a thread on the same page.
  await commenter.page.goto(itemUrl);
  const commenterSection = commentsOf(commenter.page);
  await expect(commenterSection.getByText('Noch keine Kommentare')).toBeVisible();
  await commenterSection
    .getByRole('textbox', { name: 'Kommentar zu diesem Beitrag' })
    .fill('Gilt das auch für den Spielplatz an der Turmstraße?');
  await commenterSection.getByRole('button', { name: 'Kommentar senden' }).click();
  await expect(commenterSection.getByRole('button', { name: label })).toBeVisible();

  // The editor sees it without a reload, opens it and replies.
  const editorSection = commentsOf(editor.page);
  const toggle = editorSection.getByRole('button', { name: label });
  await expect(toggle).toBeVisible({ timeout: 15_000 });
  await expect(editorSection).toContainText('Turmstraße?');
  await toggle.click();
  await editorSection
    .getByRole('textbox', { name: 'Antwort' })
    .fill('Ja, wir prüfen beide Spielplätze.');
  await editorSection.getByRole('button', { name: 'Antworten', exact: true }).click();
  await expect(editorSection.locator('.comment-list > li')).toHaveCount(2);

  // The reply reaches the commenter's open page too (the new thread is shown expanded).
  await expect(commenterSection).toContainText('wir prüfen beide Spielplätze', {
    timeout: 15_000,
  });

  const axe = await new AxeBuilder({ page: editor.page }).withTags(WCAG_21_AA).analyze();
  expect(axe.violations).toEqual([]);

  // The viewer reads the thread, with no composer and no reply field.
  await viewer.page.goto(itemUrl);
  const viewerSection = commentsOf(viewer.page);
  await expect(
    viewerSection.getByText('Sie können Kommentare lesen, aber keine schreiben.'),
  ).toBeVisible();
  await viewerSection.getByRole('button', { name: label }).click();
  await expect(viewerSection).toContainText('wir prüfen beide Spielplätze');
  await expect(viewerSection.getByRole('textbox')).toHaveCount(0);

  // The commenter's inbox names the contribution and opens its page on the thread.
  await commenter.page.goto('/inbox');
  await expect(commenter.page.getByText(`Zu: ${ref}`)).toHaveCount(1);
  await commenter.page.getByRole('link', { name: `Beitrag öffnen: ${ref}`, exact: false }).click();
  await expect(commenter.page).toHaveURL(new RegExp(`/results/${contributionId}\\?thread=`));
  await expect(commentsOf(commenter.page)).toContainText('wir prüfen beide Spielplätze');

  commenter.check();
  editor.check();
  viewer.check();
});

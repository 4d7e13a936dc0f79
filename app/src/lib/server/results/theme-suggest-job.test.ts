import {
  acceptThemeSuggestion,
  createContribution,
  createTheme,
  listContributionThemes,
  type ResultEvent,
} from '@prozesswerkstatt/storage';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db.js';
import { createPlan } from '../plans.js';
import { openTestStorage, testAccount } from '../test-database.js';
import type { SessionUser } from '../users.js';
import { loadItemThemes, loadThemeOverview } from './theme-overview.js';
import { SuggestRunBusyError, runThemeSuggestions } from './theme-suggest-job.js';

let db: Db;
let close: () => Promise<void>;
let planId: string;
let editor: SessionUser;
const events: ResultEvent[] = [];

const TEXTS = [
  'Der Spielplatz an der Turmstraße braucht neue Schaukeln.',
  'Auf dem Spielplatz fehlt Schatten, bitte Bäume pflanzen.',
  'Die Ampel an der Kreuzung schaltet zu schnell für Fußgänger.',
  'Mehr Radwege statt Parkplätze in der Turmstraße.',
];

beforeEach(async () => {
  let storage;
  ({ db, storage, close } = await openTestStorage());
  editor = await testAccount(db, 'Edda');
  planId = await createPlan(db, storage, editor, { title: 'Kiez', requestingUnit: '' });
  events.length = 0;
});
afterEach(async () => {
  await close();
});

const ctx = () => ({ db, emit: (event: ResultEvent) => events.push(event) });

async function seed() {
  const ids = [];
  for (const text of TEXTS) {
    const created = await createContribution(
      ctx(),
      planId,
      {
        channel: 'letter',
        sourceSystem: 'manual',
        receivedAt: '2026-12-01',
        authorKind: 'person',
        text,
      },
      editor.id,
    );
    ids.push(created.id);
  }
  const playground = await createTheme(ctx(), planId, { label: 'Spielplätze' }, editor.id);
  return { ids, playground };
}

describe('runThemeSuggestions', () => {
  it('stores matches as suggested with the shared words, and the overview shows why', async () => {
    const { ids, playground } = await seed();
    events.length = 0;
    const summary = await runThemeSuggestions(ctx(), planId);
    expect(summary.analysed).toBe(4);
    expect(summary.added).toBeGreaterThanOrEqual(2);
    const tags = await listContributionThemes(db, planId);
    const playgroundTags = tags.filter((tag) => tag.themeId === playground.id);
    expect(playgroundTags.map((tag) => tag.contributionId).sort()).toEqual([ids[0], ids[1]].sort());
    expect(playgroundTags.every((tag) => tag.suggested && tag.acceptedBy === null)).toBe(true);
    expect(events).toEqual([expect.objectContaining({ kind: 'theme', planId })]);

    const overview = await loadThemeOverview(db, planId);
    expect(overview.suggestionCount).toBe(summary.added);
    const first = overview.suggestions.find((s) => s.id === ids[0]);
    expect(first?.theme).toMatchObject({ path: 'Spielplätze', suggested: true });
    expect(first?.theme.reason?.words.join(' ')).toMatch(/Spielplatz/i);
    expect(overview.themes[0]).toMatchObject({ tagged: 0, suggested: 2 });

    // A second run adds nothing already there.
    expect((await runThemeSuggestions(ctx(), planId)).added).toBe(0);
  });

  it('records who accepted, for the item control and the tree', async () => {
    const { ids, playground } = await seed();
    await runThemeSuggestions(ctx(), planId);
    await acceptThemeSuggestion(ctx(), planId, ids[0] as string, playground.id, editor.id);
    const item = await loadItemThemes(db, planId, ids[0] as string);
    expect(item.onItem).toEqual([
      expect.objectContaining({ themeId: playground.id, suggested: false, acceptedBy: 'Edda' }),
    ]);
    const overview = await loadThemeOverview(db, planId);
    expect(overview.themes[0]).toMatchObject({ tagged: 1, suggested: 1 });
    expect(overview.themes[0]?.items).toEqual([
      expect.objectContaining({ id: ids[0], acceptedBy: 'Edda' }),
    ]);
  });

  it('runs once per plan at a time', async () => {
    await seed();
    let release: () => void = () => undefined;
    const slow = runThemeSuggestions(ctx(), planId, async (input) => {
      await new Promise<void>((resolve) => (release = resolve));
      return (await import('@prozesswerkstatt/theme-suggestions')).suggestThemes(input);
    });
    await expect(runThemeSuggestions(ctx(), planId)).rejects.toBeInstanceOf(SuggestRunBusyError);
    await new Promise((resolve) => setTimeout(resolve, 50));
    release();
    await slow;
    await expect(runThemeSuggestions(ctx(), planId)).resolves.toMatchObject({ analysed: 4 });
  });
});

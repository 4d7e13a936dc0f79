import { describe, expect, it } from 'vitest';
import { ThemeSuggestionInputError } from '../errors.js';
import { suggestThemes } from '../suggest.js';
import { suggestThemesInThread } from './in-thread.js';

const input = {
  contributions: [
    { id: 'a', text: 'Der Spielplatz braucht neue Schaukeln und mehr Schatten für Kinder' },
    { id: 'b', text: 'Am Spielplatz fehlen Schaukeln, die Kinder brauchen Schatten' },
    { id: 'c', text: 'Radweg an der Hauptstraße ist gefährlich, bitte Radweg verbreitern' },
  ],
  themes: [{ id: 't1', label: 'Spielplätze' }],
};

describe('suggestThemesInThread', () => {
  it('gives exactly what suggestThemes gives on the caller thread', async () => {
    expect(await suggestThemesInThread(input)).toEqual(suggestThemes(input));
  });

  it('rejects bad input with the same named error and path', async () => {
    const bad = {
      contributions: [
        { id: 'a', text: 'x' },
        { id: 'a', text: 'y' },
      ],
    };
    const error = await suggestThemesInThread(bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ThemeSuggestionInputError);
    expect((error as ThemeSuggestionInputError).path).toMatch(/^contributions\[1\]/);
  });

  it('ends the thread when aborted', async () => {
    const controller = new AbortController();
    const running = suggestThemesInThread(input, {}, controller.signal);
    controller.abort(new Error('shutdown'));
    await expect(running).rejects.toThrow('shutdown');
  });
});

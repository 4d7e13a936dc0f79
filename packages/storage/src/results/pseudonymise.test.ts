import { describe, expect, it } from 'vitest';
import { personalTerms, pseudonymise } from './pseudonymise.js';

describe('pseudonymise', () => {
  const terms = personalTerms(['Erika Muster', 'erika.muster@example.org', null, 'Jo']);

  it('removes names whole and in parts, contacts, e-mail addresses and phone numbers', () => {
    expect(
      pseudonymise(
        'Ich, Erika Muster (Tel. 030/123 45 67, +49 171 2345678), bitte um Bänke. ' +
          'Frau muster wohnt nebenan. Antwort an erika.muster@example.org oder a.b@c.de.',
        terms,
      ),
    ).toBe(
      'Ich, […] (Tel. […], […]), bitte um Bänke. Frau […] wohnt nebenan. Antwort an […] oder […].',
    );
  });

  it('keeps words that only contain a name and short name parts', () => {
    expect(pseudonymise('Musterhaus am Platz, Jo', terms)).toBe('Musterhaus am Platz, Jo');
    expect(pseudonymise('Um 10 Uhr, 2026-03-01, am 01.03.2026, Platz 12', terms)).toBe(
      'Um 10 Uhr, 2026-03-01, am 01.03.2026, Platz 12',
    );
  });
});

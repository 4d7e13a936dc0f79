import { describe, expect, it } from 'vitest';
import { personalTerms, pseudonymise } from './pseudonymise.js';

describe('pseudonymise', () => {
  const terms = personalTerms({
    names: ['Erika Muster', null, 'Jo'],
    contacts: ['erika.muster@example.org'],
  });

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

  it('removes a contact line only as a whole, not its common words one by one', () => {
    const address = personalTerms({ names: [], contacts: ['Am Park 3\n10115 Berlin'] });
    expect(pseudonymise('Das Land Berlin wird den Park am Ufer bis 2027 erneuern.', address)).toBe(
      'Das Land Berlin wird den Park am Ufer bis 2027 erneuern.',
    );
    expect(pseudonymise('Ich wohne Am Park 3,\n10115  Berlin, neben dem Park.', address)).toBe(
      'Ich wohne […],\n[…], neben dem Park.',
    );
    // A longer house number or postcode is another address.
    expect(pseudonymise('Am Park 31, 101150 Berlin', address)).toBe('Am Park 31, 101150 Berlin');
  });

  it("removes a name in parts and the contact's e-mail address and phone number", () => {
    const person = personalTerms({
      names: ['Max Mustermann'],
      contacts: ['E-Mail: max@muster-mail, Tel. 030 123\nBerlin-Mitte'],
    });
    expect(
      pseudonymise(
        'Herr Mustermann (max@muster-mail, Tel. 030 123) schreibt aus Berlin-Mitte: ' +
          'Max wünscht sich mehr Bäume in Berlin.',
        person,
      ),
    ).toBe('Herr […] ([…], Tel. […]) schreibt aus […]: […] wünscht sich mehr Bäume in Berlin.');
    // Short numbers elsewhere stay: only the contact's own number is known to be a phone.
    expect(pseudonymise('Bitte rufen Sie 030 123 an, nicht 030 456.', person)).toBe(
      'Bitte rufen Sie […] an, nicht 030 456.',
    );
  });
});

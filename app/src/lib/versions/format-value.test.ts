import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { overwriteGetLocale } from '$lib/paraglide/runtime.js';

// The language is fixed per test: on the server it comes from the request, which tests lack.
const inLanguage = (language: 'de' | 'en') => () => overwriteGetLocale(() => language);
import { formatValue } from './format-value';

const names = { s1: 'Schulleitung', s2: 'Bezirksamt', s3: 'Anwohnerschaft', p1: 'Auftakt' };
const methods = { m1: 'Planungswerkstatt' };

describe('formatValue (German)', () => {
  beforeEach(inLanguage('de'));

  it('names a phase kind with the board’s words', () => {
    expect(formatValue('kind', 'decision', names)).toBe('Entscheidung');
    expect(formatValue('kind', 'planning', names)).toBe('Vorbereitung');
    expect(formatValue('kind', 'participation', names)).toBe('Beteiligung');
  });

  it('writes responsibilities as stakeholder names with their letter, sorted by name', () => {
    expect(formatValue('responsibilities', { s1: 'R', s2: 'A' }, names)).toBe(
      'Bezirksamt: A, Schulleitung: R',
    );
    expect(formatValue('responsibilities', { s1: 'C', s3: 'I', s2: 'A' }, names)).toBe(
      'Anwohnerschaft: I, Bezirksamt: A, Schulleitung: C',
    );
    expect(formatValue('responsibilities', {}, names)).toBe('keine');
    expect(formatValue('responsibilities', { sX: 'A' }, names)).toBe('Neue Beteiligte: A');
  });

  it('names the library method of a format, and says when the library has no such method', () => {
    expect(formatValue('methodId', 'm1', names, methods)).toBe('Planungswerkstatt');
    expect(formatValue('methodId', 'gone', names, methods)).toBe(
      'Methode nicht (mehr) in der Methodensammlung',
    );
    expect(formatValue('methodId', 'constructor', names, methods)).not.toMatch(/function/);
    expect(formatValue('methodId', null, names, methods)).toBe('–');
  });

  it('writes the budget in euros and the other resources as numbers; null is not planned', () => {
    expect(formatValue('budgetEuros', 1234.5, names)).toBe('1.234,50\u00a0€');
    expect(formatValue('budgetEuros', 0, names)).toBe('0,00\u00a0€');
    expect(formatValue('staffDays', 2.5, names)).toBe('2,5');
    expect(formatValue('translationHours', 1500, names)).toBe('1.500');
    expect(formatValue('rooms', 3, names)).toBe('3');
    expect(formatValue('platforms', null, names)).toBe('nicht geplant');
    expect(formatValue('budgetEuros', null, names)).toBe('nicht geplant');
  });

  it('shows a guideline mark’s reason as text and its absence as a dash', () => {
    expect(formatValue('guidelineReason', 'Nur Fachöffentlichkeit', names)).toBe(
      'Nur Fachöffentlichkeit',
    );
    expect(formatValue('guidelineReason', undefined, names)).toBe('–');
  });

  it('keeps the other fields as before', () => {
    expect(formatValue('phaseId', 'p1', names)).toBe('Auftakt');
    expect(formatValue('order', 2, names)).toBe('2');
    expect(formatValue('durationMinutes', null, names)).toBe('–');
  });
});

describe('formatValue (English)', () => {
  beforeEach(inLanguage('en'));
  afterEach(inLanguage('de'));

  it('uses English words and number formats', () => {
    expect(formatValue('kind', 'decision', names)).toBe('Decision');
    expect(formatValue('responsibilities', {}, names)).toBe('none');
    expect(formatValue('budgetEuros', 1234.5, names)).toBe('€1,234.50');
    expect(formatValue('staffDays', 1500.25, names)).toBe('1,500.25');
    expect(formatValue('rooms', null, names)).toBe('not planned');
  });
});

import { describe, expect, it } from 'vitest';
import { TextAnalyser } from './analyse.js';
import { guessLanguage, stem } from './language.js';

const analyser = () => new TextAnalyser(3);
const terms = (text: string, language?: 'de' | 'en') =>
  Object.fromEntries(analyser().analyse(text, language).counts);

describe('TextAnalyser', () => {
  it('gives umlauts, their ae/oe/ue spelling and case one stem', () => {
    expect(terms('Spielplätze Spielplaetze Spielplatz spielplatz SPIELPLATZ')).toEqual({
      spielplatz: 5,
    });
    expect(terms('Bäume Baeume Baum')).toEqual({ baum: 3 });
    expect(terms('Größe groesse')).toEqual({ gross: 2 });
  });

  it('writes ß as ss', () => {
    expect(terms('Straße Strasse Straßen')).toEqual({ strass: 3 });
  });

  it('leaves diphthongs and "qu" alone when reading ae/oe/ue', () => {
    expect(stem('steuer', 'de')).toBe(stem('steuer', 'de'));
    expect(stem('steuer', 'de')).not.toContain('ü');
    expect(stem('quelle', 'de')).toBe('quell');
    expect(stem('bauer', 'de')).toBe('bau');
  });

  it('drops stop words of both languages, numbers and very short words', () => {
    expect(terms('Der die das und bitte dass es ist 30 km zu')).toEqual({});
    expect(terms('Tempo 30 in der Allee')).toEqual({ tempo: 1, alle: 1 });
    expect(terms("We don't like the cars", 'en')).toEqual({ car: 1 });
  });

  it('splits at hyphens and punctuation', () => {
    expect(terms('Kinder-Spielplatz; Verkehr/Lärm')).toEqual({
      kind: 1,
      spielplatz: 1,
      verkehr: 1,
      larm: 1,
    });
  });

  it('stems English with the English stemmer', () => {
    expect(terms('playgrounds trees cycling', 'en')).toEqual({ playground: 1, tree: 1, cycl: 1 });
  });

  it('remembers the most frequent written form of each stem', () => {
    const a = analyser();
    a.analyse('Spielplätze spielplatz Spielplatz Spielplatz', 'de');
    expect(a.wordOf('spielplatz')).toBe('Spielplatz');
    expect(a.wordOf('unknown')).toBe('unknown');
  });
});

describe('guessLanguage', () => {
  it('counts stop words and falls back to German', () => {
    expect(guessLanguage(['the', 'trees', 'in', 'the', 'park'])).toBe('en');
    expect(guessLanguage(['die', 'bäume', 'im', 'park'])).toBe('de');
    expect(guessLanguage(['park'])).toBe('de');
  });
});

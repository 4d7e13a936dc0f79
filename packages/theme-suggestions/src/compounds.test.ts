import { describe, expect, it } from 'vitest';
import { CompoundSplitter } from './compounds.js';

describe('CompoundSplitter', () => {
  it('splits a rare compound into the head and modifier the input uses on their own', () => {
    const splitter = new CompoundSplitter(
      new Map([
        ['spielplatz', 3],
        ['kinderspielplatz', 1],
        ['kind', 2],
        ['platz', 5],
      ]),
    );
    // The longest known ending wins ("spielplatz", not "platz"); "kinder" is stemmed to "kind".
    expect(splitter.split('kinderspielplatz')).toEqual({ head: 'spielplatz', modifier: 'kind' });
  });

  it('strips the linking s from the modifier', () => {
    const splitter = new CompoundSplitter(
      new Map([
        ['verkehr', 4],
        ['beruhig', 2],
      ]),
    );
    expect(splitter.split('verkehrsberuhig')).toEqual({ head: 'beruhig', modifier: 'verkehr' });
  });

  it('keeps a compound about as common as its head whole', () => {
    const splitter = new CompoundSplitter(
      new Map([
        ['parkplatz', 5],
        ['platz', 6],
      ]),
    );
    expect(splitter.split('parkplatz')).toBeNull();
  });

  it('invents no parts: unknown endings and short words stay whole', () => {
    const splitter = new CompoundSplitter(new Map([['verkehr', 3]]));
    expect(splitter.split('verkehr')).toBeNull();
    expect(splitter.split('sandkast')).toBeNull();
    // A known head with an unknown modifier still gives the head.
    expect(splitter.split('durchgangsverkehr')).toEqual({ head: 'verkehr', modifier: null });
  });
});

import { describe, expect, it } from 'vitest';
import { checkpointsToThin } from './checkpoint-thinning.js';

const now = Date.parse('2026-03-20T12:00:00.000Z');
const minutes = (n: number): number => n * 60 * 1000;

function at(id: string, msAgo: number): { id: string; createdAt: string } {
  return { id, createdAt: new Date(now - msAgo).toISOString() };
}

describe('checkpointsToThin', () => {
  it('keeps every checkpoint of the last 24 hours', () => {
    const recent = [at('a', minutes(5)), at('b', minutes(15)), at('c', minutes(23 * 60))];
    expect(checkpointsToThin(recent, now)).toEqual([]);
  });

  it('keeps the newest per hour between one and seven days, and per day after that', () => {
    const base = minutes(2 * 24 * 60); // two days ago, on an hour boundary of `now`
    const list = [
      at('h1-new', base + minutes(10)),
      at('h1-old', base + minutes(40)),
      at('h2', base + minutes(70)),
      at('d10-new', minutes(10 * 24 * 60) + minutes(60)),
      at('d10-old', minutes(10 * 24 * 60) + minutes(120)),
      at('d11', minutes(11 * 24 * 60) + minutes(60)),
    ];
    expect(checkpointsToThin(list, now).sort()).toEqual(['d10-old', 'h1-old']);
  });

  it('never removes the last checkpoint of a bucket, whatever the input order', () => {
    const list = [at('x', minutes(3 * 24 * 60 + 5)), at('y', minutes(3 * 24 * 60 + 1))];
    expect(checkpointsToThin(list, now)).toEqual(['x']);
    expect(checkpointsToThin([...list].reverse(), now)).toEqual(['x']);
  });
});

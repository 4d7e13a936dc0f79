import { afterEach, describe, expect, it } from 'vitest';
import {
  berlinWallClock,
  formatPlanDate,
  formatPlanDateTime,
  isWallClock,
  shiftPlanDateTime,
} from './date-time.js';

/** Winter (CET), summer (CEST) and both DST switch days of 2026, each at 10:00 as entered. */
const ENTERED = [
  '2026-01-15T10:00',
  '2026-07-15T10:00',
  '2026-03-29T10:00',
  '2026-10-25T10:00',
] as const;

/** The host zones a server might run in; the results must not depend on them. */
const HOST_ZONES = ['UTC', 'America/New_York', 'Europe/Berlin', 'Asia/Tokyo'] as const;

const originalTZ = process.env.TZ;
afterEach(() => {
  if (originalTZ === undefined) delete process.env.TZ;
  else process.env.TZ = originalTZ;
});

describe.each(HOST_ZONES)('with the host in %s', (zone) => {
  it('shows a wall-clock time as entered, in winter, summer and on DST switch days', () => {
    process.env.TZ = zone;
    // Proves the zone switch took effect, so the assertions below are about this zone.
    if (zone === 'UTC') expect(new Date(2026, 6, 15, 10).getTimezoneOffset()).toBe(0);
    if (zone === 'America/New_York')
      expect(new Date(2026, 6, 15, 10).getTimezoneOffset()).toBe(240);
    for (const entered of ENTERED) {
      expect(berlinWallClock(entered)).toBe(entered);
      expect(formatPlanDateTime(entered, 'de-DE')).toMatch(/\D10:00$/);
      expect(formatPlanDateTime(entered, 'en-GB')).toMatch(/\D10:00$/);
    }
    expect(formatPlanDateTime('2026-07-15T10:00', 'de-DE')).toMatch(/^15\. Juli 2026\D+10:00$/);
    expect(formatPlanDateTime('2026-01-15T10:00', 'en-GB')).toMatch(/^15 January 2026\D+10:00$/);
  });

  it('reads an instant as its Berlin time (CET +1, CEST +2)', () => {
    process.env.TZ = zone;
    expect(berlinWallClock('2026-01-15T09:00:00.000Z')).toBe('2026-01-15T10:00');
    expect(berlinWallClock('2026-07-15T08:00:00Z')).toBe('2026-07-15T10:00');
    expect(berlinWallClock('2026-03-29T08:00:00Z')).toBe('2026-03-29T10:00');
    expect(berlinWallClock('2026-10-25T09:00:00Z')).toBe('2026-10-25T10:00');
    expect(berlinWallClock('2026-12-03T16:00:00+01:00')).toBe('2026-12-03T16:00');
    expect(formatPlanDateTime('2026-07-15T08:00:00.000Z', 'de-DE')).toMatch(
      /^15\. Juli 2026\D+10:00$/,
    );
  });

  it('moves a date-time by whole days across a DST switch, keeping the Berlin time of day', () => {
    process.env.TZ = zone;
    // Spring (29 March 2026 has 23 hours) and autumn (25 October has 25): still 10:00.
    expect(shiftPlanDateTime('2026-03-28T10:00', 1)).toBe('2026-03-29T10:00');
    expect(shiftPlanDateTime('2026-03-29T10:00', -1)).toBe('2026-03-28T10:00');
    expect(shiftPlanDateTime('2026-10-24T10:00', 2)).toBe('2026-10-26T10:00');
    expect(shiftPlanDateTime('2026-03-25T23:30', 7)).toBe('2026-04-01T23:30');
    // An instant is moved as its Berlin time: 09:00Z on 28 March is 10:00 CET.
    expect(shiftPlanDateTime('2026-03-28T09:00:00Z', 1)).toBe('2026-03-29T10:00');
    // Across month and year ends, and by zero days.
    expect(shiftPlanDateTime('2026-12-31T18:00', 1)).toBe('2027-01-01T18:00');
    expect(shiftPlanDateTime('2028-02-28T08:15', 1)).toBe('2028-02-29T08:15');
    expect(shiftPlanDateTime('2026-07-15T10:00:30', 0)).toBe('2026-07-15T10:00');
  });

  it('shows a calendar date as the same day', () => {
    process.env.TZ = zone;
    expect(formatPlanDate('2026-03-29', 'de-DE')).toBe('29. März 2026');
    expect(formatPlanDate('2026-10-25', 'en-GB')).toBe('25 October 2026');
  });
});

it('drops seconds of a wall-clock time and leaves unreadable input alone', () => {
  expect(berlinWallClock('2026-07-15T10:00:30')).toBe('2026-07-15T10:00');
  expect(isWallClock('2026-07-15T10:00')).toBe(true);
  expect(isWallClock('2026-07-15T10:00Z')).toBe(false);
  expect(berlinWallClock('tomorrow')).toBeNull();
  expect(formatPlanDateTime('tomorrow', 'de-DE')).toBe('tomorrow');
  expect(formatPlanDate('2026-7-1', 'de-DE')).toBe('2026-7-1');
  expect(shiftPlanDateTime('tomorrow', 1)).toBeNull();
  expect(shiftPlanDateTime('2026-07-15T10:00', 0.5)).toBeNull();
});

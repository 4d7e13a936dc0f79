import { describe, expect, it } from 'vitest';
import { berlinDayPosition, berlinToday, dateOfDay, dayNumber, shiftDate } from './berlin-days';

describe('dayNumber / dateOfDay', () => {
  it('counts calendar days since 1970-01-01 and back', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('2026-01-01')).toBe(20454);
    expect(dateOfDay(20454)).toBe('2026-01-01');
  });

  it('refuses what is no calendar date', () => {
    expect(dayNumber('2026-02-30')).toBeNull();
    expect(dayNumber('2026-3-1')).toBeNull();
    expect(dayNumber('2026-03-01T10:00')).toBeNull();
  });

  it('counts the days around both DST switches as whole days', () => {
    // Berlin springs forward on 29 March 2026 (23 hours) and falls back on 25 October (25 hours).
    expect(dayNumber('2026-03-30')! - dayNumber('2026-03-28')!).toBe(2);
    expect(dayNumber('2026-10-26')! - dayNumber('2026-10-24')!).toBe(2);
    expect(shiftDate('2026-03-28', 1)).toBe('2026-03-29');
    expect(shiftDate('2026-03-29', 1)).toBe('2026-03-30');
    expect(shiftDate('2026-10-25', 1)).toBe('2026-10-26');
    expect(shiftDate('2026-10-26', -7)).toBe('2026-10-19');
    expect(shiftDate('2026-02-28', 1)).toBe('2026-03-01');
  });

  it('throws on a shift of no date, naming the value', () => {
    expect(() => shiftDate('morgen', 1)).toThrow(/"morgen"/);
  });
});

describe('berlinToday', () => {
  it('is the date in Berlin, not in UTC', () => {
    // 22:30 UTC in summer (CEST, UTC+2) is 00:30 the next day in Berlin.
    expect(berlinToday(new Date('2026-07-14T22:30:00Z'))).toBe('2026-07-15');
    // 23:30 UTC in winter (CET, UTC+1) is 00:30 the next day too.
    expect(berlinToday(new Date('2026-01-14T23:30:00Z'))).toBe('2026-01-15');
    expect(berlinToday(new Date('2026-01-14T22:30:00Z'))).toBe('2026-01-14');
  });

  it('follows the offset that holds on each side of a DST switch', () => {
    // The night to 25 October 2026: still CEST at 21:59 UTC, CET after 01:00 UTC.
    expect(berlinToday(new Date('2026-10-24T21:59:00Z'))).toBe('2026-10-24');
    expect(berlinToday(new Date('2026-10-24T22:00:00Z'))).toBe('2026-10-25');
    expect(berlinToday(new Date('2026-10-25T22:59:00Z'))).toBe('2026-10-25');
    expect(berlinToday(new Date('2026-10-25T23:00:00Z'))).toBe('2026-10-26');
    // The night to 29 March 2026: CET until 01:00 UTC, then CEST.
    expect(berlinToday(new Date('2026-03-28T22:59:00Z'))).toBe('2026-03-28');
    expect(berlinToday(new Date('2026-03-28T23:00:00Z'))).toBe('2026-03-29');
    expect(berlinToday(new Date('2026-03-29T21:59:00Z'))).toBe('2026-03-29');
    expect(berlinToday(new Date('2026-03-29T22:00:00Z'))).toBe('2026-03-30');
  });
});

describe('berlinDayPosition', () => {
  const day = (date: string) => dayNumber(date)!;

  it('places a wall-clock time by its day and time of day', () => {
    expect(berlinDayPosition('2026-03-29T12:00')).toBe(day('2026-03-29') + 0.5);
    expect(berlinDayPosition('2026-10-25T00:00')).toBe(day('2026-10-25'));
    expect(berlinDayPosition('2026-10-25T18:00')).toBe(day('2026-10-25') + 0.75);
  });

  it('reads an instant at its Berlin wall-clock time', () => {
    // 10:00 UTC on the spring switch day is 12:00 in Berlin (CEST).
    expect(berlinDayPosition('2026-03-29T10:00:00Z')).toBe(day('2026-03-29') + 0.5);
    // 23:00 UTC on 31 December is already New Year in Berlin.
    expect(berlinDayPosition('2026-12-31T23:00:00Z')).toBe(day('2027-01-01'));
  });

  it('is null without a readable time', () => {
    expect(berlinDayPosition(null)).toBeNull();
    expect(berlinDayPosition('')).toBeNull();
    expect(berlinDayPosition('bald')).toBeNull();
  });
});

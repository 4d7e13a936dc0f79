import { describe, expect, it } from 'vitest';
import { dayNumber } from './berlin-days';
import {
  MIN_RANGE_DAYS,
  axisTicks,
  MAX_MONTH_TICKS,
  daysForPixels,
  inRange,
  movedDates,
  overlapsAndGaps,
  percentAt,
  phaseSpan,
  spanBox,
  timelineRange,
} from './timeline-layout';

const day = (date: string) => dayNumber(date)!;
const phase = (id: string, start: string | null, end: string | null) => ({ id, start, end });

describe('phaseSpan', () => {
  it('spans both dates inclusive, only when both are set', () => {
    expect(phaseSpan(phase('p', '2026-03-01', '2026-03-10'))).toEqual({
      first: day('2026-03-01'),
      last: day('2026-03-10'),
      backwards: false,
    });
    expect(phaseSpan(phase('p', '2026-03-01', null))).toBeNull();
    expect(phaseSpan(phase('p', null, '2026-03-01'))).toBeNull();
    expect(phaseSpan(phase('p', '2026-03-01', 'bald'))).toBeNull();
  });

  it('draws a backwards phase the right way round and flags it', () => {
    expect(phaseSpan(phase('p', '2026-03-10', '2026-03-01'))).toMatchObject({
      first: day('2026-03-01'),
      last: day('2026-03-10'),
      backwards: true,
    });
  });
});

describe('timelineRange', () => {
  it('is null when nothing has a date', () => {
    expect(timelineRange([phase('p', null, null), phase('q', '2026-01-01', null)], [])).toBeNull();
  });

  it('covers phases and formats with padding of 5 %, at least 2 days', () => {
    // 100 days of phases, a format 10 days after them: 110 days, padded by 6 on each side.
    const range = timelineRange(
      [phase('a', '2026-01-01', '2026-02-15'), phase('b', '2026-02-10', '2026-04-10')],
      [day('2026-04-20') + 0.4],
    )!;
    expect(range.start).toBe(day('2026-01-01') - 6);
    expect(range.days).toBe(110 + 12);
    const short = timelineRange([phase('a', '2026-01-01', '2026-01-20')], [])!;
    expect(short).toEqual({ start: day('2026-01-01') - 2, days: 24 });
  });

  it('shows at least two weeks, centred on a short plan', () => {
    const range = timelineRange([phase('a', '2026-05-10', '2026-05-10')], [])!;
    expect(range.days).toBe(MIN_RANGE_DAYS);
    expect(range.start).toBe(day('2026-05-10') - 2 - 4);
    expect(inRange(range, day('2026-05-10'))).toBe(true);
  });

  it('gives every day the same width across the DST switches', () => {
    const range = timelineRange([phase('a', '2026-03-27', '2026-03-31')], [])!;
    const widths = ['2026-03-28', '2026-03-29', '2026-03-30'].map(
      (d) => spanBox(range, { first: day(d), last: day(d) }).width,
    );
    expect(new Set(widths).size).toBe(1);
    // Noon on the 23-hour day is exactly half a day in.
    const noon = percentAt(range, day('2026-03-29') + 0.5);
    expect(noon).toBeCloseTo(
      (percentAt(range, day('2026-03-29')) + percentAt(range, day('2026-03-30'))) / 2,
      10,
    );
    const autumn = timelineRange([phase('a', '2026-10-24', '2026-10-26')], [])!;
    expect(
      spanBox(autumn, { first: day('2026-10-24'), last: day('2026-10-26') }).width,
    ).toBeCloseTo((3 / autumn.days) * 100, 10);
  });
});

describe('percentAt / spanBox / inRange', () => {
  const range = { start: day('2026-06-01'), days: 30 };

  it('maps the first day to 0 % and the day after the last to 100 %', () => {
    expect(percentAt(range, day('2026-06-01'))).toBe(0);
    expect(percentAt(range, day('2026-07-01'))).toBe(100);
    expect(spanBox(range, { first: day('2026-06-16'), last: day('2026-06-18') })).toEqual({
      left: 50,
      width: 10,
    });
  });

  it('knows which days are on the axis', () => {
    expect(inRange(range, day('2026-05-31'))).toBe(false);
    expect(inRange(range, day('2026-06-01'))).toBe(true);
    expect(inRange(range, day('2026-06-30'))).toBe(true);
    expect(inRange(range, day('2026-07-01'))).toBe(false);
  });
});

describe('axisTicks', () => {
  it('ticks Mondays on a short range', () => {
    const ticks = axisTicks({ start: day('2026-03-25'), days: 14 });
    // 30 March and 6 April 2026 are Mondays.
    expect(ticks).toEqual([
      { day: day('2026-03-30'), date: '2026-03-30', kind: 'week' },
      { day: day('2026-04-06'), date: '2026-04-06', kind: 'week' },
    ]);
  });

  it('ticks the first of each month on a long range', () => {
    const ticks = axisTicks({ start: day('2026-01-15'), days: 120 });
    expect(ticks.map((t) => t.date)).toEqual([
      '2026-02-01',
      '2026-03-01',
      '2026-04-01',
      '2026-05-01',
    ]);
    expect(ticks.every((t) => t.kind === 'month')).toBe(true);
  });

  it('ticks every n-th month, then every n-th year, never more than the cap', () => {
    // 2026-01-01 … 2027-12-31: 24 months, each ticked; one day more makes 25, every second.
    expect(axisTicks({ start: day('2026-01-01'), days: 730 })).toHaveLength(MAX_MONTH_TICKS);
    expect(axisTicks({ start: day('2026-01-01'), days: 731 })).toHaveLength(13);
    const threeYears = axisTicks({ start: day('2026-01-01'), days: 1096 });
    expect(threeYears.map((t) => t.date).slice(0, 3)).toEqual([
      '2026-01-01',
      '2026-03-01',
      '2026-05-01',
    ]);
    // A year typed digit by digit ("0202") makes a range of eighteen centuries.
    const centuries = axisTicks({
      start: day('0202-01-01'),
      days: day('2026-12-31') - day('0202-01-01'),
    });
    expect(centuries.length).toBeLessThanOrEqual(MAX_MONTH_TICKS);
    expect(centuries.length).toBeGreaterThan(MAX_MONTH_TICKS / 2);
    expect(centuries.every((t) => t.date.endsWith('-01-01'))).toBe(true);
  });
});

describe('overlapsAndGaps', () => {
  it('finds nothing for phases that follow each other day by day', () => {
    expect(
      overlapsAndGaps([
        phase('a', '2026-03-01', '2026-03-10'),
        phase('b', '2026-03-11', '2026-03-20'),
      ]),
    ).toEqual([]);
  });

  it('counts overlapping days, both ends included', () => {
    expect(
      overlapsAndGaps([
        phase('a', '2026-03-01', '2026-03-10'),
        phase('b', '2026-03-08', '2026-03-20'),
      ]),
    ).toEqual([
      {
        kind: 'overlap',
        a: 'a',
        b: 'b',
        first: day('2026-03-08'),
        last: day('2026-03-10'),
        days: 3,
      },
    ]);
  });

  it('counts the days between two phases on which none runs', () => {
    expect(
      overlapsAndGaps([
        phase('a', '2026-03-01', '2026-03-10'),
        phase('b', '2026-03-16', '2026-03-20'),
      ]),
    ).toEqual([
      {
        kind: 'gap',
        before: 'a',
        after: 'b',
        first: day('2026-03-11'),
        last: day('2026-03-15'),
        days: 5,
      },
    ]);
  });

  it('goes by dates, not by the order of the list, and ignores undated phases', () => {
    const found = overlapsAndGaps([
      phase('late', '2026-04-01', '2026-04-30'),
      phase('none', null, null),
      phase('early', '2026-03-01', '2026-03-05'),
      phase('half', '2026-03-10', null),
    ]);
    expect(found).toEqual([
      expect.objectContaining({ kind: 'gap', before: 'early', after: 'late', days: 26 }),
    ]);
  });

  it('finds no gap inside a long phase that covers shorter ones', () => {
    const found = overlapsAndGaps([
      phase('long', '2026-03-01', '2026-03-31'),
      phase('x', '2026-03-02', '2026-03-03'),
      phase('y', '2026-03-20', '2026-03-21'),
    ]);
    expect(found.map((f) => f.kind)).toEqual(['overlap', 'overlap']);
    expect(found.map((f) => f.days)).toEqual([2, 2]);
  });

  it('lists overlaps and gaps in order of their first day', () => {
    const found = overlapsAndGaps([
      phase('a', '2026-03-01', '2026-03-10'),
      phase('b', '2026-03-10', '2026-03-12'),
      phase('c', '2026-03-20', '2026-03-25'),
    ]);
    expect(found.map((f) => [f.kind, f.days])).toEqual([
      ['overlap', 1],
      ['gap', 7],
    ]);
  });

  it('counts days across the DST switch as calendar days', () => {
    const found = overlapsAndGaps([
      phase('a', '2026-03-20', '2026-03-27'),
      phase('b', '2026-04-01', '2026-04-10'),
      phase('c', '2026-10-20', '2026-10-26'),
      phase('d', '2026-10-24', '2026-10-30'),
    ]);
    expect(found.map((f) => [f.kind, f.days])).toEqual([
      ['gap', 4], // 28, 29 (23 hours), 30, 31 March
      ['gap', 192], // 11 April … 19 October
      ['overlap', 3], // 24, 25 (25 hours), 26 October
    ]);
  });
});

describe('movedDates', () => {
  const dates = { start: '2026-03-27', end: '2026-03-30' };

  it('moves one end or the whole phase by whole days', () => {
    expect(movedDates(dates, 'end', 3)).toEqual({ start: '2026-03-27', end: '2026-04-02' });
    expect(movedDates(dates, 'start', -7)).toEqual({ start: '2026-03-20', end: '2026-03-30' });
    expect(movedDates(dates, 'whole', 2)).toEqual({ start: '2026-03-29', end: '2026-04-01' });
  });

  it('may give an end before the start, for plan-model to refuse', () => {
    expect(movedDates(dates, 'end', -4)).toEqual({ start: '2026-03-27', end: '2026-03-26' });
  });
});

describe('daysForPixels', () => {
  it('rounds a pointer move to whole days of the axis', () => {
    const range = { start: 0, days: 100 };
    expect(daysForPixels(range, 29, 1000)).toBe(3);
    expect(daysForPixels(range, -26, 1000)).toBe(-3);
    expect(daysForPixels(range, 4, 1000)).toBe(0);
    expect(daysForPixels(range, 50, 0)).toBe(0);
  });
});

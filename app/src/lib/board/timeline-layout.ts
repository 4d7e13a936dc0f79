/**
 * The geometry of the phase timeline, without any drawing: which days it shows, where a day
 * sits (in percent of the time axis), where the axis gets a tick, where phases overlap and where
 * no phase runs, and what a move by some days makes of a phase's dates. Days are calendar days
 * (`berlin-days.ts`); a phase runs from the start of its first day to the end of its last.
 */
import { dateOfDay, dayNumber, shiftDate } from './berlin-days';

/** What the timeline needs of a phase. */
export interface TimelinePhase {
  id: string;
  start: string | null;
  end: string | null;
}

/** The days a phase runs, both inclusive, as day numbers. */
export interface PhaseSpan {
  first: number;
  last: number;
  /** True when the stored end lies before the start (drawn the right way round, flagged). */
  backwards: boolean;
}

/** The days the time axis shows: `days` days from `start` (a day number). */
export interface TimelineRange {
  start: number;
  days: number;
}

/** Fewest days the axis shows, so that a one-day phase is a bar and not a hairline. */
export const MIN_RANGE_DAYS = 14;

/** Days of padding on each side of the planned dates: 5 % of their span, at least this. */
export const MIN_PADDING_DAYS = 2;

/** From this many days on, the axis is ticked by months instead of weeks. */
export const MONTH_TICKS_FROM_DAYS = 70;

/** The days a phase runs, or null unless both its dates are set (and valid). */
export function phaseSpan(phase: Pick<TimelinePhase, 'start' | 'end'>): PhaseSpan | null {
  const start = phase.start === null ? null : dayNumber(phase.start);
  const end = phase.end === null ? null : dayNumber(phase.end);
  if (start === null || end === null) return null;
  return { first: Math.min(start, end), last: Math.max(start, end), backwards: end < start };
}

/** Number of days of a span, both ends counted. */
export function spanDays(span: { first: number; last: number }): number {
  return span.last - span.first + 1;
}

/**
 * The days to show for phases and format positions (`berlinDayPosition`): everything planned,
 * with padding, at least `MIN_RANGE_DAYS`. Null when nothing has a date.
 */
export function timelineRange(
  phases: readonly TimelinePhase[],
  formatPositions: readonly number[],
): TimelineRange | null {
  const days: number[] = formatPositions.map(Math.floor);
  for (const phase of phases) {
    const span = phaseSpan(phase);
    if (span) days.push(span.first, span.last);
  }
  if (days.length === 0) return null;
  const first = Math.min(...days);
  const last = Math.max(...days);
  const padding = Math.max(MIN_PADDING_DAYS, Math.ceil((last - first + 1) * 0.05));
  let start = first - padding;
  let length = last - first + 1 + 2 * padding;
  if (length < MIN_RANGE_DAYS) {
    start -= Math.floor((MIN_RANGE_DAYS - length) / 2);
    length = MIN_RANGE_DAYS;
  }
  return { start, days: length };
}

/** Where a moment (a day number, fractions are times of day) sits on the axis, in percent. */
export function percentAt(range: TimelineRange, position: number): number {
  return ((position - range.start) / range.days) * 100;
}

/** Left edge and width, in percent of the axis, of the days `first` … `last`. */
export function spanBox(
  range: TimelineRange,
  span: { first: number; last: number },
): { left: number; width: number } {
  return { left: percentAt(range, span.first), width: (spanDays(span) / range.days) * 100 };
}

/** True when the day `day` is on the axis. */
export function inRange(range: TimelineRange, day: number): boolean {
  return day >= range.start && day < range.start + range.days;
}

/** A tick of the axis: the first of a month, or a Monday on short ranges. */
export interface AxisTick {
  day: number;
  date: string;
  kind: 'month' | 'week';
}

/** Most month ticks on the axis; a longer range ticks every 2nd, 3rd, 6th month or by years. */
export const MAX_MONTH_TICKS = 24;

/** Month steps tried in order before stepping by whole years. */
const MONTH_STEPS = [1, 2, 3, 6, 12];

/**
 * The ticks of the axis: each Monday below `MONTH_TICKS_FROM_DAYS`, else first days of months,
 * at most `MAX_MONTH_TICKS` of them (every n-th month, or every n-th January 1st). Counted by
 * months, not days: a date typed digit by digit passes through years like 0202, and a range of
 * centuries must not cost a walk over every day.
 */
export function axisTicks(range: TimelineRange): AxisTick[] {
  if (range.days < MONTH_TICKS_FROM_DAYS) return weekTicks(range);
  const end = range.start + range.days;
  const first = monthIndex(dateOfDay(range.start), true);
  const last = monthIndex(dateOfDay(end - 1), false);
  const months = last - first + 1;
  const step =
    MONTH_STEPS.find((candidate) => months / candidate <= MAX_MONTH_TICKS) ??
    12 * Math.ceil(months / 12 / MAX_MONTH_TICKS);
  const ticks: AxisTick[] = [];
  for (let index = Math.ceil(first / step) * step; index <= last; index += step) {
    const date = `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}-01`;
    const day = dayNumber(date);
    if (day !== null && inRange(range, day)) ticks.push({ day, date, kind: 'month' });
  }
  return ticks;
}

/** Months since year 0 of a date's month; `roundUp` skips to the next month unless it is a 1st. */
function monthIndex(date: string, roundUp: boolean): number {
  const index = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
  return roundUp && !date.endsWith('-01') ? index + 1 : index;
}

/** Mondays of a short range. */
function weekTicks(range: TimelineRange): AxisTick[] {
  const ticks: AxisTick[] = [];
  for (let day = range.start; day < range.start + range.days; day++) {
    // Day 0 (1970-01-01) was a Thursday, so Mondays are the days ≡ 4 (mod 7).
    if ((((day - 4) % 7) + 7) % 7 === 0) ticks.push({ day, date: dateOfDay(day), kind: 'week' });
  }
  return ticks;
}

/** Two phases running at the same time on `days` days (`first` … `last`). */
export interface Overlap {
  kind: 'overlap';
  /** The phase starting first (in plan order when both start on one day). */
  a: string;
  b: string;
  first: number;
  last: number;
  days: number;
}

/** Days on which no phase runs, between the last one to end before and the next to start. */
export interface Gap {
  kind: 'gap';
  before: string;
  after: string;
  first: number;
  last: number;
  days: number;
}

/**
 * Every pair of phases that overlap, and every stretch between the first phase's start and the
 * last phase's end on which no phase runs, in order of their first day (overlaps before gaps on
 * the same day). Phases without both dates take no part.
 */
export function overlapsAndGaps(phases: readonly TimelinePhase[]): Array<Overlap | Gap> {
  const dated = phases
    .map((phase, order) => ({ id: phase.id, order, span: phaseSpan(phase) }))
    .filter((p): p is { id: string; order: number; span: PhaseSpan } => p.span !== null)
    .sort((x, y) => x.span.first - y.span.first || x.order - y.order);
  const found: Array<Overlap | Gap> = [];
  for (let i = 0; i < dated.length; i++) {
    for (let j = i + 1; j < dated.length; j++) {
      const a = dated[i]!;
      const b = dated[j]!;
      const first = Math.max(a.span.first, b.span.first);
      const last = Math.min(a.span.last, b.span.last);
      if (first <= last)
        found.push({ kind: 'overlap', a: a.id, b: b.id, first, last, days: last - first + 1 });
    }
  }
  let latest = dated[0];
  for (const next of dated.slice(1)) {
    if (!latest) break;
    if (next.span.first > latest.span.last + 1) {
      const first = latest.span.last + 1;
      const last = next.span.first - 1;
      found.push({
        kind: 'gap',
        before: latest.id,
        after: next.id,
        first,
        last,
        days: last - first + 1,
      });
    }
    if (next.span.last > latest.span.last) latest = next;
  }
  return found.sort(
    (x, y) => x.first - y.first || (x.kind === y.kind ? 0 : x.kind === 'overlap' ? -1 : 1),
  );
}

/** What a move on the timeline changes: the start, the end, or the whole phase. */
export type TimelinePart = 'start' | 'end' | 'whole';

/**
 * The dates of a phase (both set) after moving `part` by `days` days. The result may end before
 * it starts; plan-model refuses such a write, and the board says why.
 */
export function movedDates(
  dates: { start: string; end: string },
  part: TimelinePart,
  days: number,
): { start: string; end: string } {
  return {
    start: part === 'end' ? dates.start : shiftDate(dates.start, days),
    end: part === 'start' ? dates.end : shiftDate(dates.end, days),
  };
}

/** Whole days a pointer moved by `pixels` on an axis `axisPixels` wide. */
export function daysForPixels(range: TimelineRange, pixels: number, axisPixels: number): number {
  if (axisPixels <= 0) return 0;
  return Math.round((pixels / axisPixels) * range.days);
}

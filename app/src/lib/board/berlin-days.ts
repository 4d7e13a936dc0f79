/**
 * Calendar days of a plan, as the timeline counts them. A phase's dates are calendar dates
 * (`YYYY-MM-DD`) and a format's time is a Berlin wall-clock time (plan-model's `date-time.ts`),
 * so days are counted on the calendar, never by subtracting instants: the day of a DST switch
 * is one day like any other, wherever the browser runs. Only "today" depends on an instant, and
 * it is the day it is in Berlin.
 */
import { berlinWallClock } from '@prozesswerkstatt/plan-model';

/** Milliseconds of a calendar day in UTC, where no day is shorter or longer. */
const DAY_MS = 86_400_000;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The day number of a calendar date `YYYY-MM-DD` (days since 1970-01-01), or null when the text
 * is no valid date (e.g. `2026-02-30`).
 */
export function dayNumber(date: string): number | null {
  const match = ISO_DATE.exec(date);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const utc = Date.UTC(year, month - 1, day);
  // Date.UTC rolls over (Feb 30 → Mar 2); a rolled date is not the date that was written.
  if (dateOfDay(utc / DAY_MS) !== date) return null;
  return utc / DAY_MS;
}

/** The calendar date `YYYY-MM-DD` of a day number. */
export function dateOfDay(day: number): string {
  return new Date(Math.floor(day) * DAY_MS).toISOString().slice(0, 10);
}

/** The date `days` calendar days after `date` (before, when negative). */
export function shiftDate(date: string, days: number): string {
  const day = dayNumber(date);
  if (day === null) throw new Error(`shiftDate: "${date}" is not a date YYYY-MM-DD`);
  return dateOfDay(day + days);
}

/** Today's date in Berlin at the instant `now` (e.g. 23:30 UTC in summer is already tomorrow). */
export function berlinToday(now: Date): string {
  const wallClock = berlinWallClock(now.toISOString());
  if (wallClock === null) throw new Error(`berlinToday: no instant ${String(now)}`);
  return wallClock.slice(0, 10);
}

/**
 * Where a format's date-time falls, in days: its Berlin day number plus the wall-clock time as a
 * fraction of the day (10:00 → +0.4167). Null when the value is empty or unreadable.
 */
export function berlinDayPosition(dateTime: string | null): number | null {
  if (!dateTime) return null;
  const wallClock = berlinWallClock(dateTime);
  if (wallClock === null) return null;
  const day = dayNumber(wallClock.slice(0, 10));
  if (day === null) return null;
  const [hours, minutes] = wallClock.slice(11, 16).split(':').map(Number) as [number, number];
  return day + (hours * 60 + minutes) / (24 * 60);
}

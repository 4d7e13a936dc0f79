/**
 * Dates and times of a plan as the people planning it mean them: wall-clock times in Berlin.
 *
 * A format's `dateTime` is stored as the wall-clock time entered (`YYYY-MM-DDTHH:mm`, what
 * `<input type="datetime-local">` gives), without a zone: "10:00" is 10:00 in Berlin, in winter
 * and in summer, whatever zone a server or browser runs in. Nothing converts it, so it shows,
 * exports and round-trips through JSON exactly as entered. An ISO instant with an offset (as
 * older imports may hold) is read as the Berlin wall-clock time of that instant.
 *
 * Instants (`createdAt`, approval times) are formatted in Berlin time, explicitly.
 */

/** The zone every plan time means. */
export const PLAN_TIME_ZONE = 'Europe/Berlin';

/** `YYYY-MM-DDTHH:mm` with optional seconds and fraction, and no offset. */
const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;

/** Parts of a wall-clock time. */
interface WallClockParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** True when `value` is an ISO date-time without an offset (a wall-clock time). */
export function isWallClock(value: string): boolean {
  return WALL_CLOCK.test(value);
}

/**
 * The Berlin wall-clock time `YYYY-MM-DDTHH:mm` of a stored date-time: a wall-clock value as it
 * is (seconds dropped), an instant (`Z` or offset) converted to Berlin time. Null when unreadable.
 */
export function berlinWallClock(value: string): string | null {
  const parts = wallClockParts(value);
  if (parts === null) return null;
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(parts.year, 4)}-${pad(parts.month)}-${pad(parts.day)}T${pad(parts.hour)}:${pad(parts.minute)}`;
}

/**
 * A stored date-time moved by `days` calendar days (back when negative), as the wall-clock time
 * `YYYY-MM-DDTHH:mm`: the day changes, the Berlin time of day stays. Counted on the calendar, not
 * in hours, so 10:00 on the Saturday before a DST switch moved by one day is 10:00 on Sunday.
 * An instant (with offset) is read as its Berlin time first. Null when `value` is unreadable.
 */
export function shiftPlanDateTime(value: string, days: number): string | null {
  const parts = wallClockParts(value);
  if (parts === null || !Number.isInteger(days)) return null;
  // A UTC date has no DST, so adding whole days to it only changes the calendar date.
  const date = new Date(Date.UTC(parts.year, parts.month - 1, parts.day + days));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.toISOString().slice(0, 10)}T${pad(parts.hour)}:${pad(parts.minute)}`;
}

function wallClockParts(value: string): WallClockParts | null {
  const local = WALL_CLOCK.exec(value);
  if (local) {
    const [year, month, day, hour, minute] = local.slice(1, 6).map(Number) as [
      number,
      number,
      number,
      number,
      number,
    ];
    return { year, month, day, hour, minute };
  }
  const instant = new Date(value);
  if (!/[zZ]$|[+-]\d{2}:?\d{2}$/.test(value) || Number.isNaN(instant.getTime())) return null;
  return berlinPartsOf(instant);
}

/** The Berlin wall-clock parts of an instant. */
function berlinPartsOf(instant: Date): WallClockParts {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: PLAN_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((p) => p.type === type)?.value);
  return {
    year: part('year'),
    month: part('month'),
    day: part('day'),
    hour: part('hour'),
    minute: part('minute'),
  };
}

/**
 * A stored date-time for reading in `locale`, e.g. "15. Juli 2026, 10:00": the Berlin wall-clock
 * time (see {@link berlinWallClock}); unreadable input is returned as it is.
 */
export function formatPlanDateTime(value: string, locale: string): string {
  const parts = wallClockParts(value);
  if (parts === null) return value;
  // The wall-clock parts are written as a UTC instant and formatted in UTC, so no zone rule
  // (neither the host's nor a DST switch) can move them.
  const asUTC = new Date(
    Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute),
  );
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'UTC',
  }).format(asUTC);
}

/** A calendar date `YYYY-MM-DD` for reading in `locale`, e.g. "1. Dezember 2026". */
export function formatPlanDate(value: string, locale: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return value;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/**
 * Reading one cell: text cleaned the way plan-model cleans user text, dates in the spellings
 * German and English spreadsheets use, yes/no, counts, and HTML the platforms export in their
 * description fields. Each reader returns `{ ok: false }` instead of guessing.
 */
import { cleanLine, cleanMultiline } from '@prozesswerkstatt/plan-model';

/** A parsed value or the reason it could not be parsed. */
export type Parsed<T> =
  { ok: true; value: T } | { ok: false; code: 'invalid_format' | 'invalid_type' | 'invalid_value' };

/** One line of text: control/bidi characters removed, line breaks to spaces, trimmed. */
export function lineText(raw: string): string {
  return cleanLine(raw).replace(/\s+/g, ' ').trim();
}

/** Several lines: control/bidi characters removed, CR LF to LF, outer blank lines trimmed. */
export function multilineText(raw: string): string {
  return cleanMultiline(raw)
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

/**
 * Plain text of an HTML fragment (platform descriptions, Decidim bodies): block ends become
 * line breaks, tags go, entities are decoded. Not a sanitizer: the result is shown as text.
 */
export function htmlToText(raw: string): string {
  if (!/[<&]/.test(raw)) return raw;
  return raw
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|h[1-6]|blockquote|tr)>/gi, '\n')
    .replace(/<li[^>]*>/gi, '• ')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] === '#') {
        const code =
          name[1] === 'x' || name[1] === 'X'
            ? parseInt(name.slice(2), 16)
            : parseInt(name.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code <= 0x10ffff
          ? String.fromCodePoint(code)
          : whole;
      }
      return ENTITIES[name.toLowerCase()] ?? whole;
    });
}

const BERLIN_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Berlin',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** `YYYY-MM-DD` when the three numbers make a real calendar day, else null. */
function calendarDay(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1) return null;
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCMonth() !== month - 1) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * A calendar day (`YYYY-MM-DD`) from `2024-03-05`, `05.03.2024`, `5.3.24`, `05/03/2024` (day
 * first, as in Germany) or an ISO timestamp; a timestamp with an offset is read as an instant and
 * given as its day in Berlin, one without as the wall-clock day it names. Empty → null value.
 */
export function parseDay(raw: string): Parsed<string | null> {
  const text = raw.trim();
  if (text === '') return { ok: true, value: null };
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (m) return dayResult(calendarDay(+m[1]!, +m[2]!, +m[3]!));
  m = /^(\d{1,2})[./](\d{1,2})[./](\d{2}|\d{4})(?:[ ,]+\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(text);
  if (m) {
    const year = m[3]!.length === 2 ? 2000 + +m[3]! : +m[3]!;
    return dayResult(calendarDay(year, +m[2]!, +m[1]!));
  }
  m =
    /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2}|UTC)?$/i.exec(
      text,
    );
  if (m) {
    if (calendarDay(+m[1]!, +m[2]!, +m[3]!) === null) return { ok: false, code: 'invalid_format' };
    if (!m[7]) return dayResult(calendarDay(+m[1]!, +m[2]!, +m[3]!));
    const zone = m[7].toUpperCase() === 'UTC' ? 'Z' : m[7].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
    const instant = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? '00'}${zone}`);
    if (Number.isNaN(instant.getTime())) return { ok: false, code: 'invalid_format' };
    return { ok: true, value: BERLIN_DAY.format(instant) };
  }
  return { ok: false, code: 'invalid_format' };
}

function dayResult(day: string | null): Parsed<string | null> {
  return day === null ? { ok: false, code: 'invalid_format' } : { ok: true, value: day };
}

const YES = new Set(['ja', 'j', 'yes', 'y', 'true', 'wahr', '1', 'x', '✓', 'oui']);
const NO = new Set(['nein', 'n', 'no', 'false', 'falsch', '0', '-', '']);

/** Yes/no in German or English (`ja`, `x`, `1`, `true` …); empty is no. */
export function parseYesNo(raw: string): Parsed<boolean> {
  const text = raw.trim().toLowerCase();
  if (YES.has(text)) return { ok: true, value: true };
  if (NO.has(text)) return { ok: true, value: false };
  return { ok: false, code: 'invalid_value' };
}

/** A whole number ≥ 0 (`12`, `12.0`, `1.200` with a German thousands dot); empty → null. */
export function parseCount(raw: string): Parsed<number | null> {
  const text = raw.trim();
  if (text === '') return { ok: true, value: null };
  const normalized = /^\d{1,3}(\.\d{3})+$/.test(text) ? text.replace(/\./g, '') : text;
  if (!/^\d+(\.0+)?$/.test(normalized)) return { ok: false, code: 'invalid_type' };
  const value = Number(normalized);
  return Number.isSafeInteger(value) ? { ok: true, value } : { ok: false, code: 'invalid_type' };
}

/** A decimal number with `.` or `,` as the decimal mark; empty → null. */
export function parseDecimal(raw: string): Parsed<number | null> {
  const text = raw.trim();
  if (text === '') return { ok: true, value: null };
  if (!/^-?\d+([.,]\d+)?$/.test(text)) return { ok: false, code: 'invalid_type' };
  const value = Number(text.replace(',', '.'));
  return Number.isFinite(value) ? { ok: true, value } : { ok: false, code: 'invalid_type' };
}

/** A list cell (`a, b; c`) as its trimmed, non-empty, distinct entries. */
export function parseList(raw: string, separators: RegExp = /[;,\n]/): string[] {
  const seen = new Set<string>();
  for (const part of raw.split(separators)) {
    const entry = lineText(part);
    if (entry !== '') seen.add(entry);
  }
  return [...seen];
}

/** A label or header for matching: lower case, accents kept, spaces and `*`/`:` evened out. */
export function matchKey(raw: string): string {
  return raw
    .normalize('NFC')
    .toLowerCase()
    .replace(/[*:]/g, '')
    .replace(/[\s_]+/g, ' ')
    .trim();
}

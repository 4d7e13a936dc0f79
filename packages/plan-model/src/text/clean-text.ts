/**
 * User text without the characters that let it disguise itself: C0 and C1 control characters
 * (which terminals, logs and file names interpret) and the bidirectional embeddings, overrides
 * and isolates (U+202A–U+202E, U+2066–U+2069), with which a name like "Anna\u202Efdp.exe" shows
 * up to others as "Annaexe.pdf" and reorders the text around it. The plain direction marks
 * (U+200E, U+200F, U+061C) stay: they reorder nothing beyond neutral neighbours and people
 * writing right-to-left need them for punctuation.
 */

/** Options of {@link cleanText}. */
export interface CleanTextOptions {
  /**
   * Whether the field holds several lines (a comment, a note): tab and line feed are kept, CR LF
   * and CR become LF, U+2028/U+2029 become LF. Default false: each of them becomes a space, so
   * words on both sides stay apart.
   */
  multiline?: boolean;
}

/** C0 except tab/LF/CR, DEL, C1, and the bidi embeddings, overrides and isolates. */
const ALWAYS_REMOVED =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;
/** Line breaks of every kind (CR LF first, so it becomes one break). */
const LINE_BREAKS = /\r\n|[\r\n\u2028\u2029]/g;

/** `text` with control and bidi-override characters removed (see the module comment). */
export function cleanText(text: string, options: CleanTextOptions = {}): string {
  const withoutControls = text.replace(ALWAYS_REMOVED, '');
  if (options.multiline) return withoutControls.replace(LINE_BREAKS, '\n');
  return withoutControls.replace(LINE_BREAKS, ' ').replace(/\t/g, ' ');
}

/** {@link cleanText} for a one-line field: names, titles, labels. */
export function cleanLine(text: string): string {
  return cleanText(text);
}

/** {@link cleanText} for a field of several lines: comments, notes, reasons. */
export function cleanMultiline(text: string): string {
  return cleanText(text, { multiline: true });
}

/** True when `text` contains a character {@link cleanText} would remove or replace in one line. */
export function hasUnsafeCharacters(text: string): boolean {
  return cleanLine(text) !== text;
}

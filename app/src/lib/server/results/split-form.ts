/**
 * Splitting a long submission into parts answered separately (`results/[cid]/split`): the parts
 * the page proposes (the text's paragraphs) and the parts the person confirmed, checked before
 * storage's `splitContribution` writes them.
 */
import { CONTRIBUTION_LIMITS } from '@prozesswerkstatt/storage';
import { m } from '../../paraglide/messages.js';
import { parseRowVersion } from './form-version.js';

/** Most parts one split makes (storage's limit). */
export const MAX_PARTS = 200;

/**
 * The text's paragraphs (separated by blank lines) as proposed parts; a text without blank lines
 * but with several lines is proposed line by line, a single line as one part.
 */
export function proposedParts(text: string): string[] {
  const normalized = text.replace(/\r\n?/g, '\n').trim();
  const paragraphs = normalized
    .split(/\n\s*\n/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
  const parts =
    paragraphs.length > 1
      ? paragraphs
      : normalized
          .split('\n')
          .map((line) => line.trim())
          .filter((line) => line !== '');
  return parts.slice(0, MAX_PARTS);
}

/** The versions of the item and its answer the split page read (storage's `SplitBase`). */
export interface SplitFormBase {
  version: number;
  replyVersion: number | null;
}

export type ParsedSplitForm =
  | { ok: true; parts: { text: string }[]; base: SplitFormBase }
  | { ok: false; error: string; partErrors: Record<number, string>; parts: string[] };

/**
 * The hidden fields `version` (the item's) and `replyVersion` (its answer's, empty when it had
 * none); undefined when missing or damaged, since a split without them could run twice.
 */
export function splitBaseOf(form: FormData): SplitFormBase | undefined {
  const textOf = (name: string) => {
    const value = form.get(name);
    return typeof value === 'string' ? value : undefined;
  };
  const versionText = textOf('version');
  const replyText = textOf('replyVersion');
  if (versionText === undefined || replyText === undefined) return undefined;
  const version = parseRowVersion(versionText, false);
  const replyVersion = parseRowVersion(replyText, true);
  if (version == null || replyVersion === undefined) return undefined;
  return { version, replyVersion };
}

/**
 * The confirmed parts (form fields `part`, in order) and the versions they were split at. Empty
 * parts are dropped (a part removed by clearing it); at least two must remain, each within the
 * text limit.
 */
export function parseSplitForm(form: FormData): ParsedSplitForm {
  const submitted = form
    .getAll('part')
    .map((value) => (typeof value === 'string' ? value.trim() : ''));
  const parts = submitted.filter((part) => part !== '');
  const base = splitBaseOf(form);
  if (!base) {
    return { ok: false, error: m.results_sort_error_version(), partErrors: {}, parts: submitted };
  }
  if (parts.length > MAX_PARTS) {
    return {
      ok: false,
      error: m.results_sort_split_too_many({ max: MAX_PARTS }),
      partErrors: {},
      parts: parts.slice(0, MAX_PARTS),
    };
  }
  if (parts.length < 2) {
    return { ok: false, error: m.results_sort_split_too_few(), partErrors: {}, parts: submitted };
  }
  const partErrors: Record<number, string> = {};
  parts.forEach((part, index) => {
    if (part.length > CONTRIBUTION_LIMITS.text) {
      partErrors[index] = m.results_error_too_long({ max: CONTRIBUTION_LIMITS.text });
    }
  });
  if (Object.keys(partErrors).length > 0) {
    return { ok: false, error: m.results_form_has_errors(), partErrors, parts };
  }
  return { ok: true, parts: parts.map((text) => ({ text })), base };
}

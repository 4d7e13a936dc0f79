/**
 * Which phase or format an imported row belongs to. A file may name one in a column (mein.berlin's
 * category, the generic `Phase/Format`): it is matched by id, else by title (case and spacing
 * ignored, the first in plan order when two share a title); a row naming none, or one the plan
 * does not have, gets the default chosen in the dialog.
 */
import type { ResultSubject } from '../result-subjects.js';

export interface SubjectMatch {
  subjectId: string | null;
  /** True when the row named a subject and the plan has none by that name. */
  unmatched: boolean;
}

function normalized(title: string): string {
  return title.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('de');
}

/** A function from a row's subject reference to the plan's subject id. */
export function subjectMatcher(
  subjects: readonly ResultSubject[],
  fallback: string | null,
): (ref: string | null) => SubjectMatch {
  const ids = new Set(subjects.map((subject) => subject.id));
  const byTitle = new Map<string, string>();
  for (const subject of subjects) {
    const key = normalized(subject.title);
    if (key !== '' && !byTitle.has(key)) byTitle.set(key, subject.id);
  }
  return (ref) => {
    const trimmed = ref?.trim() ?? '';
    if (trimmed === '') return { subjectId: fallback, unmatched: false };
    if (ids.has(trimmed)) return { subjectId: trimmed, unmatched: false };
    const found = byTitle.get(normalized(trimmed));
    return found
      ? { subjectId: found, unmatched: false }
      : { subjectId: fallback, unmatched: true };
  };
}

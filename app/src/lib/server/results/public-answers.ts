/**
 * The public results page of a plan (`/p/<planId>/results`): released answers grouped by the
 * phase they answer (a format's answers under its phase), each with its accepted themes. Built
 * from storage's public view only, whose columns carry no name, contact or co-signer name; the
 * plan's phases and formats come from its stored document.
 */
import {
  listPublicAnswers,
  listPublicThemes,
  type PublicAnswer,
  type PublicTheme,
} from '@prozesswerkstatt/storage';
import type { Db } from '../db.js';
import type { ResultSubject } from './result-subjects.js';

/** One answer as the public page shows it. */
export interface PublicAnswerView extends PublicAnswer {
  /** The format it answers (its phase is the group), or null when it answers the phase. */
  formatTitle: string | null;
  themes: string[];
}

/** The answers about one phase; `phaseId` null for those about the plan as a whole. */
export interface PublicAnswerGroup {
  phaseId: string | null;
  phaseTitle: string | null;
  answers: PublicAnswerView[];
}

/** Answers a public page lists; pages keep a plan with thousands of answers readable and fast. */
export const PUBLIC_PAGE_SIZE = 50;

/**
 * Groups `answers` by phase in plan order (answers to a format under its phase), answers without
 * a known phase last; within a group the order of `answers` (oldest received first) stays.
 */
export function groupPublicAnswers(
  answers: readonly PublicAnswer[],
  subjects: readonly ResultSubject[],
  themes: readonly PublicTheme[],
): PublicAnswerGroup[] {
  const bySubject = new Map(subjects.map((subject) => [subject.id, subject]));
  // A format's phase is the phase entry listed last before it (result-subjects lists in order).
  const phaseOf = new Map<string, ResultSubject>();
  let currentPhase: ResultSubject | undefined;
  for (const subject of subjects) {
    if (subject.kind === 'phase') currentPhase = subject;
    if (currentPhase) phaseOf.set(subject.id, currentPhase);
  }
  const groups = new Map<string | null, PublicAnswerGroup>();
  for (const subject of subjects) {
    if (subject.kind === 'phase') {
      groups.set(subject.id, { phaseId: subject.id, phaseTitle: subject.title, answers: [] });
    }
  }
  groups.set(null, { phaseId: null, phaseTitle: null, answers: [] });
  for (const answer of answers) {
    const subject = answer.subjectId === null ? undefined : bySubject.get(answer.subjectId);
    const phase = subject ? phaseOf.get(subject.id) : undefined;
    const group = groups.get(phase?.id ?? null) as PublicAnswerGroup;
    group.answers.push({
      ...answer,
      formatTitle: subject?.kind === 'format' ? subject.title : null,
      themes: themes
        .filter((theme) => theme.contributionId === answer.contributionId)
        .map((theme) => theme.label),
    });
  }
  return [...groups.values()].filter((group) => group.answers.length > 0);
}

/** One page (0-based) of the plan's released answers, grouped, and how many there are in all. */
export async function loadPublicAnswers(
  db: Db,
  planId: string,
  subjects: readonly ResultSubject[],
  page: number,
): Promise<{ groups: PublicAnswerGroup[]; total: number }> {
  const { items, total } = await listPublicAnswers(db, planId, {
    limit: PUBLIC_PAGE_SIZE,
    offset: page * PUBLIC_PAGE_SIZE,
  });
  const themes = await listPublicThemes(
    db,
    planId,
    items.map((item) => item.contributionId),
  );
  return { groups: groupPublicAnswers(items, subjects, themes), total };
}

/**
 * Reads what the results report and the weighing table show: the contributions with their
 * answers and accepted themes, the theme tree, the measures and the last release; words the plan
 * elements decisions link to; and takes the personal data out of every text (see
 * `pseudonymise.ts`). What leaves here has no name, contact or co-signer field at all.
 *
 * Two editions. The public one (the report, and the weighing table with `?edition=public`) shows
 * what was released: released items only, with the title, text and answer stored at sign-off.
 * The internal one (the weighing table by default) shows every item and answer as it is now, and
 * says when answers changed after the last release.
 */
import type {
  ReportContribution,
  ReportMeasure,
  ResultsReportInput,
  WeighingAudience,
} from '@prozesswerkstatt/plan-export/outline';
import { planToJSON, type PlanJSON } from '@prozesswerkstatt/plan-model';
import { planDocumentName } from '@prozesswerkstatt/contract';
import {
  lastRelease,
  listContributions,
  listMeasures,
  listPublicAnswers,
  listThemes,
  personalTerms,
  pseudonymise,
  type ContributionListItem,
  type DocumentStorage,
  type Executor,
  type LinkKind,
  type PublicAnswer,
} from '@prozesswerkstatt/storage';
import * as Y from 'yjs';
import { m } from '$lib/paraglide/messages.js';
import { localized } from '$lib/results/measure-labels';
import { linkTargetsOf, type LinkTarget } from './link-targets.js';
import { linkValue } from './reply-form.js';

/** Rows read per query while walking all contributions. */
const PAGE = 500;

/** Every contribution of the plan, oldest received first. */
async function allContributions(db: Executor, planId: string): Promise<ContributionListItem[]> {
  const items: ContributionListItem[] = [];
  let cursor: string | null = null;
  do {
    const page = await listContributions(db, planId, {}, { limit: PAGE, cursor });
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return items;
}

async function loadPlan(storage: DocumentStorage, planId: string): Promise<PlanJSON | null> {
  const state = await storage.loadDocument(planDocumentName(planId));
  if (state === null) return null;
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    return planToJSON(doc);
  } finally {
    doc.destroy();
  }
}

/** Every released answer of the plan (the newest release of each item), by contribution. */
async function releasedAnswers(db: Executor, planId: string): Promise<Map<string, PublicAnswer>> {
  const answers = new Map<string, PublicAnswer>();
  for (let offset = 0; ; offset += PAGE) {
    const page = await listPublicAnswers(db, planId, { limit: PAGE, offset });
    for (const answer of page.items) answers.set(answer.contributionId, answer);
    if (page.items.length < PAGE) return answers;
  }
}

/** The report's words and answer of a contribution as it is now, pseudonymised. */
function liveWords(c: ContributionListItem) {
  const terms = personalTerms({
    names: [c.authorName, ...c.cosigners],
    contacts: [c.authorContact],
  });
  const clean = (text: string) => pseudonymise(text, terms);
  const reply = c.reply;
  return {
    title: clean(c.title),
    text: clean(c.text),
    decision: reply?.decision ?? null,
    reason: clean(reply?.reason ?? ''),
    response: clean(reply?.response ?? ''),
    duplicateOfId: reply?.duplicateOfId ?? null,
    linkKind: reply?.linkKind ?? null,
    linkId: reply?.linkId ?? null,
  };
}

/** Words for the plan element a decision links to, from the plan's link targets. */
function changeName(targets: readonly LinkTarget[], kind: LinkKind, id: string): string {
  const name = targets.find((target) => target.value === linkValue(kind, id))?.title;
  if (name === undefined) return m.results_report_link_missing();
  switch (kind) {
    case 'phase':
      return m.results_report_link_phase({ name });
    case 'format':
      return m.results_report_link_format({ name });
    case 'stakeholder':
      return m.results_report_link_stakeholder({ name });
    case 'open_question':
      return m.results_report_link_open_question({ name });
  }
}

/** The title of the phase or format a contribution answers. */
function subjectTitle(plan: PlanJSON | null, id: string | null): string | null {
  if (id === null || plan === null) return null;
  for (const phase of plan.phases) {
    if (phase.id === id) return phase.title;
    const format = phase.formats.find((f) => f.id === id);
    if (format) return `${phase.title} › ${format.title}`;
  }
  return null;
}

export interface ReportSourceOptions {
  planId: string;
  planTitle: string;
  /** The reader's language, for measure titles given in several. */
  locale: string;
  /** `public`: what was released; `internal`: everything as it is now. */
  edition: WeighingAudience;
  /** The moment the report is made (tests fix it). */
  now?: Date;
}

/** The report's input for a plan in the given edition, pseudonymised. */
export async function loadReportInput(
  db: Executor,
  storage: DocumentStorage,
  { planId, planTitle, locale, edition, now = new Date() }: ReportSourceOptions,
): Promise<ResultsReportInput> {
  const plan = await loadPlan(storage, planId);
  const targets = plan ? linkTargetsOf(plan) : [];
  const all = await allContributions(db, planId);
  const released = edition === 'public' ? await releasedAnswers(db, planId) : null;
  // A split original is answered through its parts; it is not an item of its own.
  const split = new Set(all.flatMap((c) => (c.parentId === null ? [] : [c.parentId])));
  const items = all.flatMap((c) => {
    if (split.has(c.id)) return [];
    if (released === null) return [{ c, words: liveWords(c) }];
    const answer = released.get(c.id);
    return answer ? [{ c, words: answer }] : [];
  });
  const numberOf = new Map(items.map(({ c }, index) => [c.id, index + 1]));
  const contributions: ReportContribution[] = items.map(({ c, words }, index) => ({
    number: index + 1,
    pseudonym: c.pseudonym,
    channel: c.channel,
    receivedAt: c.receivedAt.slice(0, 10),
    subject: subjectTitle(plan, c.subjectId),
    title: words.title,
    text: words.text,
    cosignerCount: c.cosignerCount,
    decision: words.decision,
    reason: words.reason,
    response: words.response,
    duplicateOf: words.duplicateOfId ? (numberOf.get(words.duplicateOfId) ?? null) : null,
    change:
      words.linkKind && words.linkId
        ? { kind: words.linkKind, name: changeName(targets, words.linkKind, words.linkId) }
        : null,
    themeIds: c.themes.filter((t) => !t.suggested).map((t) => t.themeId),
  }));
  const measures: ReportMeasure[] = (await listMeasures(db, planId)).map((measure) => ({
    id: measure.id,
    title: localized(measure.title, locale),
    description: localized(measure.description, locale),
    status: measure.status,
    progress: measure.progress,
    startDate: measure.startDate,
    endDate: measure.endDate,
    milestones: measure.milestones.map((milestone) => ({
      title: milestone.title,
      dueDate: milestone.dueDate,
      done: milestone.doneAt !== null,
    })),
    contributionNumbers: measure.contributionIds
      .flatMap((id) => numberOf.get(id) ?? [])
      .sort((a, b) => a - b),
  }));
  const last = await lastRelease(db, planId);
  return {
    planTitle: plan?.meta.title || planTitle,
    generatedAt: now.toISOString(),
    releasedAt: last?.releasedAt ?? null,
    // The public edition is the release itself; the internal one may be ahead of it.
    changedSinceRelease: released === null && (last?.answersChangedSince ?? false),
    contributions,
    themes: (await listThemes(db, planId)).map((t) => ({
      id: t.id,
      parentId: t.parentId,
      label: t.label,
    })),
    measures,
  };
}

import { diffWords } from 'diff';
import { canonicalStringify } from '../json/export.js';
import type { PlanJSON } from '../json/schema.js';
import { OVERVIEW_FIELDS } from '../keys.js';
import type { FormatJSON } from '../records/format.js';
import type { RichTextJSON } from '../richtext/json.js';
import { richTextJSONToPlainText } from './rich-text-plain.js';

/** One run of a word diff: unchanged, only in the newer text, or only in the older one. */
export interface TextPart {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

/** One changed field: a plain value (before/after), or a rich text with its word diff. */
export type FieldChange =
  | { field: string; kind: 'value'; before: unknown; after: unknown }
  | { field: string; kind: 'text'; before: string; after: string; parts: TextPart[] };

/** A record that was added, removed, or changed field by field (order counts as field `order`). */
export interface RecordChange {
  id: string;
  change: 'added' | 'removed' | 'changed';
  /** Name or title of the record (the newer one when both exist), for headings. */
  label: string;
  /** For formats: the phase title it belongs to (newer side when present). */
  parentLabel?: string;
  fields: FieldChange[];
}

/** What changed from plan `a` (older) to plan `b` (newer). */
export interface PlanDiff {
  meta: FieldChange[];
  overview: FieldChange[];
  stakeholders: RecordChange[];
  phases: RecordChange[];
  formats: RecordChange[];
  results: RecordChange[];
  /**
   * Guideline items marked "not applicable" (added, removed, or with a changed reason), by item
   * id; the id is the label, as only the check's consumers know the items' names. Each carries
   * its reason as field `guidelineReason`, since the reason is what a reviewer reads.
   */
  guidelineMarks: RecordChange[];
  /** Number of changed fields and records in all sections; 0 means the plans are equal. */
  total: number;
}

/** Keys of a record that hold rich text (diffed as words) or that are not fields (skipped). */
const RICH_TEXT_KEYS = new Set(['notes', 'goal', 'description', 'feedback']);
const SKIPPED_KEYS = new Set(['id', 'formats']);

/**
 * Compares two plans in canonical JSON form: meta and overview field by field, and stakeholders,
 * phases, formats and results by id (added, removed, changed fields, moved). Pure; rich text is
 * compared as plain text, with a word diff.
 */
export function diffPlans(a: PlanJSON, b: PlanJSON): PlanDiff {
  const meta = diffFields(
    a.meta as unknown as Record<string, unknown>,
    b.meta as unknown as Record<string, unknown>,
    ['updatedAt'],
  );
  const overview = OVERVIEW_FIELDS.flatMap((field) => {
    const change = diffRichText(field, a.overview[field], b.overview[field]);
    return change ? [change] : [];
  });
  const stakeholders = diffRecords(a.stakeholders, b.stakeholders, (s) => s.name);
  const phases = diffRecords(a.phases, b.phases, (p) => p.title);
  const formats = diffRecords(
    withPhase(a),
    withPhase(b),
    (f) => f.title,
    (f) => f.phaseId,
  );
  const results = diffRecords(a.results, b.results, (r) => r.subjectId);
  const guidelineMarks = diffMarks(a.guidelineNotApplicable, b.guidelineNotApplicable);
  const total =
    meta.length +
    overview.length +
    stakeholders.length +
    phases.length +
    formats.length +
    results.length +
    guidelineMarks.length;
  return { meta, overview, stakeholders, phases, formats, results, guidelineMarks, total };
}

/** The field name a guideline mark's reason is reported under. */
export const GUIDELINE_REASON_FIELD = 'guidelineReason';

function diffMarks(
  before: Readonly<Record<string, string>>,
  after: Readonly<Record<string, string>>,
): RecordChange[] {
  const ids = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return ids.flatMap((id): RecordChange[] => {
    const old = Object.hasOwn(before, id) ? before[id] : undefined;
    const now = Object.hasOwn(after, id) ? after[id] : undefined;
    if (old === now) return [];
    const change = old === undefined ? 'added' : now === undefined ? 'removed' : 'changed';
    const field: FieldChange = {
      field: GUIDELINE_REASON_FIELD,
      kind: 'value',
      before: old,
      after: now,
    };
    return [{ id, change, label: id, fields: [field] }];
  });
}

type FormatWithPhase = FormatJSON & { phaseId: string; phaseTitle: string };

function withPhase(plan: PlanJSON): FormatWithPhase[] {
  return plan.phases.flatMap((phase) =>
    phase.formats.map((format) => ({ ...format, phaseId: phase.id, phaseTitle: phase.title })),
  );
}

function diffRecords<T extends { id: string }>(
  before: readonly T[],
  after: readonly T[],
  labelOf: (record: T) => string,
  groupOf: (record: T) => string = () => '',
): RecordChange[] {
  const beforeById = new Map(before.map((record, index) => [record.id, { record, index }]));
  const afterIds = new Set(after.map((record) => record.id));
  const out: RecordChange[] = [];
  after.forEach((record) => {
    const old = beforeById.get(record.id);
    const parentLabel = parentOf(record);
    if (!old) {
      out.push({ id: record.id, change: 'added', label: labelOf(record), parentLabel, fields: [] });
      return;
    }
    const fields = diffFields(
      old.record as unknown as Record<string, unknown>,
      record as unknown as Record<string, unknown>,
      ['phaseTitle'],
    );
    // Position among the records both sides share in the same group (a format's phase), so an
    // insertion elsewhere is not a move; a change of group shows as a field of its own.
    const group = groupOf(record);
    const shared = (r: T): boolean =>
      afterIds.has(r.id) && beforeById.has(r.id) && groupOf(r) === group;
    const oldRank = rankAmong(before, old.record.id, shared);
    const newRank = rankAmong(after, record.id, shared);
    if (groupOf(old.record) === group && oldRank !== newRank) {
      fields.push({ field: 'order', kind: 'value', before: oldRank + 1, after: newRank + 1 });
    }
    if (fields.length > 0) {
      out.push({ id: record.id, change: 'changed', label: labelOf(record), parentLabel, fields });
    }
  });
  for (const { record } of beforeById.values()) {
    if (!afterIds.has(record.id)) {
      const parentLabel = parentOf(record);
      out.push({
        id: record.id,
        change: 'removed',
        label: labelOf(record),
        parentLabel,
        fields: [],
      });
    }
  }
  return out;
}

function parentOf(record: object): string | undefined {
  return 'phaseTitle' in record && typeof record.phaseTitle === 'string'
    ? record.phaseTitle
    : undefined;
}

function rankAmong<T extends { id: string }>(
  list: readonly T[],
  id: string,
  shared: (record: T) => boolean,
): number {
  return list.filter(shared).findIndex((record) => record.id === id);
}

function diffFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  ignored: readonly string[],
): FieldChange[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  const out: FieldChange[] = [];
  for (const key of keys) {
    if (SKIPPED_KEYS.has(key) || ignored.includes(key)) continue;
    if (RICH_TEXT_KEYS.has(key)) {
      const change = diffRichText(key, before[key] as RichTextJSON, after[key] as RichTextJSON);
      if (change) out.push(change);
      continue;
    }
    if (canonicalStringify(before[key]) !== canonicalStringify(after[key])) {
      out.push({ field: key, kind: 'value', before: before[key], after: after[key] });
    }
  }
  return out;
}

function diffRichText(
  field: string,
  before: RichTextJSON | undefined,
  after: RichTextJSON | undefined,
): FieldChange | null {
  // Equal JSON is equal text; only differing fields pay for the conversion to plain text.
  if (canonicalStringify(before) === canonicalStringify(after)) return null;
  const beforeText = before ? richTextJSONToPlainText(before) : '';
  const afterText = after ? richTextJSONToPlainText(after) : '';
  if (beforeText === afterText) return null;
  return {
    field,
    kind: 'text',
    before: beforeText,
    after: afterText,
    parts: diffText(beforeText, afterText),
  };
}

/** Word diff of two plain texts. */
export function diffText(before: string, after: string): TextPart[] {
  return diffWords(before, after).map((change) => ({
    kind: change.added ? 'added' : change.removed ? 'removed' : 'same',
    text: change.value,
  }));
}

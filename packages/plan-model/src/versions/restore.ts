import { generateNKeysBetween } from 'fractional-indexing';
import * as Y from 'yjs';
import { canonicalStringify } from '../json/export.js';
import { parsePlanJSON } from '../json/import.js';
import { OVERVIEW_FIELDS, POSITION_KEY } from '../keys.js';
import { getOverviewText } from '../overview.js';
import { insertFormat } from '../records/format.js';
import { replaceGuidelineNotApplicable } from '../records/guideline-marks.js';
import { CURRENT_SCHEMA_VERSION, setSchemaVersion, writeMeta } from '../records/meta.js';
import { insertPhase } from '../records/phase.js';
import { replaceResponsibilities } from '../records/responsibilities.js';
import { insertResult } from '../records/result.js';
import { insertStakeholder } from '../records/stakeholder.js';
import { richTextToJSON, writeRichTextJSON, type RichTextJSON } from '../richtext/json.js';
import {
  collectionOf,
  orderedRecords,
  recordOf,
  transact,
  writeFields,
  type CollectionName,
  type RecordMap,
} from '../store.js';
import type { MetaPatch } from '../records/meta.js';

/**
 * Makes the content of an existing plan document equal to `input` (a plan in JSON form, e.g. a
 * version) in ONE transaction, as a change on top of what is there: records are kept by id and
 * updated field by field, missing ones removed, new ones added, rich text rewritten only where it
 * differs, order set where it differs. Editors bound to a kept record's rich text stay bound (the
 * field is rewritten in place, not replaced). `metaOverride` sets meta fields after the copy (the
 * app keeps the status it decides). Validates first; on a problem throws `PlanImportError` and
 * writes nothing. Afterwards `planToJSON(doc)` equals the input (plus `metaOverride`).
 */
export function restorePlanJSON(
  doc: Y.Doc,
  input: unknown,
  origin?: unknown,
  metaOverride: MetaPatch = {},
): void {
  const plan = parsePlanJSON(input);
  transact(doc, origin, () => {
    writeMeta(doc, { ...plan.meta, ...metaOverride } as typeof plan.meta);
    setSchemaVersion(doc, CURRENT_SCHEMA_VERSION);
    for (const field of OVERVIEW_FIELDS) {
      rewriteIfDifferent(getOverviewText(doc, field), plan.overview[field]);
    }
    // Removals first, so stakeholder ids referenced by formats are settled before those are written.
    const formats = plan.phases.flatMap((phase) =>
      phase.formats.map((format) => ({ ...format, phaseId: phase.id })),
    );
    removeAllBut(
      doc,
      'results',
      plan.results.map((r) => r.id),
    );
    removeAllBut(
      doc,
      'formats',
      formats.map((f) => f.id),
    );
    removeAllBut(
      doc,
      'phases',
      plan.phases.map((p) => p.id),
    );
    removeAllBut(
      doc,
      'stakeholders',
      plan.stakeholders.map((s) => s.id),
    );

    for (const { id, notes, ...fields } of plan.stakeholders) {
      const map = recordOf(doc, 'stakeholders', id);
      if (map) {
        writeFields(map, fields);
        rewriteIfDifferent(map.get('notes'), notes);
      } else writeRichTextJSON(insertStakeholder(doc, id, fields), notes);
    }
    setOrder(
      doc,
      'stakeholders',
      plan.stakeholders.map((s) => s.id),
    );

    for (const { id, goal, formats: _formats, responsibilities, ...fields } of plan.phases) {
      const map = recordOf(doc, 'phases', id);
      if (map) {
        writeFields(map, fields);
        replaceResponsibilities(map, responsibilities);
        rewriteIfDifferent(map.get('goal'), goal);
      } else writeRichTextJSON(insertPhase(doc, id, fields, responsibilities), goal);
    }
    setOrder(
      doc,
      'phases',
      plan.phases.map((p) => p.id),
    );

    for (const {
      id,
      description,
      phaseId,
      targetStakeholderIds,
      responsibilities,
      ...fields
    } of formats) {
      const map = recordOf(doc, 'formats', id);
      if (map) {
        writeFields(map, { ...fields, phaseId });
        replaceResponsibilities(map, responsibilities);
        replaceArrayIfDifferent(map, 'targetStakeholderIds', targetStakeholderIds);
        rewriteIfDifferent(map.get('description'), description);
      } else {
        const fieldsWithTargets = { ...fields, targetStakeholderIds };
        const text = insertFormat(doc, id, phaseId, fieldsWithTargets, responsibilities);
        writeRichTextJSON(text, description);
      }
    }
    for (const phase of plan.phases) {
      setOrder(
        doc,
        'formats',
        phase.formats.map((f) => f.id),
        (m) => m.get('phaseId') === phase.id,
      );
    }

    for (const { id, subjectId, feedback } of plan.results) {
      const map = recordOf(doc, 'results', id);
      if (map) {
        writeFields(map, { subjectId });
        rewriteIfDifferent(map.get('feedback'), feedback);
      } else writeRichTextJSON(insertResult(doc, id, subjectId), feedback);
    }
    replaceGuidelineNotApplicable(doc, plan.guidelineNotApplicable);
  });
}

function removeAllBut(doc: Y.Doc, name: CollectionName, keep: readonly string[]): void {
  const kept = new Set(keep);
  const collection = collectionOf(doc, name);
  for (const id of [...collection.keys()]) if (!kept.has(id)) collection.delete(id);
}

function rewriteIfDifferent(target: unknown, json: RichTextJSON): void {
  if (!(target instanceof Y.XmlText)) return;
  if (canonicalStringify(richTextToJSON(target)) === canonicalStringify(json)) return;
  writeRichTextJSON(target, json);
}

function replaceArrayIfDifferent(map: RecordMap, key: string, values: readonly string[]): void {
  const current = map.get(key);
  if (current instanceof Y.Array) {
    const now = [...new Set(current.toArray() as unknown[])];
    if (canonicalStringify(now) === canonicalStringify(values)) return;
  }
  const next = new Y.Array<string>();
  map.set(key, next);
  next.push([...values]);
}

/** Gives the records new positions in the order of `ids` when their stored order differs. */
function setOrder(
  doc: Y.Doc,
  name: CollectionName,
  ids: readonly string[],
  filter?: (map: RecordMap) => boolean,
): void {
  const current = orderedRecords(doc, name, filter).map((record) => record.id);
  if (canonicalStringify(current) === canonicalStringify(ids)) return;
  const keys = generateNKeysBetween(null, null, ids.length);
  ids.forEach((id, index) => recordOf(doc, name, id)?.set(POSITION_KEY, keys[index] as string));
}

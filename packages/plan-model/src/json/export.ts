import type * as Y from 'yjs';
import { OVERVIEW_FIELDS } from '../keys.js';
import { getOverviewText } from '../overview.js';
import { listFormats, type Format, type FormatJSON } from '../records/format.js';
import { getGuidelineNotApplicable } from '../records/guideline-marks.js';
import { CURRENT_SCHEMA_VERSION, getMeta, type MetaJSON } from '../records/meta.js';
import { listPhases } from '../records/phase.js';
import { listResults } from '../records/result.js';
import { listStakeholders } from '../records/stakeholder.js';
import { richTextToJSON } from '../richtext/json.js';
import type { OverviewJSON, PlanJSON } from './schema.js';

/**
 * The whole plan as plain JSON in canonical order: the form for exports, versions and diffs.
 * Records hidden on read (orphans of concurrent removals) are left out, so the result always
 * satisfies `planJSONSchema` and can be imported again.
 */
export function planToJSON(doc: Y.Doc): PlanJSON {
  const { schemaVersion: _version, ...meta } = getMeta(doc);
  const overview = Object.fromEntries(
    OVERVIEW_FIELDS.map((f) => [f, richTextToJSON(getOverviewText(doc, f))]),
  ) as OverviewJSON;
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    meta: meta satisfies MetaJSON,
    overview,
    stakeholders: listStakeholders(doc).map(({ notes, ...rest }) => ({
      ...rest,
      notes: richTextToJSON(notes),
    })),
    phases: listPhases(doc).map(({ goal, ...rest }) => ({
      ...rest,
      goal: richTextToJSON(goal),
      formats: listFormats(doc, rest.id).map(formatToJSON),
    })),
    results: listResults(doc).map(({ feedback, ...rest }) => ({
      ...rest,
      feedback: richTextToJSON(feedback),
    })),
    guidelineNotApplicable: getGuidelineNotApplicable(doc),
  };
}

function formatToJSON({ description, phaseId: _phaseId, ...rest }: Format): FormatJSON {
  return { ...rest, description: richTextToJSON(description) };
}

/**
 * `planToJSON` serialised with object keys sorted recursively and no whitespace, so two equal
 * plans give byte-identical strings (and hashes) whatever order their maps were filled in.
 */
export function toCanonicalJSON(doc: Y.Doc): string {
  return canonicalStringify(planToJSON(doc));
}

/** JSON.stringify with recursively sorted object keys (arrays keep their order). */
export function canonicalStringify(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    out[key] = sortKeys((value as Record<string, unknown>)[key]);
  }
  return out;
}

/**
 * Hex SHA-256 of the canonical JSON, via Web Crypto (Node 20 and browsers; browsers only offer
 * it in secure contexts, i.e. https or localhost).
 */
export async function hashPlan(doc: Y.Doc): Promise<string> {
  const bytes = new TextEncoder().encode(toCanonicalJSON(doc));
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

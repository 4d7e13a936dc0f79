import {
  hashPlan,
  isPlan,
  planToJSON,
  toCanonicalJSON,
  type PlanJSON,
} from '@prozesswerkstatt/plan-model';
import { createHash } from 'node:crypto';
import * as Y from 'yjs';

/** A plan document's state with its canonical JSON and hash: the content of a version. */
export interface PlanSnapshot {
  state: Uint8Array;
  canonicalJson: string;
  sha256: string;
}

/** Reads a plan document's state (as `Y.encodeStateAsUpdate` gives it) into a fresh Y.Doc. */
export function docFromState(state: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc;
}

/** Canonical JSON and SHA-256 of a state; throws when the state is not a plan. */
export async function describeState(state: Uint8Array): Promise<PlanSnapshot> {
  const doc = docFromState(state);
  try {
    if (!isPlan(doc)) throw new Error('describeState: the document is not a plan');
    return { state, canonicalJson: toCanonicalJSON(doc), sha256: await hashPlan(doc) };
  } finally {
    doc.destroy();
  }
}

/** The plan of a state in JSON form. */
export function planOfState(state: Uint8Array): PlanJSON {
  const doc = docFromState(state);
  try {
    return planToJSON(doc);
  } finally {
    doc.destroy();
  }
}

/** Whether a stored version is intact, and if not, which check failed. */
export type IntegrityResult = 'ok' | 'hash_mismatch' | 'state_mismatch';

/**
 * Checks a stored version: the SHA-256 of its canonical JSON must be the stored hash, and its Yjs
 * state must still give that canonical JSON (so neither column was altered behind our back).
 */
export function checkIntegrity(version: {
  state: Uint8Array;
  canonical_json: string;
  sha256: string;
}): IntegrityResult {
  const hash = createHash('sha256').update(version.canonical_json).digest('hex');
  if (hash !== version.sha256) return 'hash_mismatch';
  let fromState: string;
  try {
    const doc = docFromState(version.state);
    fromState = toCanonicalJSON(doc);
    doc.destroy();
  } catch {
    return 'state_mismatch';
  }
  return fromState === version.canonical_json ? 'ok' : 'state_mismatch';
}

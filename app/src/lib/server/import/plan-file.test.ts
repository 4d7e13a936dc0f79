import { planToJSON, seedSamplePlan, toCanonicalJSON } from '@prozesswerkstatt/plan-model';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  MAX_IMPORT_BYTES,
  MAX_NESTING,
  nestingDepth,
  readPlanFile,
  syntaxPosition,
} from './plan-file.js';

const bytes = (text: string) => new TextEncoder().encode(text);

function sampleJSON(): string {
  const doc = new Y.Doc();
  seedSamplePlan(doc);
  return toCanonicalJSON(doc);
}

describe('readPlanFile', () => {
  it('reads an exported plan', () => {
    const text = sampleJSON();
    const result = readPlanFile(bytes(text));
    expect(result.ok && result.plan).toEqual(JSON.parse(text));
  });

  it('names each way a file can fail', () => {
    expect(readPlanFile(new Uint8Array(0))).toEqual({ ok: false, problem: { kind: 'empty' } });
    expect(readPlanFile(new Uint8Array(MAX_IMPORT_BYTES + 1))).toEqual({
      ok: false,
      problem: { kind: 'too_large', bytes: MAX_IMPORT_BYTES + 1 },
    });
    expect(readPlanFile(new Uint8Array([0x7b, 0xff, 0x7d]))).toEqual({
      ok: false,
      problem: { kind: 'encoding' },
    });
    expect(readPlanFile(bytes('{\n  "a": 1,\n  x\n}'))).toEqual({
      ok: false,
      problem: { kind: 'syntax', line: 3, column: 3 },
    });
    expect(readPlanFile(bytes('[1, 2]'))).toEqual({ ok: false, problem: { kind: 'not_object' } });
    expect(readPlanFile(bytes('{"schemaVersion": 7}'))).toEqual({
      ok: false,
      problem: { kind: 'schema_version', found: 7 },
    });
    const broken = JSON.parse(sampleJSON());
    delete broken.phases[0].formats[0].mode;
    const result = readPlanFile(bytes(JSON.stringify(broken)));
    expect(result.ok).toBe(false);
    if (result.ok || result.problem.kind !== 'invalid') throw new Error('expected invalid');
    expect(result.problem.issues).toEqual([
      expect.objectContaining({ code: 'missing', segments: ['phases', 0, 'formats', 0, 'mode'] }),
    ]);
  });

  it('refuses absurdly deep nesting instead of overflowing the stack of the validation', () => {
    const plan = JSON.parse(sampleJSON());
    const open = '{"insert":{"type":"xmlText","attrs":{},"delta":['.repeat(6000);
    const close = ']}}'.repeat(6000);
    const text = JSON.stringify({ ...plan, overview: { ...plan.overview, goals: 'DEEP' } }).replace(
      '"DEEP"',
      `{"attrs":{},"delta":[${open}${close}]}`,
    );
    expect(readPlanFile(bytes(text))).toEqual({ ok: false, problem: { kind: 'too_deep' } });
    expect(nestingDepth(plan)).toBeLessThan(MAX_NESTING);
    expect(nestingDepth([[[]]])).toBe(3);
  });

  it('finds the line and column of a syntax error, also at the end of the text', () => {
    const text = '{"a": ';
    let error: unknown;
    try {
      JSON.parse(text);
    } catch (e) {
      error = e;
    }
    expect(syntaxPosition(text, error)).toEqual({ line: 1, column: 7 });
    expect(syntaxPosition('x', new Error('odd'))).toEqual({ line: null, column: null });
  });

  it('accepts a file written by planToJSON and pretty-printed by hand', () => {
    const doc = new Y.Doc();
    seedSamplePlan(doc);
    const result = readPlanFile(bytes(JSON.stringify(planToJSON(doc), null, 2)));
    expect(result.ok).toBe(true);
  });
});

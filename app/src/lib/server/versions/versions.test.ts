import { initPlan } from '@prozesswerkstatt/plan-model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { contributorsBetween } from './activity.js';
import { bindingVersionId, signOffRoleOf, type Decision } from './approvals.js';
import { checkIntegrity, describeState } from './snapshot.js';
import { displayedStatus, parseVersionFields } from './versions.js';

describe('parseVersionFields', () => {
  it('trims and accepts a label with an optional note', () => {
    expect(parseVersionFields({ label: '  März  ', note: '' })).toEqual({
      ok: true,
      value: { label: 'März', note: '' },
    });
  });

  it('names what is wrong', () => {
    expect(parseVersionFields({ label: ' ', note: 'x'.repeat(2001) })).toEqual({
      ok: false,
      errors: { label: 'label_required', note: 'note_too_long' },
    });
    expect(parseVersionFields({ label: 'x'.repeat(121), note: '' })).toMatchObject({
      errors: { label: 'label_too_long' },
    });
  });
});

describe('contributorsBetween', () => {
  const edits = [
    { userName: 'Ada', at: '2026-03-01T10:00:00.000Z' },
    { userName: 'Bo', at: '2026-03-01T10:05:00.000Z' },
    { userName: 'Ada', at: '2026-03-01T10:20:00.000Z' },
    { userName: 'Cem', at: '2026-03-01T11:00:00.000Z' },
  ];

  it('lists each person who edited after the previous version up to this one, once', () => {
    expect(contributorsBetween(edits, null, '2026-03-01T10:10:00.000Z')).toEqual(['Ada', 'Bo']);
    expect(
      contributorsBetween(edits, '2026-03-01T10:05:00.000Z', '2026-03-01T11:00:00.000Z'),
    ).toEqual(['Ada', 'Cem']);
    expect(
      contributorsBetween(edits, '2026-03-01T11:00:00.000Z', '2026-03-02T00:00:00.000Z'),
    ).toEqual([]);
  });
});

describe('approval status', () => {
  const decision = (versionId: string, at: string): Decision => ({
    versionId,
    userName: 'Ada',
    role: 'facilitator',
    decision: 'approved',
    reason: null,
    at,
  });

  it('the version approved last is binding; earlier approved ones show as superseded', () => {
    const decisions = [
      decision('v2', '2026-03-01T10:00:00.000Z'),
      decision('v1', '2026-03-02T10:00:00.000Z'),
      decision('v3', '2026-03-03T10:00:00.000Z'),
    ];
    // v3 is not approved (only one side signed): v1, approved after v2, is binding.
    const binding = bindingVersionId(decisions, new Set(['v1', 'v2']));
    expect(binding).toBe('v1');
    expect(displayedStatus({ id: 'v2', status: 'approved' }, binding)).toBe('superseded');
    expect(displayedStatus({ id: 'v1', status: 'approved' }, binding)).toBe('approved');
    expect(displayedStatus({ id: 'v3', status: 'in_review' }, binding)).toBe('in_review');
  });

  it('facilitators sign for the facilitator, editors for the requesting unit, nobody else', () => {
    expect(signOffRoleOf('facilitator')).toBe('facilitator');
    expect(signOffRoleOf('editor')).toBe('requesting_unit');
    expect(signOffRoleOf('commenter')).toBeNull();
    expect(signOffRoleOf('viewer')).toBeNull();
  });
});

describe('checkIntegrity', () => {
  it('finds a changed hash and a state that does not give the stored JSON', async () => {
    const doc = new Y.Doc();
    initPlan(doc, { title: 'Integrität' });
    const snapshot = await describeState(Y.encodeStateAsUpdate(doc));
    const version = {
      state: snapshot.state,
      canonical_json: snapshot.canonicalJson,
      sha256: snapshot.sha256,
    };
    expect(checkIntegrity(version)).toBe('ok');
    expect(checkIntegrity({ ...version, sha256: '0'.repeat(64) })).toBe('hash_mismatch');
    const other = new Y.Doc();
    initPlan(other, { title: 'Anders' });
    expect(checkIntegrity({ ...version, state: Y.encodeStateAsUpdate(other) })).toBe(
      'state_mismatch',
    );
  });
});

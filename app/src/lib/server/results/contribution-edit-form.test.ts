import type { Contribution } from '@prozesswerkstatt/storage';
import { describe, expect, it } from 'vitest';
import {
  conflictFields,
  editFormValues,
  expectedVersionOf,
  parseContributionEditForm,
} from './contribution-edit-form.js';

const TODAY = '2026-12-07';
const SUBJECTS = new Set(['phase-1']);

const STORED: Contribution = {
  id: 'c1',
  planId: 'p1',
  channel: 'platform',
  sourceSystem: 'mein.berlin',
  sourceRef: '2026-00042',
  sourceUrl: null,
  sourceData: null,
  receivedAt: '2026-11-30T14:05:00.000Z',
  authorKind: 'person',
  pseudonym: 'Nutzerin 42',
  authorName: null,
  authorContact: null,
  contactConsent: false,
  cosignerCount: 12,
  cosigners: ['Lea Muster'],
  subjectId: null,
  title: 'Radweg',
  text: 'Bitte einen Radweg an der Turmstraße.',
  parentId: null,
  clusterId: null,
  receiptCode: 'ABCDEFGHJK',
  state: 'new',
  assigneeUserId: null,
  assigneeDepartment: null,
  dueDate: null,
  version: 3,
  createdBy: null,
  createdAt: '2026-11-30T14:05:00.000Z',
  updatedBy: null,
  updatedAt: '2026-11-30T14:05:00.000Z',
};

function formOf(values: Record<string, string | boolean>, version = '3'): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(values)) {
    if (typeof value === 'boolean') {
      if (value) form.set(name, 'on');
    } else form.set(name, value);
  }
  form.set('version', version);
  return form;
}

describe('parseContributionEditForm', () => {
  it('sends nothing but the version when nothing changed (the time of day stays)', () => {
    const parsed = parseContributionEditForm(
      formOf(editFormValues(STORED)),
      STORED,
      SUBJECTS,
      TODAY,
    );
    expect(parsed).toMatchObject({ ok: true, patch: {}, expectedVersion: 3 });
  });

  it('patches exactly the changed fields, keeping unnamed co-signers counted', () => {
    const values = {
      ...editFormValues(STORED),
      channel: 'letter',
      sourceSystem: 'post',
      sourceRef: 'B-7',
      receivedAt: '2026-12-01',
      contactConsent: true,
      cosigners: 'Lea Muster\nMax Muster',
      subjectId: 'phase-1',
      text: '  Bitte zwei Radwege.  ',
    };
    const parsed = parseContributionEditForm(formOf(values), STORED, SUBJECTS, TODAY);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.patch).toEqual({
      channel: 'letter',
      sourceSystem: 'post',
      sourceRef: 'B-7',
      receivedAt: '2026-12-01',
      contactConsent: true,
      cosigners: ['Lea Muster', 'Max Muster'],
      cosignerCount: 13,
      subjectId: 'phase-1',
      text: 'Bitte zwei Radwege.',
    });
  });

  it('names each bad field, the entry rules and its own', () => {
    const values = {
      ...editFormValues(STORED),
      sourceSystem: ' ',
      sourceRef: 'x'.repeat(501),
      receivedAt: '2999-01-01',
      subjectId: 'not-a-phase',
      text: '',
    };
    const parsed = parseContributionEditForm(formOf(values), STORED, SUBJECTS, TODAY);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(Object.keys(parsed.errors).sort()).toEqual(
      ['receivedAt', 'sourceRef', 'sourceSystem', 'subjectId', 'text'].sort(),
    );
    expect(parsed.values.sourceRef).toHaveLength(501);
  });

  it('refuses a form without a usable version instead of saving blindly', () => {
    for (const version of ['', '0', 'abc', '3.5', '9999999999']) {
      const parsed = parseContributionEditForm(
        formOf(editFormValues(STORED), version),
        STORED,
        SUBJECTS,
        TODAY,
      );
      expect(parsed.ok).toBe(false);
    }
    expect(expectedVersionOf(formOf({}, '12'))).toBe(12);
  });
});

describe('conflictFields', () => {
  it('lists the fields where the submitted values differ from the current row', () => {
    const mine = { ...editFormValues(STORED), title: 'Radweg Turmstraße', pseudonym: 'N 42' };
    const theirs: Contribution = { ...STORED, title: 'Radweg (geprüft)', version: 4 };
    expect(conflictFields(mine, theirs)).toEqual(['pseudonym', 'title']);
  });
});

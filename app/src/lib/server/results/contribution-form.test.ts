import { describe, expect, it } from 'vitest';
import { parseContributionForm } from './contribution-form.js';

const TODAY = '2026-12-07';
const SUBJECTS = new Set(['phase-1', 'format-1']);

function formOf(fields: Record<string, string>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  return form;
}

const LETTER = {
  channel: 'letter',
  receivedAt: '2026-12-01',
  authorKind: 'person',
  pseudonym: 'Anwohnerin Turmstraße',
  authorName: 'Erika Muster',
  authorContact: 'Turmstraße 1\n10559 Berlin',
  contactConsent: 'on',
  cosigners: 'Max Muster\n\n  Lea Muster  \n',
  subjectId: 'format-1',
  title: 'Spielplatz',
  text: '  Bitte mehr Schatten.  ',
};

describe('parseContributionForm', () => {
  it('turns a complete letter into a manual contribution', () => {
    const parsed = parseContributionForm(formOf(LETTER), SUBJECTS, TODAY);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.input).toMatchObject({
      channel: 'letter',
      sourceSystem: 'manual',
      receivedAt: '2026-12-01',
      authorKind: 'person',
      authorName: 'Erika Muster',
      contactConsent: true,
      cosigners: ['Max Muster', 'Lea Muster'],
      subjectId: 'format-1',
    });
  });

  it('treats a missing checkbox as no consent and an empty subject as none', () => {
    const { contactConsent: _consent, ...rest } = LETTER;
    const parsed = parseContributionForm(formOf({ ...rest, subjectId: '' }), SUBJECTS, TODAY);
    expect(parsed.ok && parsed.input.contactConsent).toBe(false);
    expect(parsed.ok && parsed.input.subjectId).toBe(null);
  });

  it('names every bad field, keeps what was typed, and words errors for people', () => {
    const parsed = parseContributionForm(
      formOf({
        ...LETTER,
        channel: 'pigeon',
        authorKind: 'robot',
        receivedAt: '2027-01-01',
        subjectId: 'another-plans-phase',
        title: 'x'.repeat(1001),
        text: '   ',
      }),
      SUBJECTS,
      TODAY,
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(Object.keys(parsed.errors).sort()).toEqual(
      ['authorKind', 'channel', 'receivedAt', 'subjectId', 'text', 'title'].sort(),
    );
    expect(parsed.errors.title).toMatch(/1000/);
    for (const message of Object.values(parsed.errors))
      expect(message).not.toMatch(/zod|invalid_/i);
    expect(parsed.values.authorName).toBe('Erika Muster');
    expect(parsed.values.text).toBe('   ');
  });

  it('refuses a date that is not a calendar date', () => {
    const parsed = parseContributionForm(
      formOf({ ...LETTER, receivedAt: '1.12.2026' }),
      SUBJECTS,
      TODAY,
    );
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(Object.keys(parsed.errors)).toEqual(['receivedAt']);
  });
});

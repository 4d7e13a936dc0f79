import type { ContributionListItem } from '@prozesswerkstatt/storage';
import { describe, expect, it } from 'vitest';
import { EXCERPT_LENGTH, excerptOf, seesPersonalData, toInboxRow } from './inbox-rows.js';

const ITEM = {
  id: 'c1',
  channel: 'letter',
  receivedAt: '2026-12-01T00:00:00.000Z',
  authorKind: 'person',
  pseudonym: 'Anwohnerin',
  authorName: 'Erika Muster',
  authorContact: 'Turmstraße 1',
  contactConsent: true,
  cosignerCount: 2,
  subjectId: null,
  title: 'Spielplatz',
  text: 'Bitte\n\nmehr Schatten. '.repeat(50),
  state: 'new',
  reply: null,
} as unknown as ContributionListItem;

describe('toInboxRow', () => {
  it('gives name and contact to editors and facilitators only', () => {
    expect(toInboxRow(ITEM, 'editor').personal).toEqual({
      name: 'Erika Muster',
      contact: 'Turmstraße 1',
      contactConsent: true,
    });
    expect(toInboxRow(ITEM, 'facilitator').personal?.name).toBe('Erika Muster');
    for (const role of ['viewer', 'commenter'] as const) {
      const row = toInboxRow(ITEM, role);
      expect(row.personal).toBeNull();
      expect(JSON.stringify(row)).not.toContain('Erika');
      expect(JSON.stringify(row)).not.toContain('Turmstraße');
      expect(seesPersonalData(role)).toBe(false);
    }
  });

  it('sends an excerpt, not the whole text', () => {
    const row = toInboxRow(ITEM, 'viewer');
    expect(row.excerpt.length).toBeLessThanOrEqual(EXCERPT_LENGTH);
    expect(row.excerpt.endsWith('…')).toBe(true);
    expect(row.excerpt).not.toContain('\n');
    expect(excerptOf('  kurz  ')).toBe('kurz');
  });
});

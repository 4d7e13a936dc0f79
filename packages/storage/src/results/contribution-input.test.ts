import { describe, expect, it } from 'vitest';
import { newContributionSchema, type NewContribution } from './contribution-input.js';

const letter: NewContribution = {
  channel: 'letter',
  sourceSystem: 'manual',
  receivedAt: '2026-03-02',
  authorKind: 'person',
  text: '  Mehr Bänke am Ufer  ',
};

describe('newContributionSchema', () => {
  it('accepts a minimal row and trims its text', () => {
    const parsed = newContributionSchema.parse(letter);
    expect(parsed.text).toBe('Mehr Bänke am Ufer');
  });

  it('accepts date-times with a zone and refuses them without', () => {
    expect(
      newContributionSchema.safeParse({ ...letter, receivedAt: '2026-03-02T10:00:00+01:00' })
        .success,
    ).toBe(true);
    expect(
      newContributionSchema.safeParse({ ...letter, receivedAt: '2026-03-02T10:00:00' }).success,
    ).toBe(false);
    expect(newContributionSchema.safeParse({ ...letter, receivedAt: '02.03.2026' }).success).toBe(
      false,
    );
  });

  it('names the field of each problem', () => {
    const result = newContributionSchema.safeParse({
      ...letter,
      channel: 'fax',
      text: '   ',
      unknown: 1,
    });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((issue) => issue.path.join('.') || issue.code).sort();
    expect(paths).toEqual(['channel', 'text', 'unrecognized_keys']);
  });

  it('takes an imported answer with a decision from the fixed scale', () => {
    expect(
      newContributionSchema.safeParse({ ...letter, reply: { decision: 'noted', reason: 'x' } })
        .success,
    ).toBe(true);
    expect(
      newContributionSchema.safeParse({ ...letter, reply: { decision: 'accepted' } }).success,
    ).toBe(false);
  });
});

/**
 * Every form field that others see (names, titles, labels, notes, comments) is stored without
 * control characters and bidi overrides (`cleanLine`/`cleanMultiline` from plan-model).
 */
import { describe, expect, it } from 'vitest';
import { normalizeBody } from './comments.js';
import { parsePlanFields } from './plans.js';
import { registrationSchema } from './users.js';
import { versionFieldsSchema } from './versions/versions.js';

const RLO = '\u202E';

describe('cleaning user input', () => {
  it('strips overrides and controls from names, plan titles and version labels', () => {
    const registration = registrationSchema.parse({
      email: 'eve@example.org',
      name: `Eve${RLO}gnp.exe\u0000`,
      password: 'a long enough password',
    });
    expect(registration.name).toBe('Evegnp.exe');

    const plan = parsePlanFields({ title: `Plan${RLO} 1\t`, requestingUnit: `\u2067Amt\u2069` });
    expect(plan).toEqual({ ok: true, value: { title: 'Plan 1', requestingUnit: 'Amt' } });

    const version = versionFieldsSchema.parse({
      label: `Fassung\n2${RLO}`,
      note: `Zeile 1\r\nZeile 2${RLO}\u001B[31m`,
    });
    expect(version).toEqual({ label: 'Fassung 2', note: 'Zeile 1\nZeile 2[31m' });
  });

  it('keeps line breaks in comments but not controls, and refuses a comment of controls only', () => {
    expect(normalizeBody(`Hallo${RLO}\nWelt\u0007`)).toBe('Hallo\nWelt');
    expect(normalizeBody(`${RLO}\u0000`)).toBeNull();
  });

  it('refuses a name that is nothing but controls as missing', () => {
    const result = registrationSchema.safeParse({
      email: 'x@example.org',
      name: `${RLO}\u2066`,
      password: 'a long enough password',
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('name_required');
  });
});

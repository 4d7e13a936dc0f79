import { describe, expect, it } from 'vitest';
import { linkValue, parseReplyForm, replyFormValues } from './reply-form.js';

const TARGETS = {
  links: new Set([linkValue('phase', 'p1'), linkValue('open_question', 'oq-1')]),
  measureIds: new Set(['m1']),
};

function formOf(fields: Record<string, string>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  return form;
}

describe('parseReplyForm', () => {
  it('accepts "adopted" without a reason and splits the link', () => {
    const parsed = parseReplyForm(
      formOf({ decision: 'adopted', response: ' Danke! ', link: 'phase:p1', version: '' }),
      TARGETS,
      true,
    );
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.version).toBeNull();
    expect(parsed.input).toEqual({
      decision: 'adopted',
      reason: '',
      response: 'Danke!',
      linkKind: 'phase',
      linkId: 'p1',
      measureId: null,
      duplicateOfCode: null,
    });
  });

  it('refuses every other decision without a reason, in words for people', () => {
    for (const decision of ['partly_adopted', 'not_adopted', 'noted', 'out_of_scope']) {
      const parsed = parseReplyForm(
        formOf({ decision, reason: '   ', response: 'Nein.', version: '3' }),
        TARGETS,
        true,
      );
      expect(parsed.ok).toBe(false);
      if (parsed.ok) continue;
      expect(Object.keys(parsed.errors)).toEqual(['reason']);
      expect(parsed.errors.reason).toMatch(/Begründung|reason/i);
      expect(parsed.values.response).toBe('Nein.');
    }
    const withReason = parseReplyForm(
      formOf({ decision: 'not_adopted', reason: 'Kein Platz.', version: '3' }),
      TARGETS,
      true,
    );
    expect(withReason.ok && withReason.version).toBe(3);
  });

  it('needs the receipt code of the original for "duplicate of"', () => {
    const missing = parseReplyForm(
      formOf({ decision: 'duplicate_of', reason: 'Wie Nr. 1', duplicateOf: 'abc', version: '' }),
      TARGETS,
      true,
    );
    expect(!missing.ok && Object.keys(missing.errors)).toEqual(['duplicateOf']);
    const given = parseReplyForm(
      formOf({
        decision: 'duplicate_of',
        reason: 'Wie Nr. 1',
        duplicateOf: 'abcde-fghjk',
        version: '',
      }),
      TARGETS,
      true,
    );
    expect(given.ok && given.input.duplicateOfCode).toBe('ABCDEFGHJK');
  });

  it('refuses links and measures the plan does not have, and unknown decisions', () => {
    const parsed = parseReplyForm(
      formOf({
        decision: 'maybe',
        link: 'stakeholder:elsewhere',
        measureId: 'm9',
        version: '1',
      }),
      TARGETS,
      true,
    );
    expect(!parsed.ok && Object.keys(parsed.errors).sort()).toEqual(
      ['decision', 'link', 'measureId'].sort(),
    );
  });

  it('refuses a missing or damaged version where one is needed', () => {
    const cluster = parseReplyForm(formOf({ decision: 'adopted', version: '' }), TARGETS, false);
    expect(!cluster.ok && Object.keys(cluster.errors)).toEqual(['version']);
    const damaged = parseReplyForm(formOf({ decision: 'adopted', version: '1x' }), TARGETS, true);
    expect(damaged.ok).toBe(false);
  });
});

describe('replyFormValues', () => {
  it('fills the form from a stored answer', () => {
    expect(
      replyFormValues(
        {
          decision: 'noted',
          reason: 'Schon geplant',
          response: 'Danke',
          linkKind: 'open_question',
          linkId: 'oq-1',
          measureId: null,
        },
        null,
      ),
    ).toEqual({
      decision: 'noted',
      reason: 'Schon geplant',
      response: 'Danke',
      link: 'open_question:oq-1',
      measureId: '',
      duplicateOf: '',
    });
  });
});

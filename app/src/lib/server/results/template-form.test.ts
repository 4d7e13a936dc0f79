import { describe, expect, it } from 'vitest';
import { parseTemplateForm } from './template-form.js';

function formOf(fields: Record<string, string>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  return form;
}

describe('parseTemplateForm', () => {
  it('takes a label with any of decision, reason and text', () => {
    const parsed = parseTemplateForm(
      formOf({
        label: ' Baumpflanzung ',
        decision: 'noted',
        reason: ' Wird geprüft ',
        response: '',
      }),
    );
    expect(parsed.ok && parsed.input).toEqual({
      label: 'Baumpflanzung',
      decision: 'noted',
      reason: 'Wird geprüft',
      response: '',
    });
    const bare = parseTemplateForm(formOf({ label: 'Dank', decision: '' }));
    expect(bare.ok && bare.input.decision).toBeNull();
  });
  it('refuses an empty label, an overlong one and an unknown decision', () => {
    const empty = parseTemplateForm(formOf({ label: '  ', decision: 'perhaps' }));
    expect(!empty.ok && Object.keys(empty.errors).sort()).toEqual(['decision', 'label']);
    const long = parseTemplateForm(formOf({ label: 'x'.repeat(201) }));
    expect(!long.ok && long.errors.label).toMatch(/200/);
  });
});

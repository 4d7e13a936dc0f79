import { describe, expect, it } from 'vitest';
import { parseAssignForm } from './assign-form.js';

const CONTEXT = {
  memberIds: new Set(['u1']),
  currentState: 'new' as const,
  hasDecision: false,
};

function formOf(fields: Record<string, string>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  return form;
}

describe('parseAssignForm', () => {
  it('assigns a member and a department with a due date', () => {
    const parsed = parseAssignForm(
      formOf({
        assigneeUserId: 'u1',
        assigneeDepartment: ' Straßen- und Grünflächenamt ',
        dueDate: '2026-12-24',
        state: 'in_review',
        version: '4',
      }),
      CONTEXT,
    );
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.version).toBe(4);
    expect(parsed.patch).toEqual({
      assigneeUserId: 'u1',
      assigneeDepartment: 'Straßen- und Grünflächenamt',
      dueDate: '2026-12-24',
      state: 'in_review',
    });
  });

  it('clears what is left empty', () => {
    const parsed = parseAssignForm(formOf({ state: 'new', version: '1' }), CONTEXT);
    expect(parsed.ok && parsed.patch).toEqual({
      assigneeUserId: null,
      assigneeDepartment: null,
      dueDate: null,
      state: 'new',
    });
  });

  it('refuses outsiders, impossible dates and state jumps, naming each field', () => {
    const parsed = parseAssignForm(
      formOf({
        assigneeUserId: 'stranger',
        dueDate: '2026-02-31',
        state: 'answered',
        version: '1',
      }),
      CONTEXT,
    );
    expect(!parsed.ok && Object.keys(parsed.errors).sort()).toEqual(
      ['assigneeUserId', 'dueDate', 'state'].sort(),
    );
    const released = parseAssignForm(formOf({ state: 'published', version: '1' }), {
      ...CONTEXT,
      hasDecision: true,
    });
    expect(!released.ok && released.errors.state).toBeTruthy();
    const noVersion = parseAssignForm(formOf({ state: 'new' }), CONTEXT);
    expect(!noVersion.ok && Object.keys(noVersion.errors)).toEqual(['version']);
  });
});

import { describe, expect, it } from 'vitest';
import { parseClusterForm } from './cluster-form.js';

function formOf(ids: string[], fields: Record<string, string> = {}): FormData {
  const form = new FormData();
  for (const id of ids) form.append('ids', id);
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  return form;
}

describe('parseClusterForm', () => {
  it('groups two or more distinct items under a name', () => {
    expect(parseClusterForm(formOf(['a', 'b', 'a'], { label: ' Bäume ' }), 'create')).toEqual({
      ok: true,
      ids: ['a', 'b'],
      label: 'Bäume',
      clusterId: '',
    });
  });
  it('refuses a cluster of one, in words for people', () => {
    const parsed = parseClusterForm(formOf(['a', 'a']), 'create');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(/zwei|two/i);
  });
  it('adds one item to a chosen cluster, and needs the cluster', () => {
    expect(parseClusterForm(formOf(['a'], { clusterId: 'k1' }), 'add')).toMatchObject({
      ok: true,
      ids: ['a'],
      clusterId: 'k1',
    });
    expect(parseClusterForm(formOf(['a']), 'add').ok).toBe(false);
    expect(parseClusterForm(formOf([], { clusterId: 'k1' }), 'add').ok).toBe(false);
  });
  it('drops ids too long to be ids', () => {
    const parsed = parseClusterForm(formOf(['a', 'x'.repeat(101)]), 'create');
    expect(parsed.ok).toBe(false);
  });
});

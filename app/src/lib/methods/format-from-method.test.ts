import {
  addFormat,
  addPhase,
  getFormat,
  initPlan,
  richTextToPlainText,
} from '@prozesswerkstatt/plan-model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { formatInputFromMethod } from './format-from-method';

const worldCafe = {
  id: 'world-cafe',
  prefill: {
    title: 'World Café',
    method: 'World Café',
    mode: 'offline' as const,
    durationMinutes: 150,
    description: ['Viele reden mit vielen.', 'Dauer: 2–3 Stunden'],
  },
};

describe('formatInputFromMethod', () => {
  it('makes a format linked to the method, prefilled from its entry', () => {
    const doc = new Y.Doc();
    initPlan(doc, { title: 'Plan' });
    const phase = addPhase(doc, { title: 'Auftakt' });
    const id = addFormat(doc, formatInputFromMethod(phase, worldCafe));
    const format = getFormat(doc, id)!;
    expect(format).toMatchObject({
      phaseId: phase,
      title: 'World Café',
      method: 'World Café',
      mode: 'offline',
      durationMinutes: 150,
      methodId: 'world-cafe',
      expectedOutput: '',
    });
    expect(richTextToPlainText(format.description)).toBe(
      'Viele reden mit vielen.\nDauer: 2–3 Stunden',
    );
  });

  it('leaves the duration open for a method that runs for days', () => {
    const input = formatInputFromMethod('p1' as Parameters<typeof formatInputFromMethod>[0], {
      ...worldCafe,
      prefill: { ...worldCafe.prefill, durationMinutes: null },
    });
    expect(input.durationMinutes).toBeNull();
    expect(input.methodId).toBe('world-cafe');
  });
});

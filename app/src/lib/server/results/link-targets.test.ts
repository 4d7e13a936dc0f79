import {
  addFormat,
  addPhase,
  addStakeholder,
  getOverviewText,
  initPlan,
  planToJSON,
  writePlainParagraphs,
} from '@prozesswerkstatt/plan-model';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { linkTargetsOf, openQuestionId } from './link-targets.js';

describe('linkTargetsOf', () => {
  it('lists phases, formats, open questions and stakeholders with their kinds', () => {
    const doc = new Y.Doc();
    initPlan(doc, { title: 'Spielplatz' });
    const phaseId = addPhase(doc, { title: 'Auftakt' });
    const formatId = addFormat(doc, { phaseId, title: 'Werkstatt' });
    const stakeholderId = addStakeholder(doc, { name: 'Kita Sonnenschein' });
    writePlainParagraphs(getOverviewText(doc, 'openQuestions'), [
      'Wer pflegt die Bäume?',
      '',
      'Wer pflegt die Bäume?',
    ]);
    const targets = linkTargetsOf(planToJSON(doc));
    doc.destroy();
    expect(targets).toEqual([
      { value: `phase:${phaseId}`, kind: 'phase', title: 'Auftakt' },
      { value: `format:${formatId}`, kind: 'format', title: 'Werkstatt' },
      {
        value: `open_question:${openQuestionId('Wer pflegt die Bäume?')}`,
        kind: 'open_question',
        title: 'Wer pflegt die Bäume?',
      },
      { value: `stakeholder:${stakeholderId}`, kind: 'stakeholder', title: 'Kita Sonnenschein' },
    ]);
  });
});

describe('openQuestionId', () => {
  it('names a question by its text, the same each time', () => {
    expect(openQuestionId('Wer pflegt die Bäume?')).toBe(openQuestionId('Wer pflegt die Bäume?'));
    expect(openQuestionId('Wer pflegt die Bäume?')).not.toBe(openQuestionId('Wer gießt?'));
    expect(openQuestionId('x')).toMatch(/^q-[0-9a-f]{16}$/);
  });
});

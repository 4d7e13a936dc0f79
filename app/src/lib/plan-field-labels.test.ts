import { readFileSync } from 'node:fs';
import {
  formatJSONSchema,
  metaJSONSchema,
  OVERVIEW_FIELDS,
  phaseJSONSchema,
  resultJSONSchema,
  stakeholderJSONSchema,
} from '@prozesswerkstatt/plan-model';
import { describe, expect, it } from 'vitest';
import { planFieldMessageKey } from './plan-field-key';
import { LABELLED_FIELDS } from './plan-field-labels';

function catalog(language: string): Record<string, string> {
  const url = new URL(`../../messages/${language}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as Record<string, string>;
}

/** Every field a person sees named: the plan's records in their JSON form, minus ids. */
const FIELDS = [
  ...Object.keys(metaJSONSchema.shape),
  ...OVERVIEW_FIELDS,
  ...Object.keys(stakeholderJSONSchema.shape),
  ...Object.keys(phaseJSONSchema.shape).filter((key) => key !== 'formats'),
  ...Object.keys(formatJSONSchema.shape),
  ...Object.keys(resultJSONSchema.shape),
].filter((key) => key !== 'id');

describe('plan field labels', () => {
  it('turns a field key into its snake-case catalog key', () => {
    expect(planFieldMessageKey('expectedOutput')).toBe('plan_field_expected_output');
    expect(planFieldMessageKey('title')).toBe('plan_field_title');
  });

  it.each(['de', 'en'])('names every field of the plan in the %s catalog', (language) => {
    const messages = catalog(language);
    const missing = FIELDS.filter((field) => !messages[planFieldMessageKey(field)]);
    expect(missing).toEqual([]);
  });

  it('has a label function for every field of the plan', () => {
    expect(FIELDS.filter((field) => !LABELLED_FIELDS.includes(field))).toEqual([]);
  });
});

import { FORMAT_MODES, PARTICIPATION_LEVELS } from '@prozesswerkstatt/plan-model';
import { describe, expect, it } from 'vitest';
import {
  changedMethodFields,
  filterMethods,
  formatPrefill,
  methodContentSchema,
  methodFilterParams,
  methodSearchText,
  parseMethodFilter,
  seedMethodSchema,
  type FilterableMethod,
  type Method,
} from './index.js';
import { SEED_METHODS, validSeedMethods } from './seed.js';

const labels = {
  duration: 'Dauer',
  groupSize: (min: number, max: number | null) => `Gruppe ${min}–${max ?? '∞'}`,
  recruitment: 'Gewinnung',
  accessibility: 'Barrierefreiheit',
};

function filterable(method: Method): FilterableMethod & { id: string } {
  return { ...method, searchText: methodSearchText(method) };
}

describe('seed methods', () => {
  it('are at least 30, each complete in German and English', () => {
    expect(SEED_METHODS.length).toBeGreaterThanOrEqual(30);
    for (const method of SEED_METHODS) {
      const parsed = seedMethodSchema.safeParse(method);
      expect(parsed.success, `${method.id}: ${parsed.error?.message ?? ''}`).toBe(true);
    }
    expect(validSeedMethods()).toHaveLength(SEED_METHODS.length);
  });

  it('have unique ids and unique names per language', () => {
    const ids = SEED_METHODS.map((method) => method.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const language of ['de', 'en'] as const) {
      const names = SEED_METHODS.map((method) => method.name[language]);
      expect(new Set(names).size).toBe(names.length);
    }
  });

  it('use every participation level and every mode of the plan', () => {
    expect(new Set(SEED_METHODS.map((m) => m.level))).toEqual(new Set(PARTICIPATION_LEVELS));
    expect(new Set(SEED_METHODS.map((m) => m.mode))).toEqual(new Set(FORMAT_MODES));
  });

  it('say something different in English than in German for their purpose', () => {
    for (const method of SEED_METHODS) {
      expect(method.purpose.en, method.id).not.toBe(method.purpose.de);
    }
  });
});

describe('methodContentSchema', () => {
  const base = SEED_METHODS[0]!;
  const { id: _id, ...content } = base;

  it('names a missing English text', () => {
    const result = methodContentSchema.safeParse({ ...content, limits: { de: 'x', en: ' ' } });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['limits', 'en']);
  });

  it('refuses a group larger at its minimum than at its maximum, and unknown levels', () => {
    expect(
      methodContentSchema.safeParse({ ...content, groupSize: { min: 10, max: 5 } }).error?.issues[0]
        ?.path,
    ).toEqual(['groupSize', 'max']);
    expect(methodContentSchema.safeParse({ ...content, level: 'ermaechtigen' }).success).toBe(
      false,
    );
  });

  it('refuses fields it does not know', () => {
    expect(methodContentSchema.safeParse({ ...content, extra: 1 }).success).toBe(false);
  });
});

describe('filterMethods', () => {
  const all = SEED_METHODS.map(filterable);

  it('finds by words in either language, any case', () => {
    const german = filterMethods(all, { query: 'zufällig AUSGELOSTE' }).map((m) => m.id);
    const english = filterMethods(all, { query: 'randomly selected' }).map((m) => m.id);
    expect(german).toContain('buergerrat');
    expect(english).toContain('buergerrat');
    expect(filterMethods(all, { query: 'café' }).map((m) => m.id)).toContain('world-cafe');
    expect(filterMethods(all, { query: 'xyzzy-nothing' })).toEqual([]);
  });

  it('filters by level and mode exactly', () => {
    const empower = filterMethods(all, { level: 'empower' });
    expect(empower.length).toBeGreaterThan(0);
    expect(empower.every((m) => m.level === 'empower')).toBe(true);
    const online = filterMethods(all, { mode: 'online' });
    expect(online.map((m) => m.id)).toContain('online-dialog');
    expect(online.every((m) => m.mode === 'online')).toBe(true);
  });

  it('keeps methods whose group size fits the number of persons (open maximum included)', () => {
    const three = filterMethods(all, { persons: 3 }).map((m) => m.id);
    expect(three).toContain('mediation');
    expect(three).not.toContain('world-cafe');
    const thousands = filterMethods(all, { persons: 5000 }).map((m) => m.id);
    expect(thousands).toContain('befragung');
    expect(thousands).not.toContain('fokusgruppe');
  });

  it('keeps methods whose duration overlaps the range', () => {
    const short = filterMethods(all, { duration: 'up-to-2-hours' }).map((m) => m.id);
    expect(short).toContain('fishbowl');
    expect(short).not.toContain('planungszelle');
    const long = filterMethods(all, { duration: 'longer' }).map((m) => m.id);
    expect(long).toContain('buergerhaushalt');
    expect(long).not.toContain('fishbowl');
    const days = filterMethods(all, { duration: 'several-days' }).map((m) => m.id);
    expect(days).toContain('planungszelle');
  });

  it('combines every part', () => {
    const result = filterMethods(all, {
      level: 'involve',
      mode: 'offline',
      persons: 20,
      duration: 'up-to-2-hours',
      query: 'Tisch',
    });
    expect(result.map((m) => m.id)).toEqual(['world-cafe']);
  });
});

describe('parseMethodFilter', () => {
  it('reads what it understands and names the rest', () => {
    const parsed = parseMethodFilter(
      new URLSearchParams('q=+café+&level=involve&mode=teleport&persons=abc&duration=one-day'),
    );
    expect(parsed.filter).toEqual({ query: 'café', level: 'involve', duration: 'one-day' });
    expect(parsed.invalid).toEqual(['mode', 'persons']);
  });

  it('ignores empty parameters and round-trips through methodFilterParams', () => {
    const filter = { query: 'x y', level: 'consult', mode: 'hybrid', persons: 12 } as const;
    expect(parseMethodFilter(methodFilterParams(filter))).toEqual({ filter, invalid: [] });
    expect(parseMethodFilter(new URLSearchParams('q=&level=&persons='))).toEqual({
      filter: {},
      invalid: [],
    });
  });

  it('refuses person counts out of range and overlong queries', () => {
    expect(parseMethodFilter(new URLSearchParams('persons=0')).invalid).toEqual(['persons']);
    expect(parseMethodFilter(new URLSearchParams(`q=${'a'.repeat(201)}`)).invalid).toEqual([
      'query',
    ]);
  });
});

describe('changedMethodFields', () => {
  it('names the fields that differ, whatever the key order', () => {
    const { id: _id, ...before } = SEED_METHODS.find((m) => m.id === 'world-cafe')!;
    const after = {
      ...before,
      groupSize: { max: before.groupSize.max, min: before.groupSize.min },
      limits: { ...before.limits, en: 'Changed.' },
      mode: 'hybrid' as const,
    };
    expect(changedMethodFields(before, after)).toEqual(['mode', 'limits']);
  });
});

describe('formatPrefill', () => {
  it('takes the name, mode, a session length and the purpose', () => {
    const method = SEED_METHODS.find((m) => m.id === 'world-cafe')!;
    const prefill = formatPrefill(method, 'en', labels);
    expect(prefill).toMatchObject({
      title: 'World Café',
      method: 'World Café',
      mode: 'offline',
      durationMinutes: 135,
    });
    expect(prefill.description[0]).toBe(method.purpose.en);
    expect(prefill.description[2]).toBe('Gruppe 12–200');
  });

  it('leaves the duration empty for methods of days or more', () => {
    const method = SEED_METHODS.find((m) => m.id === 'planungszelle')!;
    expect(formatPrefill(method, 'de', labels).durationMinutes).toBeNull();
  });
});

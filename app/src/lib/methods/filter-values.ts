import {
  parseMethodFilter,
  type MethodFilter,
  type ParsedMethodFilter,
} from '@prozesswerkstatt/method-library';

/** The filter fields as a form holds them (strings; empty does not filter). */
export interface FilterValues {
  q: string;
  level: string;
  mode: string;
  persons: string;
  duration: string;
}

/** No filter at all. */
export function emptyFilterValues(): FilterValues {
  return { q: '', level: '', mode: '', persons: '', duration: '' };
}

/** The filter the fields describe, read exactly as the server reads the URL. */
export function filterOf(values: FilterValues): ParsedMethodFilter {
  return parseMethodFilter(new URLSearchParams({ ...values }));
}

export type { MethodFilter };

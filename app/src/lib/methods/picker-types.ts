import type {
  FilterableMethod,
  FormatPrefill,
  MethodContent,
} from '@prozesswerkstatt/method-library';

/** One line of the list and of the picker: the key facts in one language. */
export interface MethodSummary extends FilterableMethod {
  id: string;
  name: string;
  purpose: string;
  durationNote: string;
  effort: MethodContent['effort']['scale'];
  cost: MethodContent['cost']['scale'];
}

/** A picker entry (`/methods/picker.json`): the summary plus the format made from it. */
export interface PickerMethod extends MethodSummary {
  prefill: FormatPrefill;
}

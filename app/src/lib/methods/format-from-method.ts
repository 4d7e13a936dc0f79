import type { FormatInput, PhaseId } from '@prozesswerkstatt/plan-model';
import type { PickerMethod } from './picker-types';

/**
 * The `addFormat` input of a format made from a picked method: the picker's prefill (title,
 * method name, mode, duration, description paragraphs, all in the reader's language) and the
 * link to the library entry (`methodId`), so the board can link back to the method later.
 */
export function formatInputFromMethod(
  phaseId: PhaseId,
  method: Pick<PickerMethod, 'id' | 'prefill'>,
): FormatInput {
  const { title, method: methodName, mode, durationMinutes, description } = method.prefill;
  return {
    phaseId,
    title,
    method: methodName,
    mode,
    durationMinutes,
    description,
    methodId: method.id,
  };
}

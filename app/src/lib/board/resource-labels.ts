/**
 * The names of a phase's resources, each message named statically (a lookup by computed key
 * would ship the whole catalog with the board). The same catalog entries name the fields in
 * exports and version diffs (`plan-field-labels.ts`).
 */
import type { PhaseResourceField } from '@prozesswerkstatt/plan-model';
import { m } from '$lib/paraglide/messages.js';

const LABELS: Readonly<Record<PhaseResourceField, () => string>> = {
  staffDays: m.plan_field_staff_days,
  budgetEuros: m.plan_field_budget_euros,
  rooms: m.plan_field_rooms,
  platforms: m.plan_field_platforms,
  translationHours: m.plan_field_translation_hours,
};

/** The label of one resource field. */
export function resourceLabel(field: PhaseResourceField): string {
  return LABELS[field]();
}

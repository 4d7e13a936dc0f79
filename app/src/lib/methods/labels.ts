/**
 * Words of the method library in the user's language. Levels use Berlin's terms (`levelLabel`,
 * see its comment for the source), modes the board's words, so library, picker and board agree.
 */
import type {
  DurationRange,
  DurationUnit,
  EffortScale,
  MethodField,
} from '@prozesswerkstatt/method-library';
import { m } from '$lib/paraglide/messages.js';

export { levelLabel, modeLabel } from '$lib/board/labels';

/** "12–200 Personen", or "ab 50 Personen" for an open group. */
export function groupSizeText(min: number, max: number | null): string {
  return max === null
    ? m.methods_group_size_open({ min: String(min) })
    : m.methods_group_size_range({ min: String(min), max: String(max) });
}

/** Name of a duration range of the filter. */
export function durationRangeLabel(range: DurationRange): string {
  switch (range) {
    case 'up-to-2-hours':
      return m.methods_duration_up_to_2_hours();
    case 'half-day':
      return m.methods_duration_half_day();
    case 'one-day':
      return m.methods_duration_one_day();
    case 'several-days':
      return m.methods_duration_several_days();
    case 'longer':
      return m.methods_duration_longer();
  }
}

/** Name of a duration unit (plural: the form says "from … to … <unit>"). */
export function durationUnitLabel(unit: DurationUnit): string {
  switch (unit) {
    case 'minutes':
      return m.methods_unit_minutes();
    case 'hours':
      return m.methods_unit_hours();
    case 'days':
      return m.methods_unit_days();
    case 'weeks':
      return m.methods_unit_weeks();
    case 'months':
      return m.methods_unit_months();
  }
}

/** "90–180 Minuten", "4 Tage". */
export function durationText(duration: { min: number; max: number; unit: DurationUnit }): string {
  const range =
    duration.min === duration.max ? String(duration.min) : `${duration.min}–${duration.max}`;
  return `${range} ${durationUnitLabel(duration.unit)}`;
}

/** Name of a step of the effort and cost scale. */
export function scaleLabel(scale: EffortScale): string {
  switch (scale) {
    case 'low':
      return m.methods_scale_low();
    case 'medium':
      return m.methods_scale_medium();
    case 'high':
      return m.methods_scale_high();
  }
}

/** Name of a field of a method (form labels, detail headings, the history's "what changed"). */
export function methodFieldLabel(field: MethodField): string {
  switch (field) {
    case 'name':
      return m.methods_field_name();
    case 'purpose':
      return m.methods_field_purpose();
    case 'level':
      return m.methods_field_level();
    case 'mode':
      return m.methods_field_mode();
    case 'groupSize':
      return m.methods_field_group_size();
    case 'duration':
      return m.methods_field_duration();
    case 'effort':
      return m.methods_field_effort();
    case 'cost':
      return m.methods_field_cost();
    case 'recruitment':
      return m.methods_field_recruitment();
    case 'strengths':
      return m.methods_field_strengths();
    case 'limits':
      return m.methods_field_limits();
    case 'accessibility':
      return m.methods_field_accessibility();
  }
}

import {
  filterMethods,
  formatPrefill,
  methodSearchText,
  type MethodFilter,
  type MethodLanguage,
} from '@prozesswerkstatt/method-library';
import { listMethods, type MethodRecord } from '@prozesswerkstatt/storage';
import { error, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { getLocale, localizeHref } from '$lib/paraglide/runtime.js';
import { groupSizeText } from '$lib/methods/labels';
import type { MethodSummary, PickerMethod } from '$lib/methods/picker-types';
import type { Db } from '../db.js';
import type { SessionUser } from '../users.js';

/** The language method texts are shown in: the request's. */
export function methodLanguage(): MethodLanguage {
  return getLocale() === 'en' ? 'en' : 'de';
}

/** The signed-in user (everyone signed in reads the library); else the login. */
export function requireReader(locals: App.Locals): SessionUser {
  if (!locals.user) redirect(303, localizeHref('/login'));
  return locals.user;
}

/** The signed-in facilitator of the network (only they write the library); else 403. */
export function requireMethodEditor(locals: App.Locals): SessionUser {
  const user = requireReader(locals);
  if (!user.isFacilitator) error(403, m.methods_error_facilitator_only());
  return user;
}

/** The summary of a stored method in `language`. */
export function summaryOf(record: MethodRecord, language: MethodLanguage): MethodSummary {
  const { content } = record;
  return {
    id: record.id,
    name: content.name[language],
    purpose: content.purpose[language],
    level: content.level,
    mode: content.mode,
    groupSize: content.groupSize,
    duration: {
      min: content.duration.min,
      max: content.duration.max,
      unit: content.duration.unit,
    },
    durationNote: content.duration.note[language],
    effort: content.effort.scale,
    cost: content.cost.scale,
    searchText: methodSearchText(content),
  };
}

/** Every method's summary in `language`, sorted by its name there. */
export async function listSummaries(db: Db, language: MethodLanguage): Promise<MethodSummary[]> {
  const collator = new Intl.Collator(language);
  return (await listMethods(db))
    .map((record) => summaryOf(record, language))
    .sort((a, b) => collator.compare(a.name, b.name));
}

/** The methods passing `filter`, as summaries in `language`. */
export async function findMethods(
  db: Db,
  filter: MethodFilter,
  language: MethodLanguage,
): Promise<MethodSummary[]> {
  return filterMethods(await listSummaries(db, language), filter);
}

/**
 * Every method's name by id in `language`, for the board's links from a format to its method
 * (a few bytes per method; the board needs them before anyone opens the picker).
 */
export async function methodNames(
  db: Db,
  language: MethodLanguage,
): Promise<Record<string, string>> {
  return Object.fromEntries(
    (await listMethods(db)).map((record) => [record.id, record.content.name[language]]),
  );
}

/** Every method for the board's picker, with its format prefill in `language`. */
export async function pickerMethods(db: Db, language: MethodLanguage): Promise<PickerMethod[]> {
  const collator = new Intl.Collator(language);
  const labels = {
    duration: m.methods_field_duration(),
    groupSize: (min: number, max: number | null) =>
      `${m.methods_field_group_size()}: ${groupSizeText(min, max)}`,
    recruitment: m.methods_field_recruitment(),
    accessibility: m.methods_field_accessibility(),
  };
  return (await listMethods(db))
    .map((record) => ({
      ...summaryOf(record, language),
      prefill: formatPrefill(record.content, language, labels),
    }))
    .sort((a, b) => collator.compare(a.name, b.name));
}

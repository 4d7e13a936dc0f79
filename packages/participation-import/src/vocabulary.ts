/**
 * The words the generic format writes for channels, author kinds and decisions (German and
 * English), and every spelling it reads back: the code itself, both labels and common synonyms.
 * They are part of the file format (docs/formats.md), so they live here, not in the app catalog.
 */
import {
  AUTHOR_KINDS,
  CONTRIBUTION_CHANNELS,
  DECISIONS,
  type AuthorKind,
  type ContributionChannel,
  type Decision,
} from './contribution.js';
import { matchKey } from './values.js';

/** Languages the generic format writes. */
export type FileLanguage = 'de' | 'en';

/** A code's labels and the extra spellings accepted on import. */
interface Words {
  de: string;
  en: string;
  also?: readonly string[];
}

export const CHANNEL_WORDS: Record<ContributionChannel, Words> = {
  platform: { de: 'Online-Plattform', en: 'Online platform', also: ['plattform', 'online'] },
  workshop: { de: 'Workshop', en: 'Workshop', also: ['veranstaltung', 'event', 'karte'] },
  letter: { de: 'Brief', en: 'Letter', also: ['post', 'schreiben', 'fax'] },
  email: { de: 'E-Mail', en: 'E-mail', also: ['mail', 'email'] },
  survey: { de: 'Umfrage', en: 'Survey', also: ['fragebogen', 'befragung'] },
  phone: { de: 'Telefon', en: 'Phone', also: ['anruf', 'telephone'] },
  other: { de: 'Sonstiges', en: 'Other', also: ['andere', 'sonstige'] },
};

export const AUTHOR_KIND_WORDS: Record<AuthorKind, Words> = {
  person: {
    de: 'Person',
    en: 'Person',
    also: ['privatperson', 'bürger', 'bürgerin', 'individual'],
  },
  organisation: {
    de: 'Organisation',
    en: 'Organisation',
    also: ['organization', 'verein', 'verband', 'initiative', 'unternehmen'],
  },
  public_body: {
    de: 'Behörde',
    en: 'Public body',
    also: ['träger öffentlicher belange', 'töb', 'toeb', 'amt', 'öffentliche stelle', 'authority'],
  },
  anonymous: { de: 'anonym', en: 'Anonymous', also: ['unbekannt', 'unknown'] },
};

export const DECISION_WORDS: Record<Decision, Words> = {
  adopted: { de: 'übernommen', en: 'adopted', also: ['berücksichtigt', 'angenommen', 'accepted'] },
  partly_adopted: {
    de: 'teilweise übernommen',
    en: 'partly adopted',
    also: ['teilweise berücksichtigt', 'partially adopted'],
  },
  not_adopted: {
    de: 'nicht übernommen',
    en: 'not adopted',
    also: ['nicht berücksichtigt', 'abgelehnt', 'rejected'],
  },
  noted: { de: 'zur Kenntnis genommen', en: 'noted', also: ['kenntnisnahme'] },
  out_of_scope: {
    de: 'nicht Gegenstand des Verfahrens',
    en: 'out of scope',
    also: ['nicht zuständig', 'out-of-scope'],
  },
  duplicate_of: { de: 'Duplikat', en: 'duplicate', also: ['dublette', 'doppelt'] },
};

function lookup<C extends string>(
  codes: readonly C[],
  words: Record<C, Words>,
): ReadonlyMap<string, C> {
  const map = new Map<string, C>();
  for (const code of codes) {
    const w = words[code];
    for (const spelling of [code, code.replace(/_/g, ' '), w.de, w.en, ...(w.also ?? [])]) {
      map.set(matchKey(spelling), code);
    }
  }
  return map;
}

const CHANNEL_LOOKUP = lookup(CONTRIBUTION_CHANNELS, CHANNEL_WORDS);
const AUTHOR_KIND_LOOKUP = lookup(AUTHOR_KINDS, AUTHOR_KIND_WORDS);
const DECISION_LOOKUP = lookup(DECISIONS, DECISION_WORDS);

/** The channel a cell names, or null. */
export function channelOf(raw: string): ContributionChannel | null {
  return CHANNEL_LOOKUP.get(matchKey(raw)) ?? null;
}

/** The author kind a cell names, or null. */
export function authorKindOf(raw: string): AuthorKind | null {
  return AUTHOR_KIND_LOOKUP.get(matchKey(raw)) ?? null;
}

/** The decision a cell names, or null. */
export function decisionOf(raw: string): Decision | null {
  return DECISION_LOOKUP.get(matchKey(raw)) ?? null;
}

/** The label the generic format writes for a code. */
export function wordFor<C extends string>(
  words: Record<C, Words>,
  code: C,
  language: FileLanguage,
): string {
  return words[code][language];
}

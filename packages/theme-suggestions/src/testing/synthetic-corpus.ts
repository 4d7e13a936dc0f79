/**
 * A deterministic synthetic set of participation contributions for the scale tests and the
 * benchmark (`pnpm bench --scenario theme-suggestions`): German (90 %) and English (10 %) texts
 * on twelve subjects, 15–120 words each, with shared everyday words, stop words, a long tail of
 * rare words (names, typos: invented from syllables so the vocabulary grows as in real input) and
 * about 3 % copies of campaign letters. Every text records the subject it was written from, so a
 * run can measure how well the clusters match (`clusterPurity`).
 */
import type { Language, ThemeSuggestions } from '../types.js';

/** A generated contribution with the subject it was written from (`letter` for copies). */
export interface SyntheticContribution {
  id: string;
  text: string;
  subject: string;
  language: Language;
}

/** Subjects: German words (nouns as written, compounds included) and English words. */
const SUBJECTS = [
  {
    name: 'playground',
    de: 'Spielplatz Spielplätze Schaukel Schaukeln Rutsche Sandkasten Kinder Kinderspielplatz Klettergerüst Spielgeräte Eltern Kita Sand Wippe Spielfläche',
    en: 'playground swings slide sandpit children climbing frame parents nursery sand seesaw',
  },
  {
    name: 'traffic',
    de: 'Verkehr Durchgangsverkehr Autos Tempo Geschwindigkeit Raser Bodenschwellen Ampel Kreuzung Zebrastreifen Verkehrsberuhigung Lkw Stau Hauptstraße Autoverkehr',
    en: 'traffic cars speed speeding bumps lights junction crossing calming lorries congestion',
  },
  {
    name: 'trees',
    de: 'Bäume Baum Straßenbäume Baumscheiben Schatten Pflanzung Baumschutz Grün Begrünung Stadtbäume Wurzeln Gießen Baumkronen Linden Fällung',
    en: 'trees tree shade planting canopy greenery roots watering felling lime',
  },
  {
    name: 'cycling',
    de: 'Radweg Radwege Fahrrad Fahrräder Radverkehr Radfahrer Fahrradstellplätze Radstreifen Lastenrad Fahrradbügel Radschnellweg Radspur Fahrradstraße Pedelec',
    en: 'cycle lane bike bikes cyclists racks cargo bike parking cycling path',
  },
  {
    name: 'parking',
    de: 'Parkplätze Parkplatz Parken Parkhaus Anwohnerparken Parkgebühren Falschparker Stellplätze Parkraum Parkzone Parkausweis Lieferzone Garagen',
    en: 'parking spaces car park residents permit fees wardens bays garages',
  },
  {
    name: 'noise',
    de: 'Lärm Lärmschutz Baulärm Nachtruhe Lärmbelastung Schallschutz Lärmschutzwand Fluglärm Krach Ruhe Dezibel Lautstärke Nachbarn',
    en: 'noise quiet night soundproofing decibels loud neighbours racket',
  },
  {
    name: 'housing',
    de: 'Wohnungen Mieten Miete Neubau Wohnungsbau Sozialwohnungen Mieter Verdrängung Wohnraum Mietpreise Genossenschaft Leerstand Eigentumswohnungen',
    en: 'housing rents rent tenants flats affordable homes landlords vacancy cooperative',
  },
  {
    name: 'waste',
    de: 'Müll Mülleimer Sperrmüll Abfall Sauberkeit Recycling Müllabfuhr Glascontainer Hundekot Verschmutzung Papierkörbe Wertstoffhof',
    en: 'litter bins rubbish waste recycling collection dog fouling dumping cleanliness',
  },
  {
    name: 'transit',
    de: 'Bus Buslinie Haltestelle Straßenbahn Tram Bahnhof Takt Fahrplan Nahverkehr Barrierefreiheit Aufzug Fahrkarten Umsteigen',
    en: 'bus route stop tram station timetable frequency transport lift tickets',
  },
  {
    name: 'sport',
    de: 'Sportplatz Sporthalle Fußball Basketball Bolzplatz Skatepark Laufstrecke Turnhalle Vereine Schwimmbad Fitnessgeräte Tischtennis',
    en: 'sports pitch football basketball skatepark running track gym clubs swimming pool',
  },
  {
    name: 'lighting',
    de: 'Beleuchtung Straßenlaternen Laternen Licht Dunkelheit Angsträume Sicherheit Lampen Unterführung Ausleuchtung Bewegungsmelder',
    en: 'lighting street lamps lights darkness safety underpass lamp posts dark',
  },
  {
    name: 'seating',
    de: 'Bänke Sitzbänke Sitzgelegenheiten Platz Aufenthaltsqualität Brunnen Trinkbrunnen Toiletten Pavillon Picknick Treffpunkt Senioren',
    en: 'benches seating square fountain drinking toilets pavilion picnic meeting place elderly',
  },
];

const GENERAL = {
  de: 'Stadt Bezirk Viertel Kiez Anwohner Bürger Vorschlag Idee Problem Lösung Ecke Weg Park Straße Nähe Jahre Zeit Sommer Winter Abend Morgen Woche Familie Senioren Schule Gefahr Zustand Planung Verwaltung Geld Kosten wichtig dringend besser schlecht gefährlich schön sicher kaputt alt groß klein wünschen fordern vorschlagen brauchen fehlen verbessern bauen ändern prüfen nutzen erneuern Situation Beispiel Ort Gegend Umgebung',
  en: 'city district area neighbourhood residents proposal idea problem solution corner way park street nearby years time summer winter evening morning week family school danger condition planning council money costs important urgent better worse dangerous nice safe broken old big small want suggest improve build change check use renew example place',
};

const FILLER = {
  de: 'der die das und ist in zu den mit von für auf nicht es sich ein eine auch wir sind sehr mehr bitte dass wird werden hier dort schon immer noch nur wenn aber oder weil unsere unser man gibt',
  en: 'the and is in to of for on not it we are very more please that will be here there already still only if but or because our there is',
};

const SYLLABLES =
  'ka ro mi le sa tu ber gen hof stein bach feld dorf mann rich wal ter ling see au burg heim bro ko ne vi'.split(
    ' ',
  );

/** Deterministic PRNG (mulberry32): the same seed gives the same numbers in [0, 1). */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` contributions, the same for the same `count` and `seed`. */
export function syntheticContributions(count: number, seed = 7): SyntheticContribution[] {
  const random = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  // Zipf-like: earlier words of a list are chosen more often.
  const pickZipf = (list: readonly string[]): string =>
    list[Math.min(list.length - 1, Math.floor(list.length * random() * random()))]!;
  const split = (words: string): string[] => words.split(' ');
  const subjects = SUBJECTS.map((s) => ({ name: s.name, de: split(s.de), en: split(s.en) }));
  const general = { de: split(GENERAL.de), en: split(GENERAL.en) };
  const filler = { de: split(FILLER.de), en: split(FILLER.en) };
  const rareWord = () => {
    const n = 2 + Math.floor(random() * 3);
    let word = '';
    for (let i = 0; i < n; i += 1) word += pick(SYLLABLES);
    return random() < 0.5 ? word.charAt(0).toUpperCase() + word.slice(1) : word;
  };
  const out: SyntheticContribution[] = [];
  const letters: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const id = `c${String(i).padStart(6, '0')}`;
    // Campaign letters: a few texts copied with small changes.
    if (letters.length > 0 && random() < 0.03) {
      const letter = pick(letters);
      const text =
        random() < 0.5 ? `${letter} Mit freundlichen Grüßen` : letter.replace(/\.$/, '!');
      out.push({ id, text, subject: 'letter', language: 'de' });
      continue;
    }
    const language: Language = random() < 0.1 ? 'en' : 'de';
    const subject = pick(subjects);
    const length = 15 + Math.floor(105 * random() * random());
    const words: string[] = [];
    for (let w = 0; w < length; w += 1) {
      const roll = random();
      if (roll < 0.4) words.push(pick(filler[language]));
      else if (roll < 0.65) words.push(pickZipf(subject[language]));
      else if (roll < 0.9) words.push(pickZipf(general[language]));
      else if (roll < 0.93) words.push(pickZipf(pick(subjects)[language]));
      else words.push(rareWord());
    }
    const text = `${words.join(' ')}.`;
    if (language === 'de' && random() < 0.02) letters.push(text);
    out.push({ id, text, subject: subject.name, language });
  }
  return out;
}

/**
 * Share of clustered contributions whose cluster's most common subject is their own (1 = every
 * cluster holds one subject). Copies of campaign letters count under the subject `letter`.
 */
export function clusterPurity(
  suggestions: ThemeSuggestions,
  contributions: readonly SyntheticContribution[],
): { clustered: number; purity: number } {
  const subjectOf = new Map(contributions.map((item) => [item.id, item.subject]));
  let clustered = 0;
  let agreeing = 0;
  for (const cluster of suggestions.clusters) {
    const counts = new Map<string, number>();
    for (const member of cluster.members) {
      const subject = subjectOf.get(member.contributionId) ?? '?';
      counts.set(subject, (counts.get(subject) ?? 0) + 1);
    }
    clustered += cluster.members.length;
    agreeing += Math.max(...counts.values());
  }
  return { clustered, purity: clustered === 0 ? 0 : agreeing / clustered };
}

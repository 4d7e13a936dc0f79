import type { Method } from '../schema.js';

/** Konsensuskonferenz (Consensus conference). */
const method: Method = {
  id: 'konsensuskonferenz',
  name: {
    de: 'Konsensuskonferenz',
    en: 'Consensus conference',
  },
  purpose: {
    de: 'Eine kleine Gruppe interessierter Laien bereitet sich an Wochenenden auf ein umstrittenes, oft technisches Thema vor, befragt in einer öffentlichen Anhörung Fachleute und schreibt eine gemeinsame Stellungnahme (dänisches Modell).',
    en: 'A small group of interested lay people prepares over weekends for a contested, often technical topic, questions experts at a public hearing and writes a joint statement (Danish model).',
  },
  level: 'collaborate',
  mode: 'offline',
  groupSize: {
    min: 10,
    max: 20,
  },
  duration: {
    min: 3,
    max: 4,
    unit: 'days',
    note: {
      de: 'Zwei Vorbereitungswochenenden und eine drei- bis viertägige Konferenz.',
      en: 'Two preparation weekends and a three- to four-day conference.',
    },
  },
  effort: {
    scale: 'high',
    text: {
      de: 'Auswahl, Fachleute, Anhörung organisieren, Redaktion der Stellungnahme.',
      en: 'Selection, experts, organising the hearing, editing the statement.',
    },
  },
  cost: {
    scale: 'high',
    text: {
      de: 'Moderation, Fachleute, Öffentlichkeitsarbeit, Entschädigung; hoch.',
      en: 'Facilitation, experts, publicity, compensation; high.',
    },
  },
  recruitment: {
    de: 'Bewerbung auf Ausschreibung, Auswahl nach Vielfalt.',
    en: 'Application after a public call, selection for diversity.',
  },
  strengths: {
    de: 'Fundierte Laienperspektive auf komplexe Themen; öffentliche Debatte wird angestoßen.',
    en: 'Well-founded lay perspective on complex topics; triggers public debate.',
  },
  limits: {
    de: 'Sehr kleine Gruppe; Selbstauswahl über Bewerbung; aufwendig.',
    en: 'Very small group; self-selection through applications; demanding.',
  },
  accessibility: {
    de: 'Unterlagen in einfacher Sprache, Assistenz, Entschädigung, Anhörung mit Gebärdensprache und Untertiteln.',
    en: 'Plain-language materials, assistance, compensation, hearing with sign language and captions.',
  },
};

export default method;

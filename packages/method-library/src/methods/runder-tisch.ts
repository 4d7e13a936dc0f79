import type { Method } from '../schema.js';

/** Runder Tisch (Round table). */
const method: Method = {
  id: 'runder-tisch',
  name: {
    de: 'Runder Tisch',
    en: 'Round table',
  },
  purpose: {
    de: 'Vertreterinnen und Vertreter aller betroffenen Interessen treffen sich regelmäßig auf Augenhöhe, um ein strittiges Thema gemeinsam zu bearbeiten und tragfähige Vereinbarungen zu treffen.',
    en: 'Representatives of all interests concerned meet regularly as equals to work through a contested issue together and reach workable agreements.',
  },
  level: 'collaborate',
  mode: 'offline',
  groupSize: {
    min: 6,
    max: 25,
  },
  duration: {
    min: 3,
    max: 12,
    unit: 'months',
    note: {
      de: 'Mehrere Sitzungen von zwei bis drei Stunden über drei bis zwölf Monate.',
      en: 'Several two- to three-hour sessions over three to twelve months.',
    },
  },
  effort: {
    scale: 'medium',
    text: {
      de: 'Neutrale Moderation, Geschäftsordnung, Protokolle, Abstimmung zwischen den Sitzungen.',
      en: 'Neutral facilitation, rules of procedure, minutes, coordination between sessions.',
    },
  },
  cost: {
    scale: 'low',
    text: {
      de: 'Moderation und Raum; überschaubar.',
      en: 'Facilitation and venue; moderate.',
    },
  },
  recruitment: {
    de: 'Die betroffenen Gruppen benennen ihre Vertretungen; auf Ausgewogenheit und unorganisierte Interessen achten.',
    en: 'Groups concerned name their representatives; ensure balance and include unorganised interests.',
  },
  strengths: {
    de: 'Schafft Vertrauen und Verbindlichkeit; Konflikte werden ausgehandelt statt ausgetragen.',
    en: 'Builds trust and commitment; conflicts are negotiated rather than fought out.',
  },
  limits: {
    de: 'Nur organisierte Interessen am Tisch; langwierig; Ergebnisse binden nur die Beteiligten.',
    en: 'Only organised interests at the table; lengthy; results bind only those involved.',
  },
  accessibility: {
    de: 'Sitzungszeiten auch für Ehrenamtliche, Unterlagen rechtzeitig und barrierefrei, Assistenz und Dolmetschung.',
    en: 'Meeting times that suit volunteers, documents on time and accessible, assistance and interpreting.',
  },
};

export default method;

import type { Method } from '../schema.js';

/** Charrette / Planungswerkstatt (Charrette / design workshop). */
const method: Method = {
  id: 'charrette',
  name: {
    de: 'Charrette / Planungswerkstatt',
    en: 'Charrette / design workshop',
  },
  purpose: {
    de: 'Planerinnen und Planer entwerfen über mehrere Tage vor Ort, während Anwohnende, Verwaltung und Eigentümer in offenen Runden Rückmeldung geben. Entwürfe werden in kurzen Schleifen überarbeitet, bis ein gemeinsam getragener Plan steht.',
    en: 'Planners design on site over several days while residents, administration and owners give feedback in open sessions. Drafts are revised in short loops until there is a jointly supported plan.',
  },
  level: 'collaborate',
  mode: 'offline',
  groupSize: {
    min: 20,
    max: 200,
  },
  duration: {
    min: 2,
    max: 5,
    unit: 'days',
    note: {
      de: 'Zwei bis fünf Tage am Stück, mit öffentlichen Zwischenpräsentationen.',
      en: 'Two to five consecutive days, with public interim presentations.',
    },
  },
  effort: {
    scale: 'high',
    text: {
      de: 'Planungsteam vor Ort, Studio-Raum, mehrere öffentliche Termine, intensive Vorbereitung der Grundlagen.',
      en: 'A planning team on site, a studio space, several public sessions, intensive preparation of the basics.',
    },
  },
  cost: {
    scale: 'high',
    text: {
      de: 'Planungsbüros, Studio, Öffentlichkeitsarbeit; hoch.',
      en: 'Planning firms, studio, publicity; high.',
    },
  },
  recruitment: {
    de: 'Offene Einladung zu den öffentlichen Terminen; gezielte Einbindung der Schlüsselakteure.',
    en: 'Open invitation to public sessions; key stakeholders involved specifically.',
  },
  strengths: {
    de: 'Schnelle, sichtbare Ergebnisse; Rückkopplung in Echtzeit; Plan und Beteiligung verschmelzen.',
    en: 'Quick, visible results; real-time feedback; planning and participation merge.',
  },
  limits: {
    de: 'Teuer und intensiv; wer an den Tagen nicht kann, ist außen vor; Vorentscheidungen müssen offen liegen.',
    en: 'Expensive and intensive; those unavailable on those days are left out; prior decisions must be disclosed.',
  },
  accessibility: {
    de: 'Studio barrierefrei und offen zugänglich, Entwürfe erklärt statt nur gezeigt, Termine zu verschiedenen Tageszeiten.',
    en: 'Studio accessible and open, drafts explained rather than just shown, sessions at different times of day.',
  },
};

export default method;

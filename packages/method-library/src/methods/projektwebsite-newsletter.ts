import type { Method } from '../schema.js';

/** Projektwebsite und Newsletter (Project website and newsletter). */
const method: Method = {
  id: 'projektwebsite-newsletter',
  name: {
    de: 'Projektwebsite und Newsletter',
    en: 'Project website and newsletter',
  },
  purpose: {
    de: 'Eine Website (z. B. auf mein.berlin) und ein Newsletter begleiten das ganze Verfahren: Stand, Termine, Dokumente, Ergebnisse und wie mit ihnen umgegangen wurde.',
    en: 'A website (for example on mein.berlin) and a newsletter accompany the whole process: status, dates, documents, results and how they were handled.',
  },
  level: 'inform',
  mode: 'online',
  groupSize: {
    min: 1,
    max: null,
  },
  duration: {
    min: 3,
    max: 12,
    unit: 'months',
    note: {
      de: 'Läuft über die gesamte Verfahrensdauer, meist mehrere Monate.',
      en: 'Runs for the whole process, usually several months.',
    },
  },
  effort: {
    scale: 'medium',
    text: {
      de: 'Redaktion über die ganze Laufzeit, regelmäßige Aktualisierung.',
      en: 'Editing for the whole duration, regular updates.',
    },
  },
  cost: {
    scale: 'low',
    text: {
      de: 'Gering, wenn eine vorhandene Plattform genutzt wird; Redaktionszeit.',
      en: 'Low when an existing platform is used; editorial time.',
    },
  },
  recruitment: {
    de: 'Anmeldung zum Newsletter bei allen Veranstaltungen anbieten; Verweise in Presse und Aushängen.',
    en: 'Offer newsletter sign-up at every event; refer to it in press and posters.',
  },
  strengths: {
    de: 'Macht das Verfahren nachvollziehbar; Rückmeldung an Teilnehmende wird einfach; jederzeit abrufbar.',
    en: 'Makes the process traceable; feedback to participants becomes easy; available any time.',
  },
  limits: {
    de: 'Erreicht vor allem Menschen, die ohnehin interessiert und online sind; veraltet schnell ohne Pflege.',
    en: 'Reaches mostly people who are already interested and online; goes stale without upkeep.',
  },
  accessibility: {
    de: 'Barrierefreiheit nach BITV 2.0, Leichte Sprache, mehrsprachige Zusammenfassungen, gedruckte Fassung auf Anfrage.',
    en: 'Accessible to BITV 2.0 (WCAG), plain-language pages, multilingual summaries, printed copy on request.',
  },
};

export default method;

import type { Method } from '../schema.js';

/** Informationsveranstaltung (Public information event). */
const method: Method = {
  id: 'informationsveranstaltung',
  name: {
    de: 'Informationsveranstaltung',
    en: 'Public information event',
  },
  purpose: {
    de: 'Die Verwaltung stellt ein Vorhaben, seinen Stand und die nächsten Schritte vor und beantwortet Fragen. Sie schafft einen gemeinsamen Wissensstand, bevor konsultiert oder mitgestaltet wird, und macht sichtbar, was schon feststeht und was noch offen ist.',
    en: 'The administration presents a project, its status and the next steps and answers questions. It creates a shared level of knowledge before consultation or co-design and makes visible what is already fixed and what is still open.',
  },
  level: 'inform',
  mode: 'offline',
  groupSize: {
    min: 20,
    max: 300,
  },
  duration: {
    min: 90,
    max: 150,
    unit: 'minutes',
    note: {
      de: 'Ein Abend mit Vortrag und Fragerunde, 1,5 bis 2,5 Stunden.',
      en: 'One evening with presentation and questions, 1.5 to 2.5 hours.',
    },
  },
  effort: {
    scale: 'low',
    text: {
      de: 'Vorbereitung von Präsentation, Raum und Einladung; eine Moderation und Fachleute für Antworten.',
      en: 'Preparing slides, venue and invitation; one facilitator and experts to answer questions.',
    },
  },
  cost: {
    scale: 'low',
    text: {
      de: 'Raummiete, Technik, ggf. Gebärdensprach- und Schriftdolmetschung.',
      en: 'Venue, technology, possibly sign language and captioning.',
    },
  },
  recruitment: {
    de: 'Offene Einladung über Presse, Aushänge, Bezirkswebsite, Newsletter und Multiplikatorinnen und Multiplikatoren im Kiez.',
    en: 'Open invitation through press, posters, the district website, newsletters and multipliers in the neighbourhood.',
  },
  strengths: {
    de: 'Erreicht viele Menschen mit wenig Aufwand; schafft Transparenz und Vertrauen; Fragen zeigen früh, was die Menschen bewegt.',
    en: 'Reaches many people with little effort; creates transparency and trust; questions show early what concerns people.',
  },
  limits: {
    de: 'Wenig Einfluss für die Teilnehmenden; laute Stimmen dominieren die Fragerunde; ersetzt keine Beteiligung.',
    en: 'Little influence for participants; loud voices dominate the questions; no substitute for participation.',
  },
  accessibility: {
    de: 'Barrierefreier Raum mit Induktionsschleife, Präsentation in Leichter Sprache, Dolmetschung nach Bedarf, Aufzeichnung oder Zusammenfassung für alle, die nicht kommen können.',
    en: 'Step-free venue with hearing loop, slides in plain language, interpreting on request, recording or summary for everyone who cannot attend.',
  },
};

export default method;

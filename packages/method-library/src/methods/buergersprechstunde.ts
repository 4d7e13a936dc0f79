import type { Method } from '../schema.js';

/** Bürgersprechstunde (Citizens' drop-in hours). */
const method: Method = {
  id: 'buergersprechstunde',
  name: {
    de: 'Bürgersprechstunde',
    en: "Citizens' drop-in hours",
  },
  purpose: {
    de: 'Zu festen Zeiten stehen Verantwortliche für Einzelgespräche zur Verfügung, vor Ort, am Telefon oder per Video. Menschen bringen Fragen, Sorgen und Hinweise vor, die sie in großen Runden nicht äußern würden.',
    en: 'At fixed times the people in charge are available for one-to-one conversations, on site, by phone or by video. People raise questions, concerns and suggestions they would not voice in large meetings.',
  },
  level: 'consult',
  mode: 'hybrid',
  groupSize: {
    min: 1,
    max: 6,
  },
  duration: {
    min: 1,
    max: 3,
    unit: 'hours',
    note: {
      de: 'Regelmäßige Termine von ein bis drei Stunden über die Laufzeit des Verfahrens.',
      en: 'Regular slots of one to three hours throughout the process.',
    },
  },
  effort: {
    scale: 'low',
    text: {
      de: 'Fachkundige Person zu festen Zeiten; Hinweise dokumentieren.',
      en: 'A knowledgeable person at fixed times; documenting comments.',
    },
  },
  cost: {
    scale: 'low',
    text: {
      de: 'Personalzeit, ein Raum oder Telefon.',
      en: 'Staff time, a room or a phone.',
    },
  },
  recruitment: {
    de: 'Termine bekannt machen (Website, Aushang, Newsletter), Anmeldung optional.',
    en: 'Publicise the dates (website, notice, newsletter), booking optional.',
  },
  strengths: {
    de: 'Vertraulich und persönlich; erreicht Betroffene mit besonderen Anliegen; schafft Vertrauen.',
    en: 'Confidential and personal; reaches affected people with particular concerns; builds trust.',
  },
  limits: {
    de: 'Kein Austausch unter Teilnehmenden; Zeitaufwand pro Person hoch; Hinweise müssen sorgfältig zusammengeführt werden.',
    en: 'No exchange between participants; time per person is high; comments must be merged carefully.',
  },
  accessibility: {
    de: 'Barrierefreier Raum, Termine auch abends, Dolmetschung nach Anmeldung, Telefon- und Videokanal.',
    en: 'Accessible room, evening slots too, interpreting on request, phone and video channels.',
  },
};

export default method;

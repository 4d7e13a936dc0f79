import type { Method } from '../schema.js';

/** Szenario-Workshop (Scenario workshop). */
const method: Method = {
  id: 'szenario-workshop',
  name: {
    de: 'Szenario-Workshop',
    en: 'Scenario workshop',
  },
  purpose: {
    de: 'Teilnehmende aus verschiedenen Gruppen entwickeln und bewerten alternative Zukunftsbilder, etwa für Mobilität im Quartier, und leiten daraus Handlungsempfehlungen ab. Szenarien machen Unsicherheiten und Zielkonflikte greifbar.',
    en: 'Participants from different groups develop and assess alternative pictures of the future, for example for mobility in a neighbourhood, and derive recommendations. Scenarios make uncertainty and trade-offs tangible.',
  },
  level: 'involve',
  mode: 'offline',
  groupSize: {
    min: 15,
    max: 40,
  },
  duration: {
    min: 1,
    max: 2,
    unit: 'days',
    note: {
      de: 'Ein bis zwei Tage, mit Vorbereitung der Szenarien vorab.',
      en: 'One to two days, with scenarios prepared beforehand.',
    },
  },
  effort: {
    scale: 'high',
    text: {
      de: 'Szenarien fachlich vorbereiten, Moderation mehrerer Gruppen, Auswertung.',
      en: 'Preparing scenarios with experts, facilitating several groups, analysis.',
    },
  },
  cost: {
    scale: 'medium',
    text: {
      de: 'Fachliche Erstellung der Szenarien, Moderation, Raum, Verpflegung.',
      en: 'Expert work on scenarios, facilitation, venue, catering.',
    },
  },
  recruitment: {
    de: 'Gezielt gemischte Gruppen: Anwohnende, Fachleute, Politik, Wirtschaft.',
    en: 'Deliberately mixed groups: residents, experts, politics, business.',
  },
  strengths: {
    de: 'Denkt über den Tag hinaus; macht Zielkonflikte sichtbar; verbindet Fach- und Alltagswissen.',
    en: 'Thinks beyond today; makes trade-offs visible; combines expert and everyday knowledge.',
  },
  limits: {
    de: 'Anspruchsvoll für Teilnehmende; Qualität hängt an den Szenarien; wenig geeignet für konkrete Detailfragen.',
    en: 'Demanding for participants; quality depends on the scenarios; less suited to concrete detail.',
  },
  accessibility: {
    de: 'Szenarien bebildert und in einfacher Sprache, Arbeit in kleinen Gruppen, barrierefreie Unterlagen vorab.',
    en: 'Scenarios illustrated and in plain language, work in small groups, accessible documents in advance.',
  },
};

export default method;

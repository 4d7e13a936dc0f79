import type { Method } from '../schema.js';

/** Planungszelle / Bürgergutachten (Planning cell / citizens' report). */
const method: Method = {
  id: 'planungszelle',
  name: {
    de: 'Planungszelle / Bürgergutachten',
    en: "Planning cell / citizens' report",
  },
  purpose: {
    de: 'Nach Peter Dienel arbeiten jeweils 25 zufällig ausgewählte Menschen vier Tage lang, bezahlt und freigestellt, in wechselnden Kleingruppen an einer Planungsaufgabe. Mehrere Planungszellen zum selben Thema münden in ein Bürgergutachten mit Empfehlungen.',
    en: "After Peter Dienel, groups of 25 randomly selected people work for four days, paid and released from work, in changing small groups on a planning task. Several cells on the same topic result in a citizens' report with recommendations.",
  },
  level: 'collaborate',
  mode: 'offline',
  groupSize: {
    min: 25,
    max: 25,
  },
  duration: {
    min: 4,
    max: 4,
    unit: 'days',
    note: {
      de: 'Vier Tage je Planungszelle; mehrere Zellen parallel oder nacheinander.',
      en: 'Four days per cell; several cells in parallel or in sequence.',
    },
  },
  effort: {
    scale: 'high',
    text: {
      de: 'Zufallsauswahl, Programm mit Fachinputs, je zwei Prozessbegleitende, Gutachten schreiben.',
      en: 'Random selection, a programme with expert input, two process facilitators per cell, writing the report.',
    },
  },
  cost: {
    scale: 'high',
    text: {
      de: 'Vergütung der Teilnehmenden, Organisation, Begleitung; hoch.',
      en: 'Payment for participants, organisation, facilitation; high.',
    },
  },
  recruitment: {
    de: 'Zufallsstichprobe aus dem Melderegister; Vergütung und Freistellung ermöglichen die Teilnahme aller.',
    en: 'Random sample from the population register; payment and leave make it possible for anyone to take part.',
  },
  strengths: {
    de: 'Gemeinwohlorientierte, fundierte Empfehlungen; Laien als Gutachterinnen und Gutachter; erprobt seit den 1970er Jahren.',
    en: 'Public-interest, well-founded recommendations; lay people as assessors; tried since the 1970s.',
  },
  limits: {
    de: 'Hoher Aufwand und lange Vorlaufzeit; Ergebnisse rechtlich unverbindlich.',
    en: 'High effort and long lead time; results not legally binding.',
  },
  accessibility: {
    de: 'Vergütung, Kinderbetreuung, barrierefreie Orte, Unterlagen in einfacher Sprache, Assistenz nach Bedarf.',
    en: 'Payment, childcare, accessible venues, plain-language materials, assistance as needed.',
  },
};

export default method;

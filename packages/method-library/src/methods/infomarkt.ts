import type { Method } from '../schema.js';

/** Infomarkt / Ausstellung (Information market / exhibition). */
const method: Method = {
  id: 'infomarkt',
  name: {
    de: 'Infomarkt / Ausstellung',
    en: 'Information market / exhibition',
  },
  purpose: {
    de: 'An Stationen mit Plänen, Modellen und Fachleuten informieren sich Menschen in ihrem Tempo und kommen ins Gespräch. Hinweise werden auf Karten oder Post-its gesammelt und fließen in die weitere Planung ein.',
    en: 'At stations with plans, models and experts people inform themselves at their own pace and start conversations. Comments are collected on cards or sticky notes and feed into further planning.',
  },
  level: 'inform',
  mode: 'offline',
  groupSize: {
    min: 30,
    max: 500,
  },
  duration: {
    min: 2,
    max: 4,
    unit: 'hours',
    note: {
      de: 'Ein Nachmittag oder eine Ausstellung über mehrere Tage mit festen Sprechzeiten.',
      en: 'One afternoon, or an exhibition over several days with fixed opening hours.',
    },
  },
  effort: {
    scale: 'medium',
    text: {
      de: 'Mehrere Stationen mit Material und Personal; Auf- und Abbau.',
      en: 'Several stations with material and staff; setting up and taking down.',
    },
  },
  cost: {
    scale: 'medium',
    text: {
      de: 'Druck von Plakaten, Modelle, Raum; Personal an allen Stationen.',
      en: 'Printing posters, models, venue; staff at every station.',
    },
  },
  recruitment: {
    de: 'Offene Einladung; gut an belebten Orten (Einkaufsstraße, Bibliothek, Stadtteilfest).',
    en: 'Open invitation; works well in busy places (high street, library, street festival).',
  },
  strengths: {
    de: 'Niedrigschwellig, kein fester Beginn; Einzelgespräche statt Podium; auch Menschen, die nicht vor Publikum sprechen, bringen sich ein.',
    en: 'Low threshold, no fixed start; one-to-one conversations instead of a podium; people who do not speak in public take part too.',
  },
  limits: {
    de: 'Hinweise sind schwer zu gewichten; wer nur kurz schaut, bleibt oberflächlich informiert.',
    en: 'Comments are hard to weigh; people who only glance remain superficially informed.',
  },
  accessibility: {
    de: 'Tafeln in Sitz- und Stehhöhe, große Schrift und Kontraste, tastbare Modelle, Texte in mehreren Sprachen, Sitzgelegenheiten.',
    en: 'Boards at sitting and standing height, large print and contrast, tactile models, texts in several languages, places to sit.',
  },
};

export default method;

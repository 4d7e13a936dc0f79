import type { Method } from '../schema.js';

/** Bürgerhaushalt (Participatory budget). */
const method: Method = {
  id: 'buergerhaushalt',
  name: {
    de: 'Bürgerhaushalt',
    en: 'Participatory budget',
  },
  purpose: {
    de: 'Einwohnerinnen und Einwohner schlagen vor, wofür ein Teil des Bezirkshaushalts verwendet wird, diskutieren die Vorschläge und stimmen über sie ab. Die Verwaltung prüft die Machbarkeit und setzt die ausgewählten Vorschläge um oder begründet, warum nicht.',
    en: 'Residents propose how part of the district budget is spent, discuss the proposals and vote on them. The administration checks feasibility and carries out the selected proposals or explains why not.',
  },
  level: 'empower',
  mode: 'hybrid',
  groupSize: {
    min: 100,
    max: null,
  },
  duration: {
    min: 3,
    max: 9,
    unit: 'months',
    note: {
      de: 'Ein Zyklus von drei bis neun Monaten, meist jährlich wiederholt.',
      en: 'One cycle of three to nine months, usually repeated every year.',
    },
  },
  effort: {
    scale: 'high',
    text: {
      de: 'Plattform, Veranstaltungen, Prüfung aller Vorschläge durch die Fachämter, Rechenschaft über die Umsetzung.',
      en: 'Platform, events, departments reviewing every proposal, reporting on implementation.',
    },
  },
  cost: {
    scale: 'medium',
    text: {
      de: 'Das Budget selbst plus Organisation, Plattform und Öffentlichkeitsarbeit.',
      en: 'The budget itself plus organisation, platform and publicity.',
    },
  },
  recruitment: {
    de: 'Offen für alle Einwohnerinnen und Einwohner, auch ohne Wahlrecht und ab einem Mindestalter; aufsuchende Werbung.',
    en: 'Open to all residents, including those without voting rights, from a minimum age; outreach promotion.',
  },
  strengths: {
    de: 'Echte Entscheidungsmacht; macht Haushalt verständlich; Ergebnisse sichtbar im Stadtteil.',
    en: 'Real decision power; makes the budget understandable; results visible in the neighbourhood.',
  },
  limits: {
    de: 'Beteiligung oft sozial ungleich; kleine Budgets enttäuschen; Prüfungsaufwand in den Fachämtern hoch.',
    en: 'Participation often socially unequal; small budgets disappoint; high review workload for departments.',
  },
  accessibility: {
    de: 'Abstimmung online und auf Papier, Vorschläge auch mündlich aufnehmen, mehrsprachig, Abstimmungsorte barrierefrei.',
    en: 'Voting online and on paper, proposals taken orally as well, multilingual, accessible polling places.',
  },
};

export default method;

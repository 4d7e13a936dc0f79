import type { Method } from '../schema.js';

/** Mediation (Mediation). */
const method: Method = {
  id: 'mediation',
  name: {
    de: 'Mediation',
    en: 'Mediation',
  },
  purpose: {
    de: 'In einem Konflikt, etwa um ein Bauvorhaben, suchen die Parteien mit einer allparteilichen Mediatorin oder einem Mediator eine einvernehmliche Lösung. Interessen statt Positionen stehen im Mittelpunkt; die Vereinbarung wird schriftlich festgehalten.',
    en: 'In a conflict, for example over a building project, the parties seek an agreed solution with an impartial mediator. Interests rather than positions are at the centre; the agreement is put in writing.',
  },
  level: 'collaborate',
  mode: 'offline',
  groupSize: {
    min: 2,
    max: 20,
  },
  duration: {
    min: 1,
    max: 6,
    unit: 'months',
    note: {
      de: 'Mehrere Sitzungen über einen bis sechs Monate.',
      en: 'Several sessions over one to six months.',
    },
  },
  effort: {
    scale: 'high',
    text: {
      de: 'Ausgebildete Mediation, Vorgespräche mit allen Parteien, Vereinbarung.',
      en: 'A trained mediator, preliminary talks with all parties, written agreement.',
    },
  },
  cost: {
    scale: 'high',
    text: {
      de: 'Honorar der Mediation; je nach Dauer hoch.',
      en: "Mediator's fee; high depending on duration.",
    },
  },
  recruitment: {
    de: 'Alle Konfliktparteien mit Entscheidungsbefugnis; Freiwilligkeit ist Voraussetzung.',
    en: 'All parties to the conflict with authority to decide; participation must be voluntary.',
  },
  strengths: {
    de: 'Löst verhärtete Konflikte; Ergebnisse werden von allen getragen; vermeidet Rechtsstreit.',
    en: 'Resolves entrenched conflicts; results supported by all; avoids litigation.',
  },
  limits: {
    de: 'Nur bei Verhandlungsspielraum sinnvoll; wenige Beteiligte; vertraulich und daher wenig öffentlich.',
    en: 'Only makes sense where there is room to negotiate; few parties; confidential and therefore not very public.',
  },
  accessibility: {
    de: 'Dolmetschung, Assistenz und Begleitpersonen zulassen, barrierefreie Räume, schriftliche Zusammenfassungen in einfacher Sprache.',
    en: 'Allow interpreters, assistants and companions, accessible rooms, written summaries in plain language.',
  },
};

export default method;

import type { Method } from '../schema.js';

/** Planspiel (Planning game). */
const method: Method = {
  id: 'planspiel',
  name: {
    de: 'Planspiel',
    en: 'Planning game',
  },
  purpose: {
    de: 'Teilnehmende übernehmen Rollen (Verwaltung, Investorin, Anwohnende, Gewerbe) und spielen eine Planungsentscheidung durch. Sie erleben Interessen und Verfahren von innen und finden tragfähige Lösungen im Spiel.',
    en: 'Participants take on roles (administration, investor, residents, businesses) and play through a planning decision. They experience interests and procedures from the inside and find workable solutions in the game.',
  },
  level: 'involve',
  mode: 'offline',
  groupSize: {
    min: 10,
    max: 40,
  },
  duration: {
    min: 4,
    max: 8,
    unit: 'hours',
    note: {
      de: 'Ein halber bis ganzer Tag.',
      en: 'Half a day to a full day.',
    },
  },
  effort: {
    scale: 'high',
    text: {
      de: 'Spiel entwickeln (Rollen, Regeln, Material), Spielleitung, Nachbesprechung.',
      en: 'Designing the game (roles, rules, materials), game master, debriefing.',
    },
  },
  cost: {
    scale: 'medium',
    text: {
      de: 'Entwicklung des Spiels, Material, Moderation.',
      en: 'Game design, material, facilitation.',
    },
  },
  recruitment: {
    de: 'Gemischte Gruppen; gut mit Jugendlichen, Schulklassen und Fachleuten.',
    en: 'Mixed groups; works well with young people, school classes and professionals.',
  },
  strengths: {
    de: 'Macht Verfahren verständlich; Perspektivwechsel; spielerischer Umgang mit Konflikten.',
    en: 'Makes procedures understandable; change of perspective; playful handling of conflict.',
  },
  limits: {
    de: 'Aufwendige Vorbereitung; Ergebnisse nur bedingt übertragbar; Spiel ist keine Entscheidung.',
    en: 'Elaborate preparation; results only partly transferable; the game is not a decision.',
  },
  accessibility: {
    de: 'Rollenkarten in einfacher Sprache und mit Bildern, Spielregeln vorlesen, Rollen frei wählbar.',
    en: 'Role cards in plain language with pictures, rules read aloud, roles freely chosen.',
  },
};

export default method;

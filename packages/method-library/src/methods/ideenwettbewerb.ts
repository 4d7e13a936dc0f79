import type { Method } from '../schema.js';

/** Ideenwettbewerb (Ideas competition). */
const method: Method = {
  id: 'ideenwettbewerb',
  name: {
    de: 'Ideenwettbewerb',
    en: 'Ideas competition',
  },
  purpose: {
    de: 'Menschen reichen Ideen zu einer offenen Frage ein, etwa zur Nutzung einer Brachfläche. Eine Jury oder eine öffentliche Abstimmung wählt aus; die besten Ideen werden weiterentwickelt.',
    en: 'People submit ideas on an open question, such as how to use a vacant lot. A jury or a public vote selects; the best ideas are developed further.',
  },
  level: 'consult',
  mode: 'hybrid',
  groupSize: {
    min: 10,
    max: null,
  },
  duration: {
    min: 4,
    max: 10,
    unit: 'weeks',
    note: {
      de: 'Einreichungsphase von vier bis zehn Wochen, danach Auswahl.',
      en: 'Submission period of four to ten weeks, then selection.',
    },
  },
  effort: {
    scale: 'medium',
    text: {
      de: 'Ausschreibung, Betreuung der Einreichenden, Jury und Prämierung.',
      en: 'Call, support for entrants, jury and awards.',
    },
  },
  cost: {
    scale: 'medium',
    text: {
      de: 'Preise oder Umsetzungsbudget, Öffentlichkeitsarbeit, Jurysitzungen.',
      en: 'Prizes or a budget for realisation, publicity, jury meetings.',
    },
  },
  recruitment: {
    de: 'Breite Ausschreibung; Schulen, Hochschulen und Initiativen gezielt einladen.',
    en: 'Broad call; invite schools, universities and initiatives specifically.',
  },
  strengths: {
    de: 'Bringt neue, kreative Ideen; motiviert durch Wettbewerb; Ergebnisse sind greifbar.',
    en: 'Brings new, creative ideas; motivates through competition; results are tangible.',
  },
  limits: {
    de: 'Begünstigt Menschen mit Zeit und Ausdrucksstärke; abgelehnte Ideen enttäuschen, wenn Kriterien unklar sind.',
    en: 'Favours people with time and good presentation skills; rejected ideas disappoint when criteria are unclear.',
  },
  accessibility: {
    de: 'Einreichung in jeder Form (Text, Zeichnung, Sprachnachricht, Video), Beratungstermine, Kriterien in Leichter Sprache.',
    en: 'Submissions in any form (text, drawing, voice message, video), advice sessions, criteria in plain language.',
  },
};

export default method;

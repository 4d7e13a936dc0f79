import type { Method } from '../schema.js';

/** Design-Thinking-Workshop (Design thinking workshop). */
const method: Method = {
  id: 'design-thinking',
  name: {
    de: 'Design-Thinking-Workshop',
    en: 'Design thinking workshop',
  },
  purpose: {
    de: 'In kurzen Schleifen von Verstehen, Beobachten, Ideen finden, Prototypen bauen und Testen entwickeln gemischte Teams Lösungen aus Sicht der Nutzerinnen und Nutzer, etwa für einen Service des Bürgeramts.',
    en: "In short loops of understanding, observing, ideating, prototyping and testing, mixed teams develop solutions from the users' point of view, for example for a citizens' office service.",
  },
  level: 'involve',
  mode: 'offline',
  groupSize: {
    min: 8,
    max: 30,
  },
  duration: {
    min: 1,
    max: 3,
    unit: 'days',
    note: {
      de: 'Ein bis drei Tage, auch als Sprint über eine Woche.',
      en: 'One to three days, or as a sprint over a week.',
    },
  },
  effort: {
    scale: 'medium',
    text: {
      de: 'Erfahrene Begleitung, Material für Prototypen, Nutzertests organisieren.',
      en: 'Experienced coaching, prototyping material, organising user tests.',
    },
  },
  cost: {
    scale: 'medium',
    text: {
      de: 'Moderation, Material, Raum; Testpersonen ggf. vergüten.',
      en: 'Facilitation, material, venue; possibly paying test users.',
    },
  },
  recruitment: {
    de: 'Teams aus Verwaltung und Nutzenden; Testpersonen aus der Zielgruppe.',
    en: 'Teams of administration staff and users; test users from the target group.',
  },
  strengths: {
    de: 'Nutzerzentriert; schnelle, greifbare Ergebnisse; verändert Haltungen in der Verwaltung.',
    en: 'User-centred; quick, tangible results; changes attitudes in the administration.',
  },
  limits: {
    de: 'Eignet sich für Dienstleistungen und Produkte, weniger für Interessenkonflikte; Methode kann zum Selbstzweck werden.',
    en: 'Suits services and products, less so conflicts of interest; the method can become an end in itself.',
  },
  accessibility: {
    de: 'Prototypen mit Menschen mit Behinderungen testen, verschiedene Ausdrucksformen (bauen, zeichnen, sprechen), barrierefreie Räume.',
    en: 'Test prototypes with disabled people, various forms of expression (building, drawing, talking), accessible rooms.',
  },
};

export default method;

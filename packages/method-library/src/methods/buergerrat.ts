import type { Method } from '../schema.js';

/** Bürgerrat (Citizens' assembly). */
const method: Method = {
  id: 'buergerrat',
  name: {
    de: 'Bürgerrat',
    en: "Citizens' assembly",
  },
  purpose: {
    de: 'Zufällig ausgeloste Menschen, die die Bevölkerung in Alter, Geschlecht, Bildung und Herkunft abbilden, beraten über mehrere Sitzungen eine politische Frage, hören Fachleute und Betroffene an und geben gemeinsam Empfehlungen ab. Politik und Verwaltung sagen vorab zu, wie sie mit den Empfehlungen umgehen.',
    en: 'Randomly selected people who reflect the population by age, gender, education and background deliberate over several sessions on a policy question, hear experts and people affected, and jointly make recommendations. Politicians and administration commit beforehand to how they will respond.',
  },
  level: 'collaborate',
  mode: 'offline',
  groupSize: {
    min: 30,
    max: 160,
  },
  duration: {
    min: 3,
    max: 8,
    unit: 'days',
    note: {
      de: 'Drei bis acht Sitzungstage, meist an Wochenenden über einige Wochen.',
      en: 'Three to eight days of sessions, usually weekends over several weeks.',
    },
  },
  effort: {
    scale: 'high',
    text: {
      de: 'Losverfahren, Unterlagen, Fachleute, professionelle Moderation, Begleitgremium, Abschlussbericht.',
      en: 'Lottery, briefing materials, experts, professional facilitation, oversight board, final report.',
    },
  },
  cost: {
    scale: 'high',
    text: {
      de: 'Aufwandsentschädigung, Anreise, Kinderbetreuung, Moderation und Organisation; oft sechsstellig.',
      en: 'Compensation, travel, childcare, facilitation and organisation; often six figures.',
    },
  },
  recruitment: {
    de: 'Zweistufige Zufallsauswahl aus dem Melderegister mit Quoten; aufsuchende Ansprache, um Absagen auszugleichen.',
    en: 'Two-stage random selection from the population register with quotas; outreach to make up for refusals.',
  },
  strengths: {
    de: 'Vielfältige Zusammensetzung statt der üblichen Stimmen; informierte, abgewogene Empfehlungen; hohe Legitimität.',
    en: 'A diverse membership instead of the usual voices; informed, balanced recommendations; high legitimacy.',
  },
  limits: {
    de: 'Teuer und aufwendig; nur wenige können teilnehmen; wirkungslos ohne verbindliche Zusage, wie mit Empfehlungen umgegangen wird.',
    en: 'Expensive and demanding; only a few can take part; ineffective without a firm commitment on handling the recommendations.',
  },
  accessibility: {
    de: 'Aufwandsentschädigung, Kinderbetreuung, Dolmetschung, Unterlagen in Leichter Sprache, barrierefreie Orte und Assistenz nach Bedarf.',
    en: 'Compensation, childcare, interpreting, plain-language materials, accessible venues and personal assistance as needed.',
  },
};

export default method;

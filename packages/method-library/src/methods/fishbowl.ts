import type { Method } from '../schema.js';

/** Fishbowl-Diskussion (Fishbowl discussion). */
const method: Method = {
  id: 'fishbowl',
  name: {
    de: 'Fishbowl-Diskussion',
    en: 'Fishbowl discussion',
  },
  purpose: {
    de: 'Eine kleine Runde diskutiert im Innenkreis, das Publikum sitzt außen; ein freier Stuhl erlaubt es jeder Person, sich zeitweise einzubringen. Gut, um unterschiedliche Sichtweisen vor Publikum ins Gespräch zu bringen.',
    en: 'A small group discusses in an inner circle while the audience sits around it; an empty chair lets anyone join for a while. Good for bringing different perspectives into conversation in front of an audience.',
  },
  level: 'consult',
  mode: 'offline',
  groupSize: {
    min: 15,
    max: 80,
  },
  duration: {
    min: 60,
    max: 120,
    unit: 'minutes',
    note: {
      de: '60 bis 120 Minuten, oft als Teil einer größeren Veranstaltung.',
      en: '60 to 120 minutes, often part of a larger event.',
    },
  },
  effort: {
    scale: 'low',
    text: {
      de: 'Auswahl der Startrunde, eine erfahrene Moderation.',
      en: 'Choosing the opening panel, one experienced facilitator.',
    },
  },
  cost: {
    scale: 'low',
    text: {
      de: 'Raum und Mikrofone; kaum Material.',
      en: 'Venue and microphones; hardly any material.',
    },
  },
  recruitment: {
    de: 'Startrunde gezielt besetzen (Verwaltung, Initiativen, Betroffene); Publikum offen eingeladen.',
    en: 'Opening panel chosen deliberately (administration, initiatives, people affected); audience invited openly.',
  },
  strengths: {
    de: 'Lebendiger als ein Podium; Publikum kann mitreden; Konflikte werden sichtbar und bearbeitbar.',
    en: 'Livelier than a panel; the audience can join in; conflicts become visible and workable.',
  },
  limits: {
    de: 'Wer sich nicht traut, in den Kreis zu gehen, bleibt Zuschauerin oder Zuschauer; Ergebnisse sind Meinungsbilder, keine Entscheidungen.',
    en: 'People who do not dare to enter the circle remain spectators; results are opinions, not decisions.',
  },
  accessibility: {
    de: 'Stuhl im Innenkreis für Rollstuhlnutzende freihalten, Mikrofone für alle, Redezeiten begrenzen, auch schriftliche Beiträge zulassen.',
    en: 'Keep the inner-circle space usable with a wheelchair, microphones for everyone, limit speaking time, also accept written contributions.',
  },
};

export default method;

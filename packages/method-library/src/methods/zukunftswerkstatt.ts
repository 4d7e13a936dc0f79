import type { Method } from '../schema.js';

/** Zukunftswerkstatt (Future workshop). */
const method: Method = {
  id: 'zukunftswerkstatt',
  name: {
    de: 'Zukunftswerkstatt',
    en: 'Future workshop',
  },
  purpose: {
    de: 'Nach Robert Jungk in drei Phasen: Kritik (was stört?), Fantasie (wie wäre es ideal?) und Verwirklichung (was packen wir an?). Die Teilnehmenden entwickeln aus ihrer Kritik eigene Vorschläge und erste Umsetzungsschritte.',
    en: 'After Robert Jungk, in three phases: critique (what is wrong?), fantasy (what would be ideal?) and implementation (what do we tackle?). Participants turn their critique into their own proposals and first steps.',
  },
  level: 'involve',
  mode: 'offline',
  groupSize: {
    min: 10,
    max: 30,
  },
  duration: {
    min: 1,
    max: 3,
    unit: 'days',
    note: {
      de: 'Ein bis drei Tage, auch als Folge von Abendterminen.',
      en: 'One to three days, or a series of evening sessions.',
    },
  },
  effort: {
    scale: 'medium',
    text: {
      de: 'Zwei Moderierende, Vorbereitung der Phasen, Dokumentation.',
      en: 'Two facilitators, preparing the phases, documentation.',
    },
  },
  cost: {
    scale: 'medium',
    text: {
      de: 'Raum, Moderationsmaterial, Verpflegung; Honorare für Moderation.',
      en: 'Venue, facilitation material, catering; facilitator fees.',
    },
  },
  recruitment: {
    de: 'Betroffene und Interessierte; eine Mischung aus Offenheit und gezielter Einladung.',
    en: 'People affected and interested; a mix of open and targeted invitation.',
  },
  strengths: {
    de: 'Aktiviert auch Menschen ohne Fachwissen; verbindet Kritik mit Lösungen; stärkt Eigeninitiative.',
    en: 'Activates people without expert knowledge; connects critique with solutions; strengthens initiative.',
  },
  limits: {
    de: 'Zeitintensiv; utopische Ideen müssen ehrlich an Rahmenbedingungen gemessen werden; kleine Gruppe.',
    en: 'Time-consuming; utopian ideas must be honestly checked against constraints; small group.',
  },
  accessibility: {
    de: 'Phasen mit Bildern und Symbolen unterstützen, Pausen, Kinderbetreuung, Termine am Wochenende anbieten.',
    en: 'Support the phases with images and symbols, breaks, childcare, weekend dates.',
  },
};

export default method;

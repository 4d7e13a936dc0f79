import type { Method } from '../schema.js';

/** Fokusgruppe (Focus group). */
const method: Method = {
  id: 'fokusgruppe',
  name: {
    de: 'Fokusgruppe',
    en: 'Focus group',
  },
  purpose: {
    de: 'Eine kleine, gezielt zusammengesetzte Gruppe bespricht unter Leitung einer Moderation eine bestimmte Frage. Sie liefert vertiefte Einsichten in Bedürfnisse und Sichtweisen einer Zielgruppe, etwa von Seniorinnen und Senioren oder Gewerbetreibenden.',
    en: 'A small, deliberately composed group discusses a specific question led by a facilitator. It gives in-depth insight into the needs and views of one target group, such as older people or local businesses.',
  },
  level: 'consult',
  mode: 'hybrid',
  groupSize: {
    min: 6,
    max: 12,
  },
  duration: {
    min: 90,
    max: 150,
    unit: 'minutes',
    note: {
      de: 'Eine Sitzung von 1,5 bis 2,5 Stunden, bei Bedarf mehrere Gruppen.',
      en: 'One session of 1.5 to 2.5 hours, several groups if needed.',
    },
  },
  effort: {
    scale: 'medium',
    text: {
      de: 'Leitfaden, Rekrutierung, Moderation und Auswertung des Protokolls.',
      en: 'Discussion guide, recruitment, facilitation and analysis of the transcript.',
    },
  },
  cost: {
    scale: 'medium',
    text: {
      de: 'Aufwandsentschädigung für Teilnehmende, Raum oder Videokonferenz, Protokoll.',
      en: 'Compensation for participants, venue or video call, minutes.',
    },
  },
  recruitment: {
    de: 'Gezielte Ansprache über Einrichtungen, Vereine und Multiplikatorinnen und Multiplikatoren; Auswahl nach Kriterien der Zielgruppe.',
    en: 'Targeted outreach through institutions, associations and multipliers; selection by criteria of the target group.',
  },
  strengths: {
    de: 'Tiefe Einblicke; geschützter Rahmen auch für leise Gruppen; schnell und planbar.',
    en: 'Deep insight; a protected setting also for quiet groups; quick and predictable.',
  },
  limits: {
    de: 'Nicht repräsentativ; Gruppendynamik kann Aussagen verzerren; wenig Einfluss der Teilnehmenden auf die Entscheidung.',
    en: 'Not representative; group dynamics can distort statements; little influence of participants on the decision.',
  },
  accessibility: {
    de: 'Ort und Zeit nach der Zielgruppe wählen, Kinderbetreuung und Dolmetschung anbieten, Fahrtkosten erstatten; online mit Telefoneinwahl.',
    en: 'Choose place and time to suit the target group, offer childcare and interpreting, refund travel; online with dial-in by phone.',
  },
};

export default method;

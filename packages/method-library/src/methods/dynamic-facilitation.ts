import type { Method } from '../schema.js';

/** Dynamic Facilitation (Weisheitsrat) (Dynamic Facilitation (wisdom council)). */
const method: Method = {
  id: 'dynamic-facilitation',
  name: {
    de: 'Dynamic Facilitation (Weisheitsrat)',
    en: 'Dynamic Facilitation (wisdom council)',
  },
  purpose: {
    de: 'Eine Moderation nimmt jeden Beitrag auf und ordnet ihn auf vier Listen: Probleme, Lösungen, Bedenken, Informationen. Ohne feste Tagesordnung entsteht aus der offenen Auseinandersetzung oft ein überraschender gemeinsamer Durchbruch; in Vorarlberg als Bürgerrat mit Zufallsauswahl erprobt.',
    en: "A facilitator receives every contribution and sorts it into four lists: problems, solutions, concerns, information. Without a fixed agenda, open exchange often leads to a surprising shared breakthrough; tried in Vorarlberg as a randomly selected citizens' council.",
  },
  level: 'involve',
  mode: 'offline',
  groupSize: {
    min: 8,
    max: 25,
  },
  duration: {
    min: 1,
    max: 2,
    unit: 'days',
    note: {
      de: 'Eineinhalb bis zwei Tage, dann Präsentation im Bürgercafé.',
      en: "One and a half to two days, then a presentation at a citizens' café.",
    },
  },
  effort: {
    scale: 'medium',
    text: {
      de: 'Besonders geschulte Moderation; Zufallsauswahl bei Bürgerratsform.',
      en: 'Specially trained facilitator; random selection for the council format.',
    },
  },
  cost: {
    scale: 'medium',
    text: {
      de: 'Moderation, Raum, Aufwandsentschädigung.',
      en: 'Facilitation, venue, compensation.',
    },
  },
  recruitment: {
    de: 'Zufallsauswahl (Weisheitsrat) oder Betroffene eines Konflikts.',
    en: 'Random selection (wisdom council) or the parties to a conflict.',
  },
  strengths: {
    de: 'Gut bei festgefahrenen, emotionalen Themen; alle Beiträge werden gewürdigt; kreative Lösungen.',
    en: 'Good for stuck, emotional issues; every contribution is acknowledged; creative solutions.',
  },
  limits: {
    de: 'Abhängig von der Moderation; Ergebnis schwer planbar; wenig bekannt in der Verwaltung.',
    en: 'Depends on the facilitator; outcome hard to plan; little known in administrations.',
  },
  accessibility: {
    de: 'Kleine Gruppe, ruhiges Tempo, Listen gut sichtbar und vorgelesen, Pausen nach Bedarf.',
    en: 'Small group, calm pace, lists clearly visible and read aloud, breaks as needed.',
  },
};

export default method;

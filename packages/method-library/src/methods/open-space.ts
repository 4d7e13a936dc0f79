import type { Method } from '../schema.js';

/** Open Space (Open Space Technology). */
const method: Method = {
  id: 'open-space',
  name: {
    de: 'Open Space',
    en: 'Open Space Technology',
  },
  purpose: {
    de: 'Zu einem offenen Leitthema bringen die Teilnehmenden ihre eigenen Anliegen ein und bilden dazu selbst Arbeitsgruppen. Wer etwas beitragen will, bleibt; wer nicht mehr lernt oder beiträgt, wechselt (Gesetz der zwei Füße).',
    en: 'Around an open guiding theme, participants bring their own topics and form working groups themselves. Those who contribute stay; those who are neither learning nor contributing move on (law of two feet).',
  },
  level: 'involve',
  mode: 'offline',
  groupSize: {
    min: 20,
    max: 500,
  },
  duration: {
    min: 1,
    max: 3,
    unit: 'days',
    note: {
      de: 'Ein halber bis drei Tage; je größer die Gruppe, desto länger.',
      en: 'Half a day to three days; the larger the group, the longer.',
    },
  },
  effort: {
    scale: 'medium',
    text: {
      de: 'Wenig inhaltliche Vorbereitung, aber gute Rahmung, Räume und Dokumentation.',
      en: 'Little preparation of content, but good framing, rooms and documentation.',
    },
  },
  cost: {
    scale: 'medium',
    text: {
      de: 'Großer Raum und Nebenräume, Material, Dokumentation, Verpflegung.',
      en: 'Large room and breakout spaces, material, documentation, catering.',
    },
  },
  recruitment: {
    de: 'Offen für alle, die das Thema betrifft; Freiwilligkeit ist Prinzip.',
    en: 'Open to everyone concerned; participation is voluntary by principle.',
  },
  strengths: {
    de: 'Große Gruppen; hohe Eigenverantwortung; Themen der Teilnehmenden statt der Verwaltung.',
    en: "Large groups; high ownership; participants' topics rather than the administration's.",
  },
  limits: {
    de: 'Ergebnisse schwer steuerbar; setzt Offenheit der Verwaltung voraus; Durchsetzungsstarke prägen die Agenda.',
    en: 'Results are hard to steer; requires openness from the administration; assertive people shape the agenda.',
  },
  accessibility: {
    de: 'Marktplatz der Themen gut lesbar und vorgelesen, barrierefreie Gruppenräume, Dolmetschung in ausgewählten Gruppen.',
    en: 'Topic marketplace legible and read aloud, accessible breakout rooms, interpreting in selected groups.',
  },
};

export default method;

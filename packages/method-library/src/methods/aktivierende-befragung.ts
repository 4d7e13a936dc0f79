import type { Method } from '../schema.js';

/** Aktivierende Befragung (Activating interviews). */
const method: Method = {
  id: 'aktivierende-befragung',
  name: {
    de: 'Aktivierende Befragung',
    en: 'Activating interviews',
  },
  purpose: {
    de: 'Interviewerinnen und Interviewer klingeln an Türen oder sprechen Menschen im Kiez an und fragen offen nach Sorgen, Wünschen und der Bereitschaft, selbst etwas zu tun. Wer mitmachen will, wird zu einer Versammlung eingeladen, aus der oft Initiativen entstehen.',
    en: 'Interviewers knock on doors or approach people in the neighbourhood and ask openly about concerns, wishes and willingness to act. Those who want to get involved are invited to a meeting, which often gives rise to initiatives.',
  },
  level: 'involve',
  mode: 'offline',
  groupSize: {
    min: 30,
    max: 300,
  },
  duration: {
    min: 4,
    max: 12,
    unit: 'weeks',
    note: {
      de: 'Vier bis zwölf Wochen Gespräche, danach eine Versammlung.',
      en: 'Four to twelve weeks of conversations, followed by a meeting.',
    },
  },
  effort: {
    scale: 'high',
    text: {
      de: 'Geschulte Interviewende, viele Gespräche, Auswertung und Begleitung der entstehenden Gruppen.',
      en: 'Trained interviewers, many conversations, analysis and support for the groups that form.',
    },
  },
  cost: {
    scale: 'medium',
    text: {
      de: 'Personal für Gespräche und Begleitung; Schulung.',
      en: 'Staff for conversations and support; training.',
    },
  },
  recruitment: {
    de: 'Aufsuchend: Haustür, Hof, Treffpunkte; gezielt dort, wo sonst niemand teilnimmt.',
    en: 'Outreach: doorsteps, courtyards, meeting points; specifically where nobody else takes part.',
  },
  strengths: {
    de: 'Erreicht Menschen, die nie zu Veranstaltungen kommen; stärkt Selbstorganisation; ehrliches Bild der Lage.',
    en: 'Reaches people who never attend events; strengthens self-organisation; an honest picture of the situation.',
  },
  limits: {
    de: 'Sehr personalintensiv; weckt Erwartungen, die eingelöst werden müssen; Begleitung danach nötig.',
    en: 'Very staff-intensive; raises expectations that must be met; needs follow-up support.',
  },
  accessibility: {
    de: 'Mehrsprachige Teams, Gespräche in der Sprache der Befragten, einfache Sprache, Termine zu Hause.',
    en: "Multilingual teams, conversations in the respondent's language, plain language, appointments at home.",
  },
};

export default method;

import type { Method } from '../schema.js';

/** Delphi-Befragung (Delphi survey). */
const method: Method = {
  id: 'delphi-befragung',
  name: {
    de: 'Delphi-Befragung',
    en: 'Delphi survey',
  },
  purpose: {
    de: 'Fachleute schätzen in mehreren Runden eine Frage ein; nach jeder Runde sehen sie die zusammengefassten Antworten der anderen und können ihre Einschätzung anpassen. So entsteht ein begründetes Bild von Übereinstimmung und Dissens.',
    en: "Experts assess a question in several rounds; after each round they see the others' summarised answers and may revise their own. This produces a reasoned picture of agreement and disagreement.",
  },
  level: 'consult',
  mode: 'online',
  groupSize: {
    min: 10,
    max: 50,
  },
  duration: {
    min: 6,
    max: 12,
    unit: 'weeks',
    note: {
      de: 'Zwei bis drei Runden über sechs bis zwölf Wochen.',
      en: 'Two to three rounds over six to twelve weeks.',
    },
  },
  effort: {
    scale: 'high',
    text: {
      de: 'Fragebogen je Runde, Auswertung zwischen den Runden, Nachfassen bei Teilnehmenden.',
      en: 'A questionnaire per round, analysis between rounds, chasing up participants.',
    },
  },
  cost: {
    scale: 'medium',
    text: {
      de: 'Online-Werkzeug, ggf. Honorare für Fachleute.',
      en: 'Online tool, possibly fees for experts.',
    },
  },
  recruitment: {
    de: 'Gezielte Einladung von Fachleuten aus Verwaltung, Wissenschaft, Praxis und Zivilgesellschaft.',
    en: 'Targeted invitation of experts from administration, research, practice and civil society.',
  },
  strengths: {
    de: 'Anonym, daher wenig Statusdruck; bündelt verteiltes Fachwissen; gut für Zukunftsfragen.',
    en: 'Anonymous, so little pressure from status; pools dispersed expertise; good for questions about the future.',
  },
  limits: {
    de: 'Nur Fachleute, keine breite Öffentlichkeit; Abbrüche zwischen den Runden; langsam.',
    en: 'Experts only, not the wider public; drop-outs between rounds; slow.',
  },
  accessibility: {
    de: 'Barrierefreie Online-Fragebögen, ausreichende Fristen, Teilnahme auch per Telefoninterview.',
    en: 'Accessible online questionnaires, generous deadlines, participation by phone interview as well.',
  },
};

export default method;

import type { Method } from '../schema.js';

/** Appreciative Inquiry (Wertschätzende Erkundung) (Appreciative Inquiry). */
const method: Method = {
  id: 'appreciative-inquiry',
  name: {
    de: 'Appreciative Inquiry (Wertschätzende Erkundung)',
    en: 'Appreciative Inquiry',
  },
  purpose: {
    de: 'Statt Problemen stehen Stärken im Mittelpunkt: In Interviews erzählen sich Teilnehmende von gelungenen Erfahrungen, entwerfen daraus ein Zukunftsbild und planen Schritte (4D: Discover, Dream, Design, Destiny).',
    en: 'Strengths rather than problems are the focus: in interviews participants tell each other about successful experiences, turn them into a vision and plan steps (4D: discover, dream, design, destiny).',
  },
  level: 'involve',
  mode: 'offline',
  groupSize: {
    min: 10,
    max: 100,
  },
  duration: {
    min: 1,
    max: 2,
    unit: 'days',
    note: {
      de: 'Ein bis zwei Tage.',
      en: 'One to two days.',
    },
  },
  effort: {
    scale: 'medium',
    text: {
      de: 'Interviewleitfaden, Moderation, Zusammenführung der Geschichten.',
      en: 'Interview guide, facilitation, bringing the stories together.',
    },
  },
  cost: {
    scale: 'medium',
    text: {
      de: 'Raum, Material, Moderation.',
      en: 'Venue, material, facilitation.',
    },
  },
  recruitment: {
    de: 'Menschen eines Quartiers, einer Einrichtung oder eines Netzwerks.',
    en: 'People of a neighbourhood, an institution or a network.',
  },
  strengths: {
    de: 'Positive Energie; baut auf Vorhandenem auf; stärkt Gemeinschaft und Zusammenarbeit.',
    en: 'Positive energy; builds on what exists; strengthens community and cooperation.',
  },
  limits: {
    de: 'Kann Konflikte und Missstände überdecken; für harte Entscheidungen ungeeignet.',
    en: 'Can gloss over conflicts and grievances; unsuited to hard decisions.',
  },
  accessibility: {
    de: 'Interviews in Paaren auch in Muttersprache, Geschichten auch als Bild, ruhige Räume.',
    en: "Pair interviews in one's own language, stories as pictures too, quiet rooms.",
  },
};

export default method;

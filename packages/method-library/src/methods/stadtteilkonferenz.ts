import type { Method } from '../schema.js';

/** Stadtteilkonferenz (Neighbourhood conference). */
const method: Method = {
  id: 'stadtteilkonferenz',
  name: {
    de: 'Stadtteilkonferenz',
    en: 'Neighbourhood conference',
  },
  purpose: {
    de: 'Einrichtungen, Initiativen, Verwaltung und Bewohnerschaft eines Stadtteils treffen sich regelmäßig, tauschen sich über Entwicklungen aus und verabreden gemeinsame Vorhaben. In Berlin oft Teil der sozialraumorientierten Planung.',
    en: 'Institutions, initiatives, administration and residents of a district meet regularly, share news and agree on joint projects. In Berlin often part of area-based social planning.',
  },
  level: 'collaborate',
  mode: 'offline',
  groupSize: {
    min: 20,
    max: 120,
  },
  duration: {
    min: 3,
    max: 4,
    unit: 'hours',
    note: {
      de: 'Regelmäßige Treffen von drei bis vier Stunden, z. B. vierteljährlich.',
      en: 'Regular meetings of three to four hours, e.g. quarterly.',
    },
  },
  effort: {
    scale: 'medium',
    text: {
      de: 'Koordination (oft Stadtteilkoordination), Einladung, Moderation, Protokoll.',
      en: 'Coordination (often the district coordinator), invitation, facilitation, minutes.',
    },
  },
  cost: {
    scale: 'low',
    text: {
      de: 'Raum und Koordination; gering.',
      en: 'Venue and coordination; low.',
    },
  },
  recruitment: {
    de: 'Verteiler der lokalen Akteure; offen für interessierte Bewohnerinnen und Bewohner.',
    en: 'Mailing list of local actors; open to interested residents.',
  },
  strengths: {
    de: 'Verstetigt Zusammenarbeit; Wissen aus dem Stadtteil fließt in die Planung; kurze Wege.',
    en: 'Makes cooperation lasting; local knowledge feeds planning; short channels.',
  },
  limits: {
    de: 'Profis dominieren oft; Bewohnerinnen und Bewohner sind unterrepräsentiert; Ergebnisse unverbindlich.',
    en: 'Professionals often dominate; residents are under-represented; results non-binding.',
  },
  accessibility: {
    de: 'Barrierefreie Orte im Stadtteil, Einladung in mehreren Sprachen, Sitzungen am frühen Abend.',
    en: 'Accessible local venues, invitations in several languages, early-evening meetings.',
  },
};

export default method;

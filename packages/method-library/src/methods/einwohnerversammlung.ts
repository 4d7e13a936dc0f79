import type { Method } from '../schema.js';

/** Einwohnerversammlung (Residents' assembly (Einwohnerversammlung)). */
const method: Method = {
  id: 'einwohnerversammlung',
  name: {
    de: 'Einwohnerversammlung',
    en: "Residents' assembly (Einwohnerversammlung)",
  },
  purpose: {
    de: 'Das Bezirksamt lädt nach dem Bezirksverwaltungsgesetz alle Einwohnerinnen und Einwohner eines Gebiets ein, um über wichtige Angelegenheiten zu informieren und sie zu erörtern. Die Versammlung kann Empfehlungen an die Bezirksverordnetenversammlung richten.',
    en: "The district office invites all residents of an area, as provided by Berlin's district administration law, to inform them about important matters and discuss them. The assembly may make recommendations to the district council.",
  },
  level: 'consult',
  mode: 'offline',
  groupSize: {
    min: 30,
    max: 500,
  },
  duration: {
    min: 2,
    max: 3,
    unit: 'hours',
    note: {
      de: 'Eine Abendveranstaltung von zwei bis drei Stunden.',
      en: 'One evening of two to three hours.',
    },
  },
  effort: {
    scale: 'medium',
    text: {
      de: 'Formale Einladung, Tagesordnung, Protokoll, Leitung durch das Bezirksamt.',
      en: 'Formal invitation, agenda, minutes, chaired by the district office.',
    },
  },
  cost: {
    scale: 'low',
    text: {
      de: 'Großer Raum, Technik, Bekanntmachung.',
      en: 'Large venue, technology, public notice.',
    },
  },
  recruitment: {
    de: 'Öffentliche Bekanntmachung für alle Einwohnerinnen und Einwohner des Gebiets.',
    en: 'Public notice to all residents of the area.',
  },
  strengths: {
    de: 'Formal verankert; alle dürfen sprechen; Empfehlungen müssen behandelt werden.',
    en: 'Formally established; everyone may speak; recommendations must be dealt with.',
  },
  limits: {
    de: 'Große Runden begünstigen Redegewandte; wenig Raum für Austausch; kann konfrontativ werden.',
    en: 'Large meetings favour confident speakers; little room for exchange; can become confrontational.',
  },
  accessibility: {
    de: 'Barrierefreier Saal, Induktionsschleife, Gebärdensprachdolmetschung, Redebeiträge auch schriftlich einreichen.',
    en: 'Accessible hall, hearing loop, sign language interpreting, contributions may also be handed in in writing.',
  },
};

export default method;

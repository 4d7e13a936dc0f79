import type { Method } from '../schema.js';

/** Kiezfonds / Aktionsfonds mit Vergabejury (Neighbourhood fund with a local jury). */
const method: Method = {
  id: 'kiezfonds',
  name: {
    de: 'Kiezfonds / Aktionsfonds mit Vergabejury',
    en: 'Neighbourhood fund with a local jury',
  },
  purpose: {
    de: 'Eine Jury aus Bewohnerinnen und Bewohnern, wie im Quartiersmanagement der Quartiersrat, entscheidet über die Vergabe kleiner Beträge für nachbarschaftliche Projekte: Feste, Pflanzaktionen, Kurse.',
    en: "A jury of residents, such as the neighbourhood council in Berlin's neighbourhood management areas, decides how small sums are awarded to neighbourhood projects: festivals, planting, courses.",
  },
  level: 'empower',
  mode: 'offline',
  groupSize: {
    min: 7,
    max: 15,
  },
  duration: {
    min: 2,
    max: 12,
    unit: 'months',
    note: {
      de: 'Vergaberunden über das Jahr, je Sitzung zwei bis drei Stunden.',
      en: 'Funding rounds through the year, two to three hours per meeting.',
    },
  },
  effort: {
    scale: 'medium',
    text: {
      de: 'Geschäftsstelle, Beratung der Antragstellenden, Abrechnung.',
      en: 'Secretariat, advising applicants, accounting.',
    },
  },
  cost: {
    scale: 'medium',
    text: {
      de: 'Der Fonds (meist wenige tausend Euro) plus Geschäftsstelle.',
      en: 'The fund (usually a few thousand euros) plus secretariat.',
    },
  },
  recruitment: {
    de: 'Wahl oder Losverfahren unter Bewohnerinnen und Bewohnern; Vielfalt des Quartiers abbilden.',
    en: "Election or lottery among residents; reflecting the neighbourhood's diversity.",
  },
  strengths: {
    de: 'Echte Entscheidung vor Ort; stärkt Nachbarschaft und Engagement; schnelle Wirkung.',
    en: 'A real local decision; strengthens neighbourhood and engagement; quick effect.',
  },
  limits: {
    de: 'Kleine Summen; Antragsverfahren kann abschrecken; Interessenkonflikte in der Jury.',
    en: 'Small sums; the application process can deter; conflicts of interest in the jury.',
  },
  accessibility: {
    de: 'Antragsformular in einfacher Sprache und mehreren Sprachen, Beratung beim Ausfüllen, barrierefreier Sitzungsort.',
    en: 'Application form in plain language and several languages, help with filling it in, accessible meeting place.',
  },
};

export default method;

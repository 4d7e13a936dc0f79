import type { Method } from '../schema.js';

/** Jugendjury (Youth jury). */
const method: Method = {
  id: 'jugendjury',
  name: {
    de: 'Jugendjury',
    en: 'Youth jury',
  },
  purpose: {
    de: 'Jugendliche entscheiden selbst über die Vergabe eines Fonds für Projekte von Jugendlichen in ihrem Bezirk: Sie legen Kriterien fest, hören die Antragstellenden an und vergeben das Geld.',
    en: 'Young people decide themselves how a fund for youth projects in their district is awarded: they set criteria, hear the applicants and allocate the money.',
  },
  level: 'empower',
  mode: 'offline',
  groupSize: {
    min: 8,
    max: 20,
  },
  duration: {
    min: 1,
    max: 2,
    unit: 'days',
    note: {
      de: 'Vorbereitungstreffen und ein Jurytag; jährlich wiederholt.',
      en: 'Preparation meetings and one jury day; repeated every year.',
    },
  },
  effort: {
    scale: 'medium',
    text: {
      de: 'Begleitung der Jury, Ausschreibung, Abrechnung der Projekte.',
      en: 'Supporting the jury, the call for projects, accounting for the projects.',
    },
  },
  cost: {
    scale: 'medium',
    text: {
      de: 'Der Fonds selbst (oft einige tausend Euro) plus Begleitung.',
      en: 'The fund itself (often a few thousand euros) plus support.',
    },
  },
  recruitment: {
    de: 'Über Schulen, Jugendeinrichtungen und das Kinder- und Jugendbüro; Jury gemischt nach Alter und Herkunft.',
    en: 'Through schools, youth centres and the children and youth office; jury mixed by age and background.',
  },
  strengths: {
    de: 'Echte Verantwortung für junge Menschen; demokratische Bildung; Projekte von Jugendlichen für Jugendliche.',
    en: 'Real responsibility for young people; democratic education; projects by and for young people.',
  },
  limits: {
    de: 'Nur kleine Summen; Verwaltung muss Entscheidungen der Jury akzeptieren; Fluktuation.',
    en: "Only small sums; the administration must accept the jury's decisions; turnover.",
  },
  accessibility: {
    de: 'Einfache Sprache, Anträge auch als Video, Treffpunkte in Jugendeinrichtungen, Unterstützung bei Anträgen.',
    en: 'Plain language, applications as video too, meetings in youth centres, help with applications.',
  },
};

export default method;

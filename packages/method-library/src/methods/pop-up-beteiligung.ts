import type { Method } from '../schema.js';

/** Pop-up-Beteiligung (Pop-up participation). */
const method: Method = {
  id: 'pop-up-beteiligung',
  name: {
    de: 'Pop-up-Beteiligung',
    en: 'Pop-up participation',
  },
  purpose: {
    de: 'Ein mobiler Stand, ein Lastenrad oder ein Container kommt dorthin, wo die Menschen ohnehin sind: Markt, Spielplatz, Schulhof, Einkaufszentrum. Kurze Fragen, Klebepunkte und Gespräche sammeln Meinungen von Menschen, die nie zu einer Abendveranstaltung kämen.',
    en: 'A mobile stand, cargo bike or container goes where people already are: market, playground, schoolyard, shopping centre. Short questions, sticky dots and conversations collect the views of people who would never come to an evening meeting.',
  },
  level: 'consult',
  mode: 'offline',
  groupSize: {
    min: 20,
    max: 300,
  },
  duration: {
    min: 3,
    max: 6,
    unit: 'hours',
    note: {
      de: 'Drei bis sechs Stunden pro Einsatz, oft mehrere Einsätze an verschiedenen Orten.',
      en: 'Three to six hours per session, often several sessions in different places.',
    },
  },
  effort: {
    scale: 'medium',
    text: {
      de: 'Mobile Ausstattung, zwei bis drei Personen pro Einsatz, Genehmigung für den öffentlichen Raum.',
      en: 'Mobile equipment, two to three people per session, permit for public space.',
    },
  },
  cost: {
    scale: 'low',
    text: {
      de: 'Stand oder Lastenrad, Material, Personal; Genehmigungen.',
      en: 'Stand or cargo bike, material, staff; permits.',
    },
  },
  recruitment: {
    de: 'Keine Einladung nötig: Ort und Zeit so wählen, dass die Zielgruppe vorbeikommt.',
    en: 'No invitation needed: choose place and time so the target group passes by.',
  },
  strengths: {
    de: 'Erreicht schwer erreichbare Gruppen; sehr niedrigschwellig; sichtbar im Stadtraum.',
    en: 'Reaches hard-to-reach groups; very low threshold; visible in the city.',
  },
  limits: {
    de: 'Kurze, oberflächliche Beiträge; Ergebnisse schwer zu vergleichen; wetterabhängig.',
    en: 'Short, superficial contributions; results hard to compare; depends on the weather.',
  },
  accessibility: {
    de: 'Stand auf ebenem Grund, Tafeln in verschiedenen Höhen, Bildsprache, mehrsprachiges Team.',
    en: 'Stand on level ground, boards at different heights, pictorial language, multilingual team.',
  },
};

export default method;

import type { Method } from '../schema.js';

/** Kiezspaziergang (Neighbourhood walk). */
const method: Method = {
  id: 'kiezspaziergang',
  name: {
    de: 'Kiezspaziergang',
    en: 'Neighbourhood walk',
  },
  purpose: {
    de: 'Verwaltung, Planende und Anwohnende gehen gemeinsam durch das Gebiet. An ausgewählten Orten erzählen Menschen, was gut funktioniert und was fehlt; Hinweise werden vor Ort notiert und fotografiert.',
    en: 'Administration, planners and residents walk through the area together. At selected spots people tell what works well and what is missing; comments are noted and photographed on site.',
  },
  level: 'consult',
  mode: 'offline',
  groupSize: {
    min: 8,
    max: 40,
  },
  duration: {
    min: 90,
    max: 180,
    unit: 'minutes',
    note: {
      de: '1,5 bis 3 Stunden, eine festgelegte Route mit 5 bis 8 Stationen.',
      en: '1.5 to 3 hours, a set route with 5 to 8 stops.',
    },
  },
  effort: {
    scale: 'low',
    text: {
      de: 'Route planen und ablaufen, Stationen vorbereiten, Protokoll unterwegs.',
      en: 'Planning and walking the route beforehand, preparing stops, taking notes on the way.',
    },
  },
  cost: {
    scale: 'low',
    text: {
      de: 'Kaum Kosten; ggf. Mikrofonanlage, Karten, Versicherung.',
      en: 'Hardly any cost; possibly a portable sound system, maps, insurance.',
    },
  },
  recruitment: {
    de: 'Offene Einladung und gezielte Ansprache von Menschen, die den Ort täglich nutzen (Schulen, Gewerbe, Senioreneinrichtungen).',
    en: 'Open invitation plus targeted outreach to people who use the place daily (schools, businesses, care homes).',
  },
  strengths: {
    de: 'Ortskenntnis der Bewohnerinnen und Bewohner wird sichtbar; lockere Atmosphäre; Probleme werden am Ort selbst verstanden.',
    en: "Residents' local knowledge becomes visible; relaxed atmosphere; problems are understood where they occur.",
  },
  limits: {
    de: 'Witterungsabhängig; begrenzte Gruppengröße; Menschen mit eingeschränkter Mobilität können ausgeschlossen sein.',
    en: 'Depends on the weather; limited group size; people with limited mobility may be left out.',
  },
  accessibility: {
    de: 'Stufenlose Route mit Pausen und Sitzgelegenheiten, Tempo an langsamste Person anpassen, Mikrofonanlage, alternativ ein Rundgang im Rollstuhl oder mit Kinderwagen als Perspektive.',
    en: 'Step-free route with breaks and seating, pace set by the slowest person, portable microphone, or a walk by wheelchair or pram as a perspective.',
  },
};

export default method;

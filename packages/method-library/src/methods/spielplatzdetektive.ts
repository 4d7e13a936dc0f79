import type { Method } from '../schema.js';

/** Kinder- und Jugendbeteiligung: Spielplatzdetektive (Children's participation: playground detectives). */
const method: Method = {
  id: 'spielplatzdetektive',
  name: {
    de: 'Kinder- und Jugendbeteiligung: Spielplatzdetektive',
    en: "Children's participation: playground detectives",
  },
  purpose: {
    de: 'Kinder erkunden als Detektivinnen und Detektive ihren Spielplatz oder Schulweg, bewerten mit Stickern und Fotos, was ihnen gefällt und was fehlt, und bauen Modelle ihres Wunschortes. Ihre Ergebnisse fließen in die Planung ein; sie erfahren, was daraus geworden ist.',
    en: 'Children explore their playground or way to school as detectives, rate with stickers and photos what they like and what is missing, and build models of their ideal place. Their results feed into planning; they are told what became of them.',
  },
  level: 'involve',
  mode: 'offline',
  groupSize: {
    min: 5,
    max: 30,
  },
  duration: {
    min: 2,
    max: 4,
    unit: 'hours',
    note: {
      de: 'Zwei bis vier Stunden, oft an zwei Terminen (Erkundung, Modellbau).',
      en: 'Two to four hours, often on two dates (exploration, model building).',
    },
  },
  effort: {
    scale: 'medium',
    text: {
      de: 'Kinder- und jugendgerechte Moderation, Zusammenarbeit mit Schule oder Kita, Einverständnis der Eltern.',
      en: 'Child-friendly facilitation, cooperation with school or day-care, parental consent.',
    },
  },
  cost: {
    scale: 'low',
    text: {
      de: 'Material für Erkundung und Modellbau; Moderation; gering.',
      en: 'Material for exploration and models; facilitation; low.',
    },
  },
  recruitment: {
    de: 'Über Kitas, Schulen, Jugendfreizeiteinrichtungen und das Kinder- und Jugendbüro des Bezirks.',
    en: "Through day-care centres, schools, youth centres and the district's children and youth office.",
  },
  strengths: {
    de: 'Kinder als Fachleute ihres Alltags; anschaulich; hohe Motivation; Ergebnisse direkt in Planung verwertbar.',
    en: 'Children as experts of their everyday life; vivid; highly motivating; results usable in planning.',
  },
  limits: {
    de: 'Erwachsene müssen Ergebnisse ernst nehmen und rückmelden; Aufsichtspflicht; kurze Aufmerksamkeitsspannen.',
    en: 'Adults must take results seriously and report back; duty of supervision; short attention spans.',
  },
  accessibility: {
    de: 'Inklusive Gruppen, Aufgaben mit Bildern statt Text, Begleitpersonen, Wege ohne Barrieren.',
    en: 'Inclusive groups, tasks with pictures instead of text, companions, barrier-free routes.',
  },
};

export default method;

import type { Method } from '../schema.js';

/** Begleitgremium / Projektbeirat (Advisory board / project steering group). */
const method: Method = {
  id: 'begleitgremium',
  name: {
    de: 'Begleitgremium / Projektbeirat',
    en: 'Advisory board / project steering group',
  },
  purpose: {
    de: 'Ein Gremium aus Vertreterinnen und Vertretern von Zivilgesellschaft, Anwohnenden, Verwaltung und Politik begleitet ein Beteiligungsverfahren über seine ganze Dauer, berät über den Ablauf und wacht darüber, dass Ergebnisse ernst genommen werden.',
    en: 'A board of representatives of civil society, residents, administration and politics accompanies a participation process throughout, advises on its course and makes sure results are taken seriously.',
  },
  level: 'collaborate',
  mode: 'hybrid',
  groupSize: {
    min: 8,
    max: 20,
  },
  duration: {
    min: 6,
    max: 24,
    unit: 'months',
    note: {
      de: 'Sitzungen alle vier bis acht Wochen über sechs bis 24 Monate.',
      en: 'Meetings every four to eight weeks over six to 24 months.',
    },
  },
  effort: {
    scale: 'medium',
    text: {
      de: 'Geschäftsstelle, Sitzungsvorbereitung, Protokolle.',
      en: 'Secretariat, preparing meetings, minutes.',
    },
  },
  cost: {
    scale: 'low',
    text: {
      de: 'Geschäftsstelle und ggf. Aufwandsentschädigung für Ehrenamtliche.',
      en: 'Secretariat and possibly compensation for volunteers.',
    },
  },
  recruitment: {
    de: 'Benennung durch Gruppen plus zufällig ausgewählte Bürgerinnen und Bürger; Zusammensetzung offenlegen.',
    en: 'Nominated by groups plus randomly selected residents; composition made public.',
  },
  strengths: {
    de: 'Verankert Beteiligung dauerhaft; Frühwarnsystem für Konflikte; Glaubwürdigkeit des Verfahrens.',
    en: 'Anchors participation for the long term; early warning of conflicts; credibility of the process.',
  },
  limits: {
    de: 'Kann zum Feigenblatt werden, wenn Rechte unklar sind; Ermüdung über lange Laufzeit.',
    en: 'Can become a fig leaf if its rights are unclear; fatigue over a long period.',
  },
  accessibility: {
    de: 'Hybride Sitzungen, Unterlagen vorab und barrierefrei, Entschädigung für Ehrenamtliche.',
    en: 'Hybrid meetings, documents in advance and accessible, compensation for volunteers.',
  },
};

export default method;

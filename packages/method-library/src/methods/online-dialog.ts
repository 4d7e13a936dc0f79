import type { Method } from '../schema.js';

/** Online-Dialog (Online dialogue). */
const method: Method = {
  id: 'online-dialog',
  name: {
    de: 'Online-Dialog',
    en: 'Online dialogue',
  },
  purpose: {
    de: 'Auf einer Beteiligungsplattform (in Berlin meist mein.berlin) kommentieren und bewerten Menschen einen Entwurf oder sammeln Ideen, oft verortet auf einer Karte. Die Verwaltung moderiert und antwortet.',
    en: 'On a participation platform (in Berlin usually mein.berlin) people comment on and rate a draft or collect ideas, often placed on a map. The administration moderates and replies.',
  },
  level: 'consult',
  mode: 'online',
  groupSize: {
    min: 20,
    max: null,
  },
  duration: {
    min: 2,
    max: 6,
    unit: 'weeks',
    note: {
      de: 'Laufzeit von zwei bis sechs Wochen.',
      en: 'Open for two to six weeks.',
    },
  },
  effort: {
    scale: 'medium',
    text: {
      de: 'Aufbereitung der Inhalte, Moderation während der Laufzeit, Auswertung vieler Beiträge.',
      en: 'Preparing content, moderation while it runs, analysing many contributions.',
    },
  },
  cost: {
    scale: 'medium',
    text: {
      de: 'Plattform meist vorhanden (mein.berlin); Kosten vor allem für Moderation und Auswertung.',
      en: 'Platform usually available (mein.berlin); costs mainly for moderation and analysis.',
    },
  },
  recruitment: {
    de: 'Bewerbung online und offline (Plakate mit QR-Code, Presse, soziale Medien); gezielte Einladung schwer erreichbarer Gruppen.',
    en: 'Promote online and offline (posters with QR code, press, social media); invite hard-to-reach groups specifically.',
  },
  strengths: {
    de: 'Orts- und zeitunabhängig; viele Beiträge; Beiträge sind dokumentiert und nachvollziehbar.',
    en: 'Independent of place and time; many contributions; contributions are documented and traceable.',
  },
  limits: {
    de: 'Digitale Kluft: ältere und ärmere Menschen beteiligen sich seltener; wenig Austausch zwischen Sichtweisen; Auswertung aufwendig.',
    en: 'Digital divide: older and poorer people take part less; little exchange between viewpoints; analysis is laborious.',
  },
  accessibility: {
    de: 'Plattform nach WCAG 2.1 AA, Leichte Sprache, Beiträge auch per Post, Telefon oder an einem Vor-Ort-Termin annehmen.',
    en: 'Platform to WCAG 2.1 AA, plain language, accept contributions by post, phone or at an on-site date as well.',
  },
};

export default method;

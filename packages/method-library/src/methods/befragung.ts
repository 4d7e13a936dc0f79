import type { Method } from '../schema.js';

/** Befragung (Survey). */
const method: Method = {
  id: 'befragung',
  name: {
    de: 'Befragung',
    en: 'Survey',
  },
  purpose: {
    de: 'Eine schriftliche oder Online-Befragung erhebt Meinungen, Nutzungen und Bedürfnisse vieler Menschen in vergleichbarer Form. Mit einer Zufallsstichprobe lassen sich Aussagen über die ganze Bevölkerung eines Gebiets treffen.',
    en: 'A written or online survey collects the opinions, habits and needs of many people in a comparable form. With a random sample, it can speak for the whole population of an area.',
  },
  level: 'consult',
  mode: 'hybrid',
  groupSize: {
    min: 50,
    max: null,
  },
  duration: {
    min: 2,
    max: 8,
    unit: 'weeks',
    note: {
      de: 'Feldzeit von zwei bis acht Wochen, dazu Vorbereitung und Auswertung.',
      en: 'Field time of two to eight weeks, plus preparation and analysis.',
    },
  },
  effort: {
    scale: 'medium',
    text: {
      de: 'Fragebogen entwickeln und testen, Versand, Auswertung; bei Stichproben Methodenwissen nötig.',
      en: 'Developing and testing the questionnaire, sending it out, analysis; samples need methodological skill.',
    },
  },
  cost: {
    scale: 'medium',
    text: {
      de: 'Druck und Porto oder Online-Werkzeug; bei Zufallsstichproben Adressen aus dem Melderegister.',
      en: 'Printing and postage or an online tool; for random samples, addresses from the population register.',
    },
  },
  recruitment: {
    de: 'Offen für alle oder Zufallsstichprobe aus dem Melderegister; Erinnerungsschreiben erhöhen den Rücklauf.',
    en: 'Open to all or a random sample from the population register; reminder letters raise the response rate.',
  },
  strengths: {
    de: 'Erreicht viele, auch Menschen, die nicht zu Veranstaltungen kommen; Ergebnisse sind zählbar und vergleichbar.',
    en: 'Reaches many, including people who do not come to events; results are countable and comparable.',
  },
  limits: {
    de: 'Nur vorgegebene Fragen; kein Austausch; geringer Rücklauf verzerrt Ergebnisse.',
    en: 'Only predefined questions; no exchange; low response distorts results.',
  },
  accessibility: {
    de: 'Fragebogen in Leichter Sprache und mehreren Sprachen, barrierefreies Online-Formular, Hilfe beim Ausfüllen (Telefon, Sprechstunde).',
    en: 'Questionnaire in plain language and several languages, accessible online form, help with filling it in (phone, drop-in hours).',
  },
};

export default method;

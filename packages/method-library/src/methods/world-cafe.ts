import type { Method } from '../schema.js';

/** World Café (World Café). */
const method: Method = {
  id: 'world-cafe',
  name: {
    de: 'World Café',
    en: 'World Café',
  },
  purpose: {
    de: 'An kleinen Tischen wie in einem Café diskutieren jeweils vier bis sechs Personen eine Frage; nach jeder Runde wechseln sie die Tische, nur die Gastgeberin oder der Gastgeber bleibt. So vernetzen sich Ideen im ganzen Raum, und die Gruppe entwickelt gemeinsames Wissen.',
    en: 'At small tables, as in a café, four to six people each discuss a question; after every round they change tables, only the host stays. Ideas connect across the whole room and the group builds shared knowledge.',
  },
  level: 'involve',
  mode: 'offline',
  groupSize: {
    min: 12,
    max: 200,
  },
  duration: {
    min: 90,
    max: 180,
    unit: 'minutes',
    note: {
      de: 'Drei Gesprächsrunden von 20 bis 30 Minuten plus Einstieg und Ernte, insgesamt 1,5 bis 3 Stunden.',
      en: 'Three rounds of 20 to 30 minutes plus opening and harvest, 1.5 to 3 hours in total.',
    },
  },
  effort: {
    scale: 'medium',
    text: {
      de: 'Gute Fragen formulieren, Tischgastgebende einweisen, Ergebnisse dokumentieren.',
      en: 'Writing good questions, briefing table hosts, documenting results.',
    },
  },
  cost: {
    scale: 'low',
    text: {
      de: 'Raum mit Tischen, Papier und Stifte, ggf. Verpflegung.',
      en: 'Room with tables, paper and pens, possibly catering.',
    },
  },
  recruitment: {
    de: 'Offene Einladung oder gemischte Zusammensetzung aus Anwohnenden, Initiativen und Verwaltung.',
    en: 'Open invitation or a mixed group of residents, initiatives and administration.',
  },
  strengths: {
    de: 'Alle kommen zu Wort; entspannte Atmosphäre; viele Perspektiven in kurzer Zeit; skaliert gut.',
    en: 'Everyone gets to speak; relaxed atmosphere; many perspectives in short time; scales well.',
  },
  limits: {
    de: 'Ergebnisse bleiben oft allgemein; nicht für Entscheidungen oder Konflikte geeignet; Dokumentation der Tische ist ungleich.',
    en: 'Results often remain general; unsuited to decisions or conflicts; table notes vary in quality.',
  },
  accessibility: {
    de: 'Barrierefreie Wege zwischen den Tischen, Tischgastgebende mit Sprachkenntnissen, Ergebnisse auch bildlich festhalten, leise Ecke für Hörgeschädigte.',
    en: 'Accessible paths between tables, table hosts with language skills, record results visually too, a quiet corner for people with hearing loss.',
  },
};

export default method;
